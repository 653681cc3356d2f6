package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.session.SessionOutcome;
import dev.atscope.core.session.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each built-in fault profile, run through the decoder and the session tracker, gives the outcome
 * that names it: the emulator makes the failure, the analyzer must recognise it.
 */
class FaultInjectionTest {

    static ModuleBench bench(String profile) throws Exception {
        return new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST)
                .withFaults(FaultProfile.builtIn(profile)).withHost("server.test", "127.0.0.1"));
    }

    static SessionSummary onlySession(ModuleBench b) {
        List<SessionSummary> s = b.sessions();
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    @Test
    void pdpActivationFailsTwiceThenWorks() throws Exception {
        try (ModuleBench b = bench("pdp-fails-twice")) {
            b.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(b.answer("AT+QIACT")).containsExactly("ERROR");
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.PDP_ACTIVATION_FAILED);
            assertThat(b.answer("AT+QIACT")).containsExactly("ERROR");
            assertThat(b.answer("AT+QIACT")).as("the third attempt").containsExactly("OK");
            assertThat(onlySession(b).outcome()).as("a retry that worked").isEqualTo(SessionOutcome.OK);
        }
    }

    @Test
    void notAttachedIsFoundByTheChecksOfSection131() throws Exception {
        try (ModuleBench b = bench("not-attached")) {
            b.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(b.answer("AT+CGATT?")).containsExactly("+CGATT: 0", "OK");
            assertThat(b.answer("AT+CGATT=1")).containsExactly("+CME ERROR: 107");
            assertThat(b.answer("AT+QIACT")).containsExactly("ERROR");
            SessionSummary s = onlySession(b);
            assertThat(s.outcome()).isEqualTo(SessionOutcome.NOT_REGISTERED);
            assertThat(s.detail()).contains("not registered or attached");
        }
    }

    @Test
    void notRegistered() throws Exception {
        try (ModuleBench b = bench("not-registered")) {
            b.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(b.answer("AT+CGREG?")).containsExactly("+CGREG: 0,2", "OK");
            assertThat(b.answer("AT+QIACT")).containsExactly("ERROR");
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.NOT_REGISTERED);
        }
    }

    @Test
    void contextsBusyElsewhere() throws Exception {
        try (ModuleBench b = bench("contexts-busy")) {
            b.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(b.answer("AT+QIACT")).containsExactly("ERROR");
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.PDP_ACTIVATION_FAILED);
        }
    }

    @Test
    void dnsFailure() throws Exception {
        try (ModuleBench b = bench("dns-failure"); LoopbackHttpsServer s = LoopbackHttpsServer.http(new byte[1])) {
            b.activate();
            b.url(s.url("server.test", "/"));
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3813");
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.DNS_FAILED);
            assertThat(s.requests()).isZero();
        }
    }

    @Test
    void tlsHandshakeFailure() throws Exception {
        Pki.Issued ca = Pki.authority("fault CA");
        try (ModuleBench b = bench("handshake-failure");
                LoopbackHttpsServer s = LoopbackHttpsServer.https(Pki.server(ca, "server.test"), List.of("TLSv1.2"),
                        LoopbackHttpsServer.ClientAuth.NONE, null, new byte[1])) {
            b.activate();
            b.send("AT+QSSLCFG=\"https\",1");
            b.url(s.url("server.test", "/"));
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3815");
            SessionSummary x = onlySession(b);
            assertThat(x.outcome()).isEqualTo(SessionOutcome.TLS_HANDSHAKE_FAILED);
            assertThat(x.errorCode()).isEqualTo(3815);
            assertThat(b.log).anyMatch(l -> l.contains("made to fail (fault profile)"));
            assertThat(s.requests()).isZero();
        }
    }

    @Test
    void httpErrorStatus() throws Exception {
        try (ModuleBench b = bench("http-500"); LoopbackHttpsServer s = LoopbackHttpsServer.http(new byte[1])) {
            b.activate();
            b.url(s.url("server.test", "/"));
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3822");
            SessionSummary x = onlySession(b);
            assertThat(x.outcome()).isEqualTo(SessionOutcome.HTTP_ERROR);
            assertThat(x.detail()).contains("3822");
            assertThat(b.log).anyMatch(l -> l.contains("-> 500"));
        }
    }

    @Test
    void anErrorStatusFromTheServerItselfFailsTheRequestToo() throws Exception {
        try (ModuleBench b = ModuleBench.fast(); LoopbackHttpsServer s = LoopbackHttpsServer.http(new byte[1])) {
            b.activate();
            b.url("http://127.0.0.1:" + s.port() + "/status/404");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3822");
        }
    }

    @Test
    void slowAnswersExceedTheGrammarsResponseTime() throws Exception {
        FaultProfile slow = new FaultProfile(null, 3L, null, null, null, null, null, null,
                Map.of("+QILOCIP", new FaultProfile.Latency(350, 400)), null, null, null, null);
        try (ModuleBench b = ModuleBench.fast(slow)) {
            b.activate();
            assertThat(b.answer("AT+QILOCIP")).containsExactly("127.0.0.1");
            Transaction t = b.transactions().get(b.transactions().size() - 1);
            assertThat(t.first().name()).isEqualTo("+QILOCIP");
            assertThat(t.durationMicros() / 1000).isGreaterThanOrEqualTo(350)
                    .isGreaterThan(t.shape().maxResponseMillis());
            assertThat(TraceChecker.check(b.decoded(), ModuleBench.REGISTRY)).filteredOn(d -> d.ruleId().equals("result.slow"))
                    .singleElement().satisfies(d -> assertThat(d.message()).startsWith("AT+QILOCIP took"));
        }
        assertThat(FaultProfile.builtIn("slow-network").latencyOf("+QIACT"))
                .isEqualTo(new FaultProfile.Latency(2000, 8000));
        assertThat(FaultProfile.builtIn("slow-network").latencyOf("+CSQ")).isEqualTo(new FaultProfile.Latency(50, 400));
    }

    @Test
    void bytesDroppedDuringAnUpload() throws Exception {
        byte[] ca = NoteExamples.pem("CERTIFICATE", 1614, 1);
        // a module second of 200 ms: the whole upload arrives well within the timeout of 3, however busy the machine
        ModulePace timing = new ModulePace(0, java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(30),
                java.time.Duration.ZERO);
        try (ModuleBench b = new ModuleBench(EmulatorConfig.defaults().withTiming(timing)
                .withFaults(FaultProfile.builtIn("upload-drops-bytes")))) {
            // the module waits for the three lost bytes until its timeout, then stores what came
            assertThat(b.upload("AT+QSECWRITE=\"RAM:ca.pem\",1614,3", ca).lines()).element(1).asString()
                    .startsWith("+QSECWRITE: 1611,");
            SessionSummary x = onlySession(b);
            assertThat(x.outcome()).isEqualTo(SessionOutcome.UPLOAD_CORRUPTED);
            assertThat(x.detail()).contains("stored 1611 of 1614 bytes");
        }
    }

    @Test
    void bytesCorruptedDuringAnUpload() throws Exception {
        byte[] ca = NoteExamples.pem("CERTIFICATE", 1614, 1);
        try (ModuleBench b = bench("upload-corrupts-bytes")) {
            AtHost.Reply r = b.upload("AT+QSECWRITE=\"RAM:ca.pem\",1614,100", ca);
            assertThat(r.ok()).isTrue();
            assertThat(r.lines().get(1)).startsWith("+QSECWRITE: 1614,");
            SessionSummary x = onlySession(b);
            assertThat(x.outcome()).isEqualTo(SessionOutcome.UPLOAD_CORRUPTED);
            assertThat(x.detail()).contains("checksum");
        }
    }

    @Test
    void aRestartDuringTheRequest() throws Exception {
        try (ModuleBench b = bench("restart-during-get"); LoopbackHttpsServer s = LoopbackHttpsServer.http(new byte[1])) {
            b.activate();
            b.url(s.url("server.test", "/"));
            AtHost.Reply r = b.send("AT+QHTTPGET=60");
            assertThat(r.interrupted()).isTrue();
            assertThat(r.urcs()).startsWith("RDY");
            b.host.awaitUrc("SMS Ready", java.time.Duration.ofSeconds(5));
            assertThat(b.answer("AT+QILOCIP")).as("the context died with the restart").containsExactly("ERROR");
            List<SessionSummary> sessions = b.sessions();
            assertThat(sessions.get(0).outcome()).isEqualTo(SessionOutcome.RESET_DURING_REQUEST);
            assertThat(sessions.get(0).endedBy()).isEqualTo("restart");
            assertThat(b.transactions()).filteredOn(t -> t.first().name().equals("+QHTTPGET"))
                    .extracting(Transaction::outcome).containsExactly(Outcome.INTERRUPTED);
        }
    }

    @Test
    void aBurstOfUrcsInsideAnAnswer() throws Exception {
        try (ModuleBench b = bench("urc-burst")) {
            b.send("AT+QICSGP=1,\"CMNET\"");
            AtHost.Reply r = b.send("AT+QIACT");
            assertThat(r.result()).isEqualTo("OK");
            assertThat(r.urcs()).hasSize(10).startsWith("+CGREG: 1", "+CREG: 1");
            List<Decoded> d = b.decoded();
            assertThat(d).filteredOn(x -> x instanceof Event e && e.kind() == EventKind.URC
                    && e.text().matches("\\+C(G)?REG: 1")).hasSize(10);
            assertThat(b.transactions()).last().satisfies(t -> {
                assertThat(t.first().name()).isEqualTo("+QIACT");
                assertThat(t.outcome()).isEqualTo(Outcome.OK);
            });
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.OK);
            assertThat(TraceChecker.check(d, ModuleBench.REGISTRY)).filteredOn(x -> x.ruleId().equals("urc.burst"))
                    .singleElement().satisfies(x -> assertThat(x.message()).contains("while AT+QIACT waited"));
        }
    }

    @Test
    void aHealthyModuleStaysHealthy() throws Exception {
        try (ModuleBench b = ModuleBench.fast(); LoopbackHttpsServer s = LoopbackHttpsServer.http(
                "x".getBytes(StandardCharsets.US_ASCII))) {
            b.activate();
            b.url("http://127.0.0.1:" + s.port() + "/");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("OK");
            assertThat(onlySession(b).outcome()).isEqualTo(SessionOutcome.OK);
        }
    }
}
