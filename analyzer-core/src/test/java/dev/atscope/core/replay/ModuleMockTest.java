package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.link.PipeLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a recorded module, when a host talks to its mock, then it hears what the recorded host heard. */
class ModuleMockTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    static ModuleMock mock(Trace trace, boolean strict) {
        return new ModuleMock(Recording.of(trace, REGISTRY), new MockOptions(strict, 0.001, 100),
                ModuleMock.ERROR_FALLBACK);
    }

    @Test
    void aHostDrivenAgainstTheFieldTraceReceivesTheRecordedFailure() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(FieldTraces.failing(), true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            // the boot, as recorded, before any command
            assertThat(host.readLines(5)).containsExactly("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready");
            for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT")) {
                assertThat(host.send(c)).containsExactly(c, "OK");
            }
            assertThat(host.send("AT+QILOCIP")).containsExactly("AT+QILOCIP", "10.7.14.3");
            for (String c : List.of("AT+QSSLCFG=\"sslversion\",0,2", "AT+QSSLCFG=\"secllevel\",0,0",
                    "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", "AT+QSSLCFG=\"https\",1")) {
                assertThat(host.send(c)).containsExactly(c, "OK");
            }
            assertThat(host.send("AT+QHTTPURL=57,60")).containsExactly("AT+QHTTPURL=57,60", "CONNECT");
            assertThat(host.upload(NoteExamples.URL.getBytes(StandardCharsets.US_ASCII))).containsExactly("OK");
            assertThat(host.send("AT+QHTTPGET=60")).containsExactly("AT+QHTTPGET=60", "+CME ERROR: 3815");
            assertThat(host.send("AT+QHTTPREAD=30")).containsExactly("AT+QHTTPREAD=30", "+CME ERROR: 3822");
            assertThat(host.send("AT+QIDEACT")).containsExactly("AT+QIDEACT", "DEACT OK");
            ends[0].close();
            MockReport report = session.report();
            assertThat(report.divergences()).isEmpty();
            assertThat(report.followedTheRecording()).isTrue();
            assertThat(report.answered()).isEqualTo(13);
            assertThat(report.hostCommands()).isEqualTo(13);
        }
    }

    @Test
    void aModuleBodyComesWholeAfterConnect() throws Exception {
        Trace read = trace(new ScriptedTraffic().command("AT+QHTTPREAD=30").answer(25_000, "CONNECT")
                .moduleBytes(2_000, NoteExamples.page()).answer(3_000, "OK"));
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(read, true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QHTTPREAD=30")).containsExactly("AT+QHTTPREAD=30", "CONNECT");
            String body = host.readBodyUntilOk();
            assertThat(body.replace("\n", "")).isEqualTo(new String(NoteExamples.page(), StandardCharsets.US_ASCII)
                    .replace("\r\n", "").replace("\n", ""));
            ends[0].close();
            assertThat(session.report().answered()).isEqualTo(1);
        }
    }

    @Test
    void aRetryOfTheSameCommandIsAnsweredAgainAndReported() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(shortSession(), true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIREGAPP")).containsExactly("AT+QIREGAPP", "OK");
            assertThat(host.send("AT+QIREGAPP")).containsExactly("AT+QIREGAPP", "OK");
            assertThat(host.send("AT+QIACT")).containsExactly("AT+QIACT", "OK");
            ends[0].close();
            MockReport report = session.report();
            assertThat(report.divergences()).extracting(Divergence::kind).containsExactly(Divergence.Kind.RETRY);
            assertThat(report.divergences().get(0).hostCommand()).isEqualTo(2);
            assertThat(report.followedTheRecording()).isTrue();
        }
    }

    @Test
    void aRecordedRetryThatTheHostDoesNotMakeIsSkipped() throws Exception {
        Trace retried = trace(new ScriptedTraffic().command("AT+QIACT").answer(5_000, "ERROR")
                .command("AT+QIACT").answer(5_000, "OK").command("AT+QILOCIP").answer(1_000, "10.1.83.188"));
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(retried, true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIACT")).containsExactly("AT+QIACT", "ERROR");
            assertThat(host.send("AT+QILOCIP")).containsExactly("AT+QILOCIP", "10.1.83.188");
            ends[0].close();
            MockReport report = session.report();
            assertThat(report.divergences()).extracting(Divergence::kind)
                    .containsExactly(Divergence.Kind.SKIPPED_RETRY);
            assertThat(report.divergences().get(0).expectedId()).isEqualTo(2);
        }
    }

    @Test
    void aStrictMockStopsAtACommandTheRecordingDoesNotHaveAndSaysWhere() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(shortSession(), true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIREGAPP")).containsExactly("AT+QIREGAPP", "OK");
            assertThat(host.send("AT+CSQ")).containsExactly("<closed>");
            MockReport report = session.report();
            assertThat(report.stoppedEarly()).isTrue();
            Divergence d = report.divergences().get(0);
            assertThat(d.kind()).isEqualTo(Divergence.Kind.UNEXPECTED);
            assertThat(d.describe()).isEqualTo(
                    "host command 2 AT+CSQ diverges where the recording has AT+QIACT (transaction 2)");
        }
    }

    @Test
    void aLenientMockAnswersTheFallbackAndGoesOn() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(shortSession(), false), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIREGAPP")).containsExactly("AT+QIREGAPP", "OK");
            assertThat(host.send("AT+CSQ")).containsExactly("AT+CSQ", "ERROR");
            assertThat(host.send("AT+QIACT")).containsExactly("AT+QIACT", "OK");
            ends[0].close();
            MockReport report = session.report();
            assertThat(report.stoppedEarly()).isFalse();
            assertThat(report.divergences()).extracting(Divergence::kind).containsExactly(Divergence.Kind.UNEXPECTED);
            assertThat(report.answered()).isEqualTo(2);
        }
    }

    @Test
    void aHostThatStopsEarlyIsReportedWithTheCommandItDidNotReach() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(shortSession(), true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIREGAPP")).containsExactly("AT+QIREGAPP", "OK");
            ends[0].close();
            MockReport report = session.report();
            assertThat(report.divergences()).extracting(Divergence::describe).containsExactly(
                    "the host stopped after 1 commands where the recording has AT+QIACT (transaction 2)");
        }
    }

    @Test
    void onceTheRecordingIsDoneAQuietHostEndsTheSession() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(shortSession(), true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            host.send("AT+QIREGAPP");
            host.send("AT+QIACT");
            MockReport report = session.report(); // the host never closes: the linger time ends it
            assertThat(report.answered()).isEqualTo(2);
            // the LF of the last OK, then the end of the stream
            assertThat(ends[0].input().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("\n");
        }
    }

    @Test
    void aRecordingWhoseLastCommandWasNeverAnsweredStillEndsAfterTheLinger() throws Exception {
        // serving the last command queues nothing to send: the sender's idle wait alone must see the linger out
        Trace unanswered = trace(new ScriptedTraffic().echo(false).command("AT+QIREGAPP").answer(48_000, "OK")
                .pause(80_000).command("AT+QIACT"));
        PipeLink[] ends = PipeLink.pair("host", "module");
        try (MockSession session = new MockSession(mock(unanswered, true), ends[1])) {
            TestHost host = new TestHost(ends[0]);
            assertThat(host.send("AT+QIREGAPP")).containsExactly("OK");
            ends[0].output().write("AT+QIACT\r".getBytes(StandardCharsets.US_ASCII));
            ends[0].output().flush();
            MockReport report = session.report(); // the host never closes: the linger time ends it
            assertThat(report.answered()).isEqualTo(2);
            assertThat(report.divergences()).isEmpty();
            // the LF of the OK, then the end of the stream: nothing was recorded for AT+QIACT
            assertThat(ends[0].input().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("\n");
        }
    }

    static Trace shortSession() {
        return trace(new ScriptedTraffic().command("AT+QIREGAPP").answer(48_000, "OK")
                .pause(80_000).command("AT+QIACT").answer(2_350_000, "OK"));
    }

    static Trace trace(ScriptedTraffic t) {
        return new Trace(TraceMetadata.EMPTY, t.entries());
    }
}
