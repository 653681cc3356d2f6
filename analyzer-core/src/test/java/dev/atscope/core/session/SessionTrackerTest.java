package dev.atscope.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a trace, when split into sessions, then each session's outcome and the transactions that decided it. */
class SessionTrackerTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    static List<SessionSummary> sessions(ScriptedTraffic t) {
        List<SessionSummary> out = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(REGISTRY, out::add);
        for (Decoded d : TraceDecoding.decode(t.entries(), REGISTRY)) {
            tracker.accept(d);
        }
        tracker.finish();
        return out;
    }

    static ScriptedTraffic request(String url, String getAnswer) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(2_000_000);
        t.command("AT+QIACT").answer(1_500_000, "OK");
        t.pause(50_000).command("AT+QHTTPURL=" + url.length() + ",60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, url.getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(2_000_000, getAnswer);
        return t;
    }

    @Test
    void theNoteProceduresAreOk() {
        assertThat(sessions(NoteExamples.httpsGet())).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SessionOutcome.OK);
            assertThat(s.transactions()).isEqualTo(13);
            assertThat(s.endedBy()).isEqualTo("pdp-deactivated");
            assertThat(s.startMicros()).isZero();
        });
        assertThat(sessions(NoteExamples.certificatesInNvram())).singleElement()
                .satisfies(s -> assertThat(s.outcome()).isEqualTo(SessionOutcome.OK));
    }

    @Test
    void httpsFailureBeforeAnyResponseIsAHandshakeFailure() {
        List<SessionSummary> s = sessions(request("https://h.example/x", "+CME ERROR: 3815"));
        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(SessionOutcome.TLS_HANDSHAKE_FAILED);
            assertThat(x.deciding()).containsExactly(3L);
            assertThat(x.detail()).contains("3815").contains("HTTP socket connect error").contains("https://h.example/x");
        });
        assertThat(sessions(request("https://h.example/x", "+CME ERROR: http response fail")).get(0).outcome())
                .as("verbose text maps to 3822").isEqualTo(SessionOutcome.TLS_HANDSHAKE_FAILED);
    }

    @Test
    void plainHttpFailureIsAnHttpError() {
        assertThat(sessions(request("http://h.example/x", "+CME ERROR: 3815")).get(0).outcome())
                .isEqualTo(SessionOutcome.HTTP_ERROR);
    }

    @Test
    void dnsAndTimeouts() {
        assertThat(sessions(request("https://h.example/x", "+CME ERROR: 3813")).get(0).outcome())
                .isEqualTo(SessionOutcome.DNS_FAILED);
        assertThat(sessions(request("https://h.example/x", "+CME ERROR: 3821")).get(0).outcome())
                .isEqualTo(SessionOutcome.REQUEST_TIMEOUT);
        ScriptedTraffic t = request("https://h.example/x", "OK");
        t.pause(50_000).command("AT+QHTTPREAD=30").pause(40_000_000);
        assertThat(sessions(t).get(0).outcome()).isEqualTo(SessionOutcome.REQUEST_TIMEOUT);
    }

    @Test
    void activationFailuresAreJudgedByRegistration() {
        ScriptedTraffic retried = new ScriptedTraffic();
        retried.command("AT+QIACT").answer(30_000_000, "+CME ERROR: 149");
        retried.pause(1_000_000).command("AT+QIACT").answer(2_000_000, "OK");
        assertThat(sessions(retried).get(0).outcome()).as("a retry that works").isEqualTo(SessionOutcome.OK);

        ScriptedTraffic failed = new ScriptedTraffic();
        failed.command("AT+CGREG?").answer(10_000, "+CGREG: 0,1", "OK");
        failed.pause(50_000).command("AT+QIACT").answer(30_000_000, "+CME ERROR: 149");
        assertThat(sessions(failed).get(0)).satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SessionOutcome.PDP_ACTIVATION_FAILED);
            assertThat(s.deciding()).containsExactly(2L);
        });

        ScriptedTraffic unregistered = new ScriptedTraffic();
        unregistered.command("AT+CGREG?").answer(10_000, "+CGREG: 0,2", "OK");
        unregistered.pause(50_000).command("AT+QIACT").answer(30_000_000, "ERROR");
        assertThat(sessions(unregistered).get(0).outcome()).isEqualTo(SessionOutcome.NOT_REGISTERED);
    }

    @Test
    void restartDuringARequestSplitsTheTrace() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_000_000);
        t.command("AT+QHTTPGET=60").pause(3_000_000).urc("RDY").pause(500_000).urc("+CPIN: READY");
        t.pause(3_000_000).command("AT").answer(2_000, "OK");
        List<SessionSummary> s = sessions(t);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).outcome()).isEqualTo(SessionOutcome.RESET_DURING_REQUEST);
        assertThat(s.get(0).endedBy()).isEqualTo("restart");
        assertThat(s.get(0).deciding()).containsExactly(1L);
        assertThat(s.get(1).outcome()).isEqualTo(SessionOutcome.OK);
        assertThat(s.get(1).startMicros()).as("the new session begins with RDY").isGreaterThan(3_000_000)
                .isLessThan(4_100_000);
    }

    @Test
    void damagedUploadsAndUnansweredCommands() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QSECWRITE=\"RAM:ca.pem\",10,100").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "0123456789".getBytes(StandardCharsets.US_ASCII)).answer(50_000, "+QSECWRITE: 10,ffff", "OK");
        assertThat(sessions(t).get(0)).satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SessionOutcome.UPLOAD_CORRUPTED);
            assertThat(s.detail()).contains("checksum ffff");
        });
        ScriptedTraffic silent = new ScriptedTraffic();
        silent.command("AT+CSQ").pause(5_000_000);
        assertThat(sessions(silent).get(0).outcome()).isEqualTo(SessionOutcome.NO_RESPONSE);
    }

    @Test
    void anActivationThatNeverRecoveredDecidesOverTheRequestFailuresItCaused() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(2_000_000);
        t.command("AT+QIACT").answer(10_000, "ERROR");
        t.pause(50_000).command("AT+QIACT").answer(10_000, "ERROR");
        String url = "https://h.example/x";
        t.pause(50_000).command("AT+QHTTPURL=" + url.length() + ",60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, url.getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(20_000, "+CME ERROR: 3808");
        assertThat(sessions(t)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(SessionOutcome.PDP_ACTIVATION_FAILED);
            assertThat(x.deciding()).containsExactly(1L);
        });
    }
}
