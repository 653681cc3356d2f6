package dev.atscope.core.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.json.DecodedJson;
import java.util.List;

/**
 * The JSON Lines form of a replay's comparison: one {@code "type":"transaction"} object per
 * recorded transaction (and one for the URCs before the first command when there are any), one
 * {@code "type":"note"} per remark on the replay, then one {@code "type":"summary"}.
 */
public final class ReplayDiffJson {

    private ReplayDiffJson() {}

    /** One compared transaction. */
    public static ObjectNode transaction(TransactionDiff d) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", "transaction");
        o.put("index", d.index());
        o.put("command", d.command());
        o.put("status", d.status().word());
        if (d.edited()) {
            ObjectNode e = o.putObject("edit");
            e.put("recorded", d.command());
            e.put("sent", d.sent());
        }
        if (d.recorded() != null) {
            side(o.putObject("recorded"), d.recorded());
        }
        if (d.replayed() != null) {
            side(o.putObject("replayed"), d.replayed());
        }
        ArrayNode lines = o.putArray("lines");
        for (LineDiff l : d.lines()) {
            ObjectNode ln = lines.addObject();
            ln.put("op", l.op().word());
            if (l.recorded() != null) {
                ln.put("recorded", l.recorded());
            }
            if (l.replayed() != null) {
                ln.put("replayed", l.replayed());
            }
        }
        ObjectNode urcs = o.putObject("urcs");
        strings(urcs.putArray("missing"), d.missingUrcs());
        strings(urcs.putArray("extra"), d.extraUrcs());
        return o;
    }

    /** A remark on the replay: an assumption, an explained or a reproduced recorded outcome. */
    public static ObjectNode note(ReplayNote n) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", "note");
        o.put("index", n.index());
        o.put("kind", n.kind().word());
        o.put("text", n.text());
        return o;
    }

    /** The closing line: counts, the time-outs that ran out, and whether anything differs. */
    public static ObjectNode summary(ReplaySummary s, List<String> waits) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", "summary");
        o.put("transactions", s.transactions());
        o.put("same", s.same());
        o.put("differs", s.differs());
        o.put("missing", s.missing());
        o.put("urcs_differ", s.urcsDiffer());
        o.put("edited", s.edited());
        strings(o.putArray("waits"), waits);
        o.put("clean", s.clean());
        return o;
    }

    private static void side(ObjectNode o, Transaction t) {
        o.put("id", t.id());
        o.put("result", t.resultText());
        o.put("outcome", t.outcome().word());
        o.put("start_us", t.startMicros());
        o.put("duration_us", t.durationMicros());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
