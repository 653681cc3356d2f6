package dev.atscope.cli;

import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.solr.SolrCollection;
import dev.atscope.solr.SolrTraceSearch;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope search --index DIR QUERY...} (or {@code --solr SPEC}): queries over indexed traces. */
@Command(name = "search", description = {"Searches indexed traces: Lucene query syntax with AND between words, bare"
        + " AT command names (QHTTPGET) for command:, dates as whole days.",
    "Examples: 'error:3815', 'QSSLCFG sslversion:0', 'QIACT duration:[10000 TO *]',"
            + " 'QHTTPGET outcome:error time:[2026-11-16 TO 2026-11-23]', 'error:\"http socket connect error\"'."})
final class SearchCommand extends AbstractCommand {

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "the query; several words are one query")
    List<String> words;

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder")
    Path index;

    @Mixin
    SolrOptions solr;

    @Option(names = "--limit", paramLabel = "N", description = "hits to show (default ${DEFAULT-VALUE})")
    int limit = 20;

    @Option(names = "--sort", paramLabel = "ORDER", description = "score or time (default score)")
    TraceSearch.Order order = TraceSearch.Order.SCORE;

    @Option(names = "--sessions", description = "search sessions (with their outcomes) instead of transactions")
    boolean sessions;

    @Option(names = "--facets", description = "also count hits by outcome, command, error and rule")
    boolean facets;

    @Option(names = "--json", description = "JSON Lines: one hit a line, then a summary line")
    boolean json;

    @Mixin
    OutputStyle style;

    @Override
    int execute() throws Exception {
        solr.exactlyOne(index, "--index DIR");
        if (limit < 0) {
            throw new UsageException("--limit must not be negative: " + limit);
        }
        String query = String.join(" ", words);
        TraceSearch.Request request = new TraceSearch.Request(query, limit, order, facets,
                sessions ? TraceSearch.Scope.SESSIONS : TraceSearch.Scope.TRANSACTIONS);
        try (TraceSearch backend = solr.spec != null ? new SolrTraceSearch(SolrCollection.open(solr.parsed()), true)
                : new TraceSearcher(index)) {
            print(backend, request);
        }
        return OK;
    }

    /** Runs the request on a back end and prints its result: the one place search output is made. */
    void print(TraceSearch backend, TraceSearch.Request request) throws java.io.IOException {
        TraceSearch.Result r;
        try {
            r = backend.search(request);
        } catch (TraceSearch.BadQueryException e) {
            throw new UsageException("bad query '" + TerminalText.safe(request.query()) + "': " + e.getMessage());
        }
        for (String w : r.warnings()) {
            err().println("atscope: warning: " + TerminalText.safe(w));
        }
        SearchPrinter printer = new SearchPrinter(out(), style.color(), style.width(), style.quiet);
        if (json) {
            printer.json(r);
        } else {
            printer.text(r, sessions);
        }
    }
}
