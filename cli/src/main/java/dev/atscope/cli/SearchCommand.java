package dev.atscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.json.DecodedJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope search --index DIR QUERY}: Lucene queries over indexed traces. */
@Command(name = "search", description = {"Searches indexed traces with Lucene query syntax (default operator AND).",
    "Examples: 'error:3815', 'command:QSSLCFG AND sslversion:0', 'command:QIACT AND duration:[10000 TO *]',"
            + " 'outcome:error AND time:[2026-11-16 TO 2026-11-23]'."})
final class SearchCommand extends AbstractCommand {

    @Parameters(paramLabel = "QUERY", description = "the query")
    String query;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index folder")
    Path index;

    @Option(names = "--limit", paramLabel = "N", description = "hits to show (default ${DEFAULT-VALUE})")
    int limit = 20;

    @Option(names = "--sort", paramLabel = "ORDER", description = "score or time (default ${DEFAULT-VALUE})")
    TraceSearcher.Order order = TraceSearcher.Order.SCORE;

    @Option(names = "--facets", description = "also count hits by outcome, command, error and rule")
    boolean facets;

    @Option(names = "--json", description = "JSON Lines: one hit a line, then a summary line")
    boolean json;

    @Override
    int execute() throws Exception {
        PrintWriter out = out();
        try (TraceSearcher s = new TraceSearcher(index)) {
            TraceSearcher.Result r;
            try {
                r = s.search(query, limit, order, facets);
            } catch (QueryNodeException e) {
                throw new UsageException("bad query '" + query + "': " + e.getMessage());
            }
            if (json) {
                for (TraceSearcher.Hit h : r.hits()) {
                    ObjectNode o = DecodedJson.MAPPER.valueToTree(h);
                    o.put("time", Instant.ofEpochMilli(h.timeMillis()).toString());
                    out.println(o);
                }
                ObjectNode summary = DecodedJson.MAPPER.createObjectNode();
                summary.put("type", "summary");
                summary.put("total", r.total());
                summary.put("took_us", r.tookMicros());
                if (facets) {
                    summary.set("facets", DecodedJson.MAPPER.valueToTree(r.facets()));
                }
                out.println(summary);
                return OK;
            }
            out.printf("%d hits (%.1f ms)%n", r.total(), r.tookMicros() / 1000.0);
            for (TraceSearcher.Hit h : r.hits()) {
                out.printf("%s  %-12s %s#%d  %-34s %-11s %6d ms%n", Instant.ofEpochMilli(h.timeMillis()), h.device(),
                        h.file(), h.transactionId(), h.command(), h.outcome(), h.durationMillis());
                if (h.snippet() != null) {
                    for (String line : h.snippet().split("\n")) {
                        out.println("    " + line.replace("<b>", "\u001b[1m").replace("</b>", "\u001b[0m"));
                    }
                }
            }
            if (facets) {
                for (Map.Entry<String, Map<String, Long>> dim : r.facets().entrySet()) {
                    if (!dim.getValue().isEmpty()) {
                        out.println(dim.getKey() + ": " + dim.getValue());
                    }
                }
            }
        }
        return OK;
    }
}
