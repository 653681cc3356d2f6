package dev.atscope.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.Where;
import java.time.Instant;

/** The JSON form of a checker's diagnostic, one object per line for scripts and CI. */
public final class DiagnosticJson {

    private final Instant start;
    private final String source;

    /**
     * @param start the trace's wall-clock start, or null
     * @param source the trace's file name, or null
     */
    public DiagnosticJson(Instant start, String source) {
        this.start = start;
        this.source = source;
    }

    /**
     * A diagnostic with its place: transaction, direction, byte span, time, source line, and the
     * column range of the bad part in {@code text} (the line it is about), when known.
     *
     * @param session the number of the session it belongs to, from 1
     * @param text the command or answer line it points at, in the trace format's escaped form, or null
     */
    public ObjectNode diagnostic(Diagnostic d, int session, String text) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", "diagnostic");
        if (source != null) {
            o.put("file", source);
        }
        o.put("session", session);
        o.put("rule", d.ruleId());
        o.put("severity", d.severity().word());
        o.put("message", d.message());
        if (d.section() != null) {
            o.put("section", d.section());
        }
        Where w = d.where();
        if (w.transactionId() >= 0) {
            o.put("transaction", w.transactionId());
        }
        if (w.direction() != null) {
            o.put("dir", w.direction().code());
        }
        if (w.startOffset() >= 0) {
            o.put("offset", w.startOffset());
            o.put("end_offset", w.endOffset());
        }
        if (w.timeMicros() >= 0) {
            o.put("time_us", w.timeMicros());
            if (start != null) {
                o.put("time", start.plusNanos(w.timeMicros() * 1000).toString());
            }
        }
        if (w.line() >= 0) {
            o.put("line", w.line());
        }
        if (text != null) {
            o.put("text", text);
        }
        if (w.column() >= 0) {
            o.put("column", w.column());
            o.put("length", w.length());
        }
        return o;
    }
}
