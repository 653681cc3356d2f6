package dev.atscope.report;

import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** Traces the report tests open: a failing handshake, then a server body that tries to run script. */
final class ReportTraces {

    /** The APN password the trace configures; redaction must hide it. */
    static final String PASSWORD = "s3cr3t-pw";
    /** The client key uploaded in the trace; redaction must hide its body. */
    static final byte[] KEY = NoteExamples.pem("RSA PRIVATE KEY", 900, 7);
    /** A body that runs script and loads from the network if any view puts it into the page as HTML. */
    static final String HOSTILE_BODY = "<html><script>window.pwned=1;alert('pwned')</script>\r\n"
            + "<img src=x onerror=\"window.pwned=2\"></script><!-- <script>window.pwned=3</script> -->\r\n"
            + "<iframe src=\"http://198.51.100.7/steal\"></iframe><style>body{display:none}</style>&amp;\r\n"
            + "</html>\r\n";

    private ReportTraces() {}

    /**
     * Session 1: a wrong parameter, a key upload, an APN with a password, then AT+QHTTPGET fails with
     * error 3815 on an https URL (a TLS handshake failure). Session 2: a plain http request whose
     * body is {@link #HOSTILE_BODY}. 17 transactions.
     */
    static ScriptedTraffic handshakeThenHostileBody() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(900_000).urc("+CPIN: READY").pause(2_000_000).urc("Call Ready");
        step(t, "AT+CMEE=1", 8_000, "OK");
        step(t, "AT+QIFGCNT=5", 9_000, "ERROR");
        step(t, "AT+QIFGCNT=0", 9_000, "OK");
        t.pause(80_000).command("AT+QSECWRITE=\"RAM:client_key.pem\"," + KEY.length + ",100").answer(18_000, "CONNECT");
        t.hostBytes(40_000, KEY);
        t.answer(60_000, "+QSECWRITE: " + KEY.length + "," + UploadChecksum.hex(KEY), "OK");
        step(t, "AT+QICSGP=1,\"CMNET\",\"user\",\"" + PASSWORD + "\"", 12_000, "OK");
        step(t, "AT+QIREGAPP", 40_000, "OK");
        step(t, "AT+QIACT", 1_900_000, "OK");
        step(t, "AT+QSSLCFG=\"sslversion\",0,3", 10_000, "OK");
        step(t, "AT+QSSLCFG=\"https\",1", 10_000, "OK");
        url(t, NoteExamples.URL);
        step(t, "AT+QHTTPGET=60", 4_200_000, "+CME ERROR: 3815");
        step(t, "AT+QIDEACT", 600_000, "DEACT OK");
        step(t, "AT+QIACT", 1_500_000, "OK");
        url(t, "http://198.51.100.7/page.html");
        step(t, "AT+QHTTPGET=60", 900_000, "OK");
        t.pause(90_000).command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, HOSTILE_BODY.getBytes(StandardCharsets.ISO_8859_1));
        t.answer(3_000, "OK");
        step(t, "AT+QIDEACT", 500_000, "DEACT OK");
        return t;
    }

    /** Writes the traffic as a native trace file. */
    static Path write(ScriptedTraffic t, Path file) throws IOException {
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-23T10:00:00Z"))
                .withTag("device", "field-m95-0042");
        new Trace(meta, t.entries()).write(file);
        return file;
    }

    private static void url(ScriptedTraffic t, String url) {
        t.pause(80_000).command("AT+QHTTPURL=" + url.length() + ",60").answer(20_000, "CONNECT");
        t.hostBytes(30_000, url.getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
    }

    private static void step(ScriptedTraffic t, String command, long latencyMicros, String... answer) {
        t.pause(80_000).command(command).answer(latencyMicros, answer);
    }
}
