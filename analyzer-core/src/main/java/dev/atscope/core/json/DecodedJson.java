package dev.atscope.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.ByteEscaper;
import java.time.Instant;

/**
 * The JSON form of decoded events and transactions, one object per line for scripts and CI. Text
 * is given in the trace file's escaped form, so every byte survives.
 */
public final class DecodedJson {

    /** The mapper every JSON Lines output of atscope uses. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProtocolRegistry registry;
    private final Instant start;
    private final String source;

    /**
     * @param registry for error meanings
     * @param start the trace's wall-clock start, or null
     * @param source the trace's file name, or null
     */
    public DecodedJson(ProtocolRegistry registry, Instant start, String source) {
        this.registry = registry;
        this.start = start;
        this.source = source;
    }

    /** A transaction with every field and its place in the trace. */
    public ObjectNode transaction(Transaction t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "transaction");
        if (source != null) {
            o.put("file", source);
        }
        o.put("id", t.id());
        o.put("start_us", t.startMicros());
        o.put("end_us", t.endMicros());
        o.put("duration_us", t.durationMicros());
        if (start != null) {
            o.put("time", start.plusNanos(t.startMicros() * 1000).toString());
        }
        o.put("command", ByteEscaper.escape(t.command().bytes()));
        ArrayNode cmds = o.putArray("commands");
        for (AtCommand c : t.commands()) {
            ObjectNode cn = cmds.addObject();
            cn.put("name", c.name());
            cn.put("form", c.form().word());
            if (!c.args().isEmpty()) {
                cn.put("args", c.args());
                ArrayNode ps = cn.putArray("params");
                c.params().forEach(ps::add);
            }
        }
        o.put("outcome", t.outcome().word());
        o.put("result", t.resultText());
        String detail = t.errorDetail();
        if (detail != null) {
            int code = t.errorCode() >= 0 ? t.errorCode() : registry.cmeCodeOf(detail);
            if (code >= 0) {
                o.put("error_code", code);
                String meaning = registry.cmeMeaning(code);
                if (meaning != null) {
                    o.put("error_meaning", meaning);
                }
            } else {
                o.put("error_text", detail);
            }
        }
        if (t.result() == null) {
            o.put("waited_us", t.waitedMicros());
        }
        o.set("command_event", event(t.command()));
        if (t.echo() != null) {
            o.set("echo", event(t.echo()));
        }
        ArrayNode rs = o.putArray("responses");
        t.responses().forEach(r -> rs.add(event(r)));
        if (t.result() != null) {
            o.set("result_event", event(t.result()));
        }
        return o;
    }

    /** One event with its byte span, times and source line. */
    public ObjectNode event(Event e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "event");
        o.put("kind", e.kind().word());
        o.put("dir", e.direction() == null ? null : e.direction().code());
        if (e.kind() == EventKind.PAYLOAD) {
            o.put("length", e.bytes().length);
        }
        o.put("text", ByteEscaper.escape(e.bytes()));
        o.put("offset", e.startOffset());
        o.put("end_offset", e.endOffset());
        o.put("start_us", e.startMicros());
        o.put("end_us", e.endMicros());
        if (e.line() >= 0) {
            o.put("line", e.line());
        }
        if (e.note() != null) {
            o.put("note", e.note());
        }
        return o;
    }
}
