package dev.atscope.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.index.TraceSearch;
import java.util.Map;

/**
 * The JSON form of search hits, in the vocabulary of every atscope JSON output: snake_case names,
 * times as ISO instants, durations in microseconds, text as it was sent.
 */
public final class SearchJson {

    private SearchJson() {}

    /** One hit, with its snippet and where in it the query matched. */
    public static ObjectNode hit(TraceSearch.Hit h) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", h.type());
        o.put("file", h.file());
        o.put("device", h.device());
        o.put("time", h.time().toString());
        if (h.transaction() >= 0) {
            o.put("transaction", h.transaction());
        }
        if (h.session() >= 0) {
            o.put("session", h.session());
        }
        o.put("command", h.command());
        o.put("outcome", h.outcome());
        o.put("result", h.result());
        o.put("duration_us", h.durationMicros());
        if (h.snippet() != null) {
            o.put("snippet", h.snippet().text());
            ArrayNode spans = o.putArray("matches");
            for (TraceSearch.Span s : h.snippet().matches()) {
                spans.addArray().add(s.start()).add(s.end());
            }
        }
        o.put("score", h.score());
        return o;
    }

    /** The line after the hits: the total, the time taken, facet counts and warnings. */
    public static ObjectNode summary(TraceSearch.Result r) {
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("type", "summary");
        o.put("total", r.total());
        o.put("took_us", r.tookMicros());
        if (!r.facets().isEmpty()) {
            ObjectNode facets = o.putObject("facets");
            for (Map.Entry<String, Map<String, Long>> dim : r.facets().entrySet()) {
                ObjectNode counts = facets.putObject(dim.getKey());
                dim.getValue().forEach(counts::put);
            }
        }
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }
}
