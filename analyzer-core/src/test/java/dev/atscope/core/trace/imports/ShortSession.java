package dev.atscope.core.trace.imports;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The note's §3.3 HTTPS session, shortened to one SSL setting and a small page: the session every
 * fixture under {@code src/test/resources/dev/atscope/core/trace/imports/} records.
 */
final class ShortSession {

    static final String BODY = "<html><body>test2000</body></html>\r\n";

    private ShortSession() {}

    /** Import options with the grammar of the default libraries, as the command line reads logs. */
    static ImportOptions options() {
        return ImportOptions.defaults().withModel(ProtocolRegistry.loadDefault());
    }

    /** The session as native traffic, echo on. */
    static List<TraceEntry> traffic() {
        return traffic(true);
    }

    /**
     * The session, with or without the URL upload (a terminal log shows only what the module sent,
     * and a module does not echo data-mode input).
     */
    static List<TraceEntry> traffic(boolean upload) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY");
        step(t, "AT+QIFGCNT=0", "OK");
        step(t, "AT+QICSGP=1,\"CMNET\"", "OK");
        step(t, "AT+QIACT", "OK");
        step(t, "AT+QILOCIP", NoteExamples.LOCAL_IP);
        step(t, "AT+QSSLCFG=\"sslversion\",0,2", "OK");
        if (upload) {
            t.pause(80_000).command("AT+QHTTPURL=57,60").answer(20_000, "CONNECT");
            t.hostBytes(30_000, NoteExamples.URL.getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        }
        step(t, "AT+QHTTPGET=60", "OK");
        t.pause(80_000).command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, BODY.getBytes(StandardCharsets.US_ASCII));
        t.answer(3_000, "OK");
        step(t, "AT+QIDEACT", "DEACT OK");
        return t.entries();
    }

    private static void step(ScriptedTraffic t, String command, String answer) {
        t.pause(80_000).command(command).answer(12_000, answer);
    }

    /** Every entry of a reader. */
    static List<TraceEntry> readAll(TraceReader r) throws IOException {
        List<TraceEntry> out = new ArrayList<>();
        TraceEntry e;
        while ((e = r.next()) != null) {
            out.add(e);
        }
        return out;
    }

    /**
     * The transactions as text that leaves out times, offsets and lines: command, echo (when asked
     * for), each response's kind and text, result and outcome.
     */
    static List<String> transactions(List<TraceEntry> entries, boolean withEcho) {
        List<String> out = new ArrayList<>();
        for (Transaction t : TraceDecoding.transactions(entries, ProtocolRegistry.loadDefault())) {
            StringBuilder sb = new StringBuilder(t.command().text());
            if (withEcho) {
                sb.append(" | echo ").append(t.echo() == null ? "-" : t.echo().text());
            }
            for (Event e : t.responses()) {
                sb.append(" | ").append(e.kind()).append(' ').append(e.text());
            }
            sb.append(" | ").append(t.resultText()).append(" | ").append(t.outcome());
            out.add(sb.toString());
        }
        return out;
    }
}
