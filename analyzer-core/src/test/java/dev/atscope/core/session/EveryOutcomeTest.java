package dev.atscope.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every session outcome that the tracker or a library names, with a trace whose session that
 * library decides so (its detail in that library's words) and a neighbour whose session it does
 * not. An outcome added to a library without its pair here fails {@link #everyNamedOutcomeHasItsPair()}.
 */
class EveryOutcomeTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /**
     * @param decides a trace whose (first) session ends so
     * @param detail words of the deciding library that its detail holds
     * @param not a neighbour whose first session does not
     */
    record Pair(Supplier<ScriptedTraffic> decides, String detail, Supplier<ScriptedTraffic> not) {}

    static final Map<String, Pair> PAIRS = new TreeMap<>();

    static void pair(String library, SessionOutcome o, Supplier<ScriptedTraffic> decides, String detail,
            Supplier<ScriptedTraffic> not) {
        PAIRS.put(library + " " + o.word(), new Pair(decides, detail, not));
    }

    static ScriptedTraffic step(ScriptedTraffic t, String command, String... answer) {
        return t.pause(50_000).command(command).answer(20_000, answer);
    }

    static Supplier<ScriptedTraffic> steps(String... commandThenAnswers) {
        return () -> {
            ScriptedTraffic t = new ScriptedTraffic();
            for (String s : commandThenAnswers) {
                String[] parts = s.split(" -> ");
                step(t, parts[0], parts[1].split(" \\| "));
            }
            return t;
        };
    }

    static ScriptedTraffic mseries(String url, String getAnswer) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(2_000_000);
        step(t, "AT+QIACT", "OK");
        t.pause(50_000).command("AT+QHTTPURL=" + url.length() + ",60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, url.getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
        return step(t, "AT+QHTTPGET=60", getAnswer);
    }

    static ScriptedTraffic lte() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY");
        step(t, "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK");
        return step(t, "AT+QIACT=1", "OK");
    }

    static ScriptedTraffic lteGet(String completion) {
        ScriptedTraffic t = step(lte(), "AT+QHTTPCFG=\"sslctxid\",1", "OK");
        t.pause(50_000).command("AT+QHTTPURL=23,80").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "https://example.net/a/b".getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
        step(t, "AT+QHTTPGET=80", "OK");
        return t.pause(800_000).urc(completion);
    }

    static ScriptedTraffic lteSend(String result) {
        ScriptedTraffic t = step(lte(), "AT+QIOPEN=1,0,\"TCP\",\"example.net\",80,0,0", "OK");
        t.pause(500_000).urc("+QIOPEN: 0,0").pause(50_000).command("AT+QISEND=0,5");
        t.moduleBytes(10_000, "\r\n> ".getBytes(StandardCharsets.US_ASCII));
        return t.hostBytes(10_000, "hello".getBytes(StandardCharsets.US_ASCII)).answer(20_000, result);
    }

    static ScriptedTraffic mqtt(String connected) {
        ScriptedTraffic t = step(lte(), "AT+QMTOPEN=0,\"broker.example\",1883", "OK");
        t.pause(500_000).urc("+QMTOPEN: 0,0");
        step(t, "AT+QMTCONN=0,\"pump-7\"", "OK");
        return t.pause(500_000).urc(connected);
    }

    static {
        String tracker = OutcomeCatalogue.TRACKER;
        pair(tracker, SessionOutcome.OK, steps("AT+CSQ -> +CSQ: 20,99 | OK"), "", steps("AT+CSQ -> ERROR"));
        pair(tracker, SessionOutcome.UNKNOWN, steps("AT+CSQ -> ERROR"), "AT+CSQ failed", steps("AT+CSQ -> OK"));
        pair(tracker, SessionOutcome.NO_RESPONSE, () -> step(new ScriptedTraffic().command("AT+CSQ").pause(9_000_000),
                "AT", "OK"), "got no answer", steps("AT+CSQ -> OK"));
        pair(tracker, SessionOutcome.RESET_DURING_REQUEST, () -> mseries("http://h.example/x", "OK").pause(50_000)
                .command("AT+QHTTPREAD=30").pause(3_000_000).urc("RDY"), "restarted during AT+QHTTPREAD",
                () -> mseries("http://h.example/x", "OK").pause(3_000_000).urc("RDY"));

        String ts = "3gpp-27007";
        pair(ts, SessionOutcome.SIM_MISSING, () -> new ScriptedTraffic().urc("+CPIN: NOT INSERTED"), "NOT INSERTED",
                () -> new ScriptedTraffic().urc("+CPIN: READY"));
        pair(ts, SessionOutcome.SIM_LOCKED, steps("AT+CPIN? -> +CPIN: SIM PIN | OK"), "no PIN was given",
                steps("AT+CPIN? -> +CPIN: SIM PIN | OK", "AT+CPIN=\"1234\" -> OK"));
        pair(ts, SessionOutcome.NOT_REGISTERED, steps("AT+CEREG? -> +CEREG: 3,3,\"1A2B\",\"01A2B3C4\",7,0,15 | OK"),
                "registration denied: +CEREG stat 3", steps("AT+CEREG? -> +CEREG: 3,1,\"1A2B\",\"01A2B3C4\",7 | OK"));
        pair(ts, SessionOutcome.PDP_ACTIVATION_FAILED, steps("AT+CEREG? -> +CEREG: 0,1 | OK", "AT+CGACT=1,1 -> ERROR"),
                "AT+CGACT=1,1 failed", steps("AT+CEREG? -> +CEREG: 0,1 | OK", "AT+CGACT=1,1 -> ERROR",
                        "AT+CGACT=1,1 -> OK"));
        pair(ts, SessionOutcome.NO_SIGNAL, steps("AT+CSQ -> +CSQ: 99,99 | OK", "AT+CEREG? -> +CEREG: 0,2 | OK",
                "AT+CGACT=1,1 -> ERROR"), "no usable signal", steps("AT+CSQ -> +CSQ: 20,99 | OK",
                "AT+CEREG? -> +CEREG: 0,2 | OK", "AT+CGACT=1,1 -> ERROR"));

        String gsm = "quectel-gsm-https";
        pair(gsm, SessionOutcome.NOT_REGISTERED, steps("AT+CGREG? -> +CGREG: 0,2 | OK", "AT+QIACT -> ERROR"),
                "while the module was not registered or attached", steps("AT+CGREG? -> +CGREG: 0,1 | OK",
                        "AT+QIACT -> ERROR"));
        pair(gsm, SessionOutcome.PDP_ACTIVATION_FAILED, steps("AT+QIACT -> ERROR"), "AT+QIACT failed with ERROR",
                steps("AT+QIACT -> ERROR", "AT+QIACT -> OK"));
        pair(gsm, SessionOutcome.DNS_FAILED, () -> mseries("http://h.example/x", "+CME ERROR: 3813"), "3813",
                () -> mseries("http://h.example/x", "OK"));
        pair(gsm, SessionOutcome.TLS_HANDSHAKE_FAILED, () -> mseries("https://h.example/x", "+CME ERROR: 3815"),
                "HTTP socket connect error", () -> mseries("http://h.example/x", "+CME ERROR: 3815"));
        pair(gsm, SessionOutcome.HTTP_ERROR, () -> mseries("http://h.example/x", "+CME ERROR: 3815"), "for http://",
                () -> mseries("http://h.example/x", "OK"));
        pair(gsm, SessionOutcome.REQUEST_TIMEOUT, () -> mseries("http://h.example/x", "+CME ERROR: 3801"),
                "HTTP time out", () -> mseries("http://h.example/x", "OK"));
        pair(gsm, SessionOutcome.UPLOAD_CORRUPTED, () -> upload("1234"), "differs from the captured bytes'",
                () -> upload(null));

        String lte = "quectel-lte";
        pair(lte, SessionOutcome.TLS_HANDSHAKE_FAILED, () -> lteGet("+QHTTPGET: 716"), "716",
                () -> lteGet("+QHTTPGET: 0,200,1024"));
        pair(lte, SessionOutcome.HTTP_ERROR, () -> lteGet("+QHTTPGET: 0,404,0"), "httprspcode 404: Not Found",
                () -> lteGet("+QHTTPGET: 0,200,1024"));
        pair(lte, SessionOutcome.DNS_FAILED, () -> lteGet("+QHTTPGET: 714"), "HTTP(S) DNS error",
                () -> lteGet("+QHTTPGET: 0,200,1024"));
        pair(lte, SessionOutcome.REQUEST_TIMEOUT, () -> lteGet("+QHTTPGET: 702"), "HTTP(S) timeout",
                () -> lteGet("+QHTTPGET: 0,200,1024"));
        pair(lte, SessionOutcome.SOCKET_CLOSED, () -> lteSend("SEND FAIL"), "AT+QISEND=0,5 failed with SEND FAIL",
                () -> lteSend("SEND OK"));
        pair(lte, SessionOutcome.MQTT_REFUSED, () -> mqtt("+QMTCONN: 0,0,5"), "not authorized",
                () -> mqtt("+QMTCONN: 0,0,0"));
        pair(lte, SessionOutcome.PDP_ACTIVATION_FAILED, steps("AT+QIACT=1 -> ERROR"), "AT+QIACT=1 failed",
                steps("AT+QIACT=1 -> ERROR", "AT+QIACT=1 -> OK"));
        pair(lte, SessionOutcome.NOT_REGISTERED, steps("AT+CEREG? -> +CEREG: 0,2 | OK", "AT+QIACT=1 -> ERROR"),
                "while the module was not registered", steps("AT+CEREG? -> +CEREG: 0,1 | OK", "AT+QIACT=1 -> ERROR"));
    }

    static ScriptedTraffic upload(String checksum) {
        byte[] data = NoteExamples.pem("CERTIFICATE", 600, 7);
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QSECWRITE=\"RAM:ca.pem\",600,100").answer(10_000, "CONNECT").hostBytes(10_000, data);
        return t.answer(20_000, "+QSECWRITE: 600," + (checksum == null ? UploadChecksum.hex(data) : checksum), "OK");
    }

    static SessionSummary first(ScriptedTraffic t) {
        List<SessionSummary> out = new ArrayList<>();
        LibrarySelection selection = new LibrarySelection(REGISTRY);
        SessionTracker tracker = new SessionTracker(selection, out::add);
        TraceDecoding.decode(t.entries(), selection).forEach(tracker::accept);
        tracker.finish();
        assertThat(out).isNotEmpty();
        return out.get(0);
    }

    @Test
    void everyNamedOutcomeHasItsPair() {
        List<String> named = new ArrayList<>();
        OutcomeCatalogue.of(REGISTRY).forEach((lib, list) -> list.forEach(o -> named.add(lib + " " + o.word())));
        assertThat(PAIRS.keySet()).containsExactlyInAnyOrderElementsOf(named);
    }

    @TestFactory
    Stream<DynamicTest> eachOutcomeIsDecidedOnItsTraceAndNotOnItsNeighbour() {
        return PAIRS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String word = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            SessionSummary s = first(e.getValue().decides().get());
            assertThat(s.outcome().word()).as(e.getKey() + ": " + s.detail()).isEqualTo(word);
            assertThat(s.detail()).contains(e.getValue().detail());
            SessionSummary n = first(e.getValue().not().get());
            assertThat(n.outcome().word()).as("its neighbour: " + n.detail()).isNotEqualTo(word);
        }));
    }
}
