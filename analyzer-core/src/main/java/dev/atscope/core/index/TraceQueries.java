package dev.atscope.core.index;

import dev.atscope.core.decode.Outcome;
import dev.atscope.core.session.SessionOutcome;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.core.processors.QueryNodeProcessorPipeline;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How {@code atscope search} reads a query, whichever back end answers it: Lucene's query syntax
 * with AND as the default operator and the raw text as the default field, the conveniences of
 * {@link SearchQueryProcessor} (bare command names, dates as days, warnings for what finds
 * nothing), times, durations and error codes as points, and the search's scope. The local index
 * runs the query it gives; a cluster receives it written back in Lucene syntax ({@link
 * LuceneSyntax}).
 */
public final class TraceQueries {

    /** A query as read: what to run, and what in it likely finds nothing. */
    public record Parsed(Query query, List<String> warnings) {}

    private final Analyzer analyzer = AtAnalyzer.perField();
    private final StandardQueryParser parser;
    private final SearchQueryProcessor understanding;

    private TraceQueries(SearchQueryProcessor.Vocabulary vocabulary) {
        this.parser = new StandardQueryParser(analyzer);
        parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        Map<String, PointsConfig> points = new LinkedHashMap<>();
        NumberFormat integer = NumberFormat.getIntegerInstance(Locale.ROOT);
        integer.setGroupingUsed(false);
        points.put(IndexFields.TIME, new PointsConfig(new InstantFormat(), Long.class));
        points.put(IndexFields.DURATION, new PointsConfig(integer, Long.class));
        points.put(IndexFields.ERROR, new PointsConfig(integer, Long.class));
        parser.setPointsConfigMap(points);
        this.understanding = new SearchQueryProcessor(vocabulary);
        ((QueryNodeProcessorPipeline) parser.getQueryNodeProcessor()).add(0, understanding);
    }

    /**
     * Queries over an index holding these values.
     *
     * @param indexed the names of the fields the index can search (the parameter fields among them)
     * @param outcomes the values of {@code outcome} in the index
     * @param rules the values of {@code rule} in the index
     * @param types the values of {@code type} in the index
     * @param commands the values of {@code command} in the index (with and without {@code +})
     */
    public static TraceQueries over(Collection<String> indexed, Set<String> outcomes, Set<String> rules,
            Set<String> types, Set<String> commands) {
        Set<String> fields = new TreeSet<>(List.of(IndexFields.TYPE, IndexFields.FILE, IndexFields.DEVICE,
                IndexFields.SESSION, IndexFields.TIME, IndexFields.DURATION, IndexFields.COMMAND, IndexFields.SUBCOMMAND,
                IndexFields.RESULT, IndexFields.OUTCOME, IndexFields.ERROR, IndexFields.ERROR_MEANING, IndexFields.RULE,
                IndexFields.RAW));
        for (String f : indexed) {
            if (!f.startsWith("$") && !f.startsWith("f_") && !f.startsWith("_") && !f.equals(IndexFields.KEY)) {
                fields.add(f);
            }
        }
        Set<String> allOutcomes = new TreeSet<>(outcomes);
        Arrays.stream(Outcome.values()).map(Outcome::word).forEach(allOutcomes::add);
        SessionOutcome.vocabulary().stream().map(SessionOutcome::word).forEach(allOutcomes::add);
        Set<String> allTypes = new TreeSet<>(types);
        allTypes.addAll(List.of("transaction", "session"));
        Map<String, Set<String>> closed = Map.of(IndexFields.OUTCOME, allOutcomes, IndexFields.RULE,
                new TreeSet<>(rules), IndexFields.TYPE, allTypes);
        Set<String> names = new TreeSet<>();
        for (String c : commands) {
            names.add(c.startsWith("+") ? c.substring(1) : c);
        }
        return new TraceQueries(new SearchQueryProcessor.Vocabulary(fields, closed, names));
    }

    /** The analysis of every field, as the local index writes them. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** Parses a query as {@code atscope search} reads it; the default field is the raw text. */
    public synchronized Query parse(String query) throws QueryNodeException {
        understanding.reset();
        return parser.parse(SearchQueryProcessor.escapePlus(query), IndexFields.RAW);
    }

    /**
     * Reads a request's query within its scope: the documents of the scope's type unless the query
     * names a type itself. Every document is of one of the scopes' types ({@link TransactionDocuments}).
     *
     * @throws TraceSearch.BadQueryException when the query cannot be parsed
     */
    public synchronized Parsed read(TraceSearch.Request request) {
        Query q;
        try {
            q = parse(request.query());
        } catch (QueryNodeException e) {
            throw new TraceSearch.BadQueryException(e.getMessage(), e);
        }
        if (request.scope() != null && !understanding.namedType()) {
            // the scope's documents are those of no other type: excluding the few sessions costs a search
            // less than requiring the type of nearly every document, whose postings the search would step through
            BooleanQuery.Builder scoped = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
            for (TraceSearch.Scope other : TraceSearch.Scope.values()) {
                if (other != request.scope()) {
                    scoped.add(new TermQuery(new Term(IndexFields.TYPE, other.type())), BooleanClause.Occur.MUST_NOT);
                }
            }
            q = scoped.build();
        }
        return new Parsed(q, understanding.warnings());
    }
}
