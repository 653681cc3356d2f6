package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.NumberFormat;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.session.SessionOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.flexible.core.processors.QueryNodeProcessorPipeline;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Answers queries over a local trace index with Lucene, with snippets and facet counts. Queries are
 * read as {@link SearchQueryProcessor} says (bare command names, dates as days, warnings for what
 * finds nothing), with AND as the default operator. Thread-safe; each search first looks whether
 * another process (an {@code atscope index} while {@code atscope serve} runs) committed to the
 * index, and if so searches the new documents, with the vocabulary read anew.
 */
public final class TraceSearcher implements TraceSearch {

    /** Facet dimensions, as the result names them. */
    private static final String[] FACETS = {IndexFields.FACET_OUTCOME, IndexFields.FACET_COMMAND,
        IndexFields.FACET_ERROR, IndexFields.FACET_RULE, IndexFields.FACET_DEVICE, IndexFields.FACET_FIRMWARE};

    private final Analyzer analyzer = AtAnalyzer.perField();
    private final SearcherManager manager;

    /**
     * Opens an index for searching.
     *
     * @throws NoSuchFileException when there is no index in {@code dir}
     */
    public TraceSearcher(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !DirectoryReader.indexExists(FSDirectory.open(dir))) {
            throw new NoSuchFileException(dir.toString(), null, "no atscope index here; create one with atscope index");
        }
        this.manager = new SearcherManager(FSDirectory.open(dir), new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ReaderSearcher(reader, analyzer);
            }
        });
    }

    /**
     * One reader of the index with what was read from it: the parser with the vocabulary of its
     * documents (fields, closed values, commands) and, once asked, the facets' ordinals.
     */
    private static final class ReaderSearcher extends IndexSearcher {
        private final StandardQueryParser parser;
        private final SearchQueryProcessor understanding;
        private volatile DefaultSortedSetDocValuesReaderState facetState;
        private volatile boolean noFacets;

        ReaderSearcher(IndexReader reader, Analyzer analyzer) throws IOException {
            super(reader);
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
            this.understanding = new SearchQueryProcessor(vocabulary(reader));
            ((QueryNodeProcessorPipeline) parser.getQueryNodeProcessor()).add(0, understanding);
        }

        /** The query as {@code atscope search} reads it, with its warnings; one query at a time. */
        synchronized Query parse(String query, Scope scope, List<String> warnings) throws QueryNodeException {
            understanding.reset();
            Query q = parser.parse(SearchQueryProcessor.escapePlus(query), IndexFields.RAW);
            warnings.addAll(understanding.warnings());
            if (scope != null && !understanding.namedType()) {
                q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.TYPE, scope.type())), BooleanClause.Occur.FILTER)
                        .add(q, BooleanClause.Occur.MUST).build();
            }
            return q;
        }

        /** The facets' ordinals, read once per reader; null while no document has a facet. */
        DefaultSortedSetDocValuesReaderState facetState() throws IOException {
            DefaultSortedSetDocValuesReaderState s = facetState;
            if (s == null && !noFacets) {
                synchronized (this) {
                    s = facetState;
                    if (s == null && !noFacets) {
                        try {
                            s = new DefaultSortedSetDocValuesReaderState(getIndexReader(), new FacetsConfig());
                            facetState = s;
                        } catch (IllegalArgumentException e) {
                            noFacets = true; // no facet field in the index yet
                        }
                    }
                }
            }
            return s;
        }
    }

    /** The fields, closed values and commands this index holds, for reading queries and warning. */
    private static SearchQueryProcessor.Vocabulary vocabulary(IndexReader reader) throws IOException {
        Set<String> fields = new TreeSet<>(List.of(IndexFields.TYPE, IndexFields.FILE, IndexFields.DEVICE,
                IndexFields.SESSION, IndexFields.TIME, IndexFields.DURATION, IndexFields.COMMAND, IndexFields.SUBCOMMAND,
                IndexFields.RESULT, IndexFields.OUTCOME, IndexFields.ERROR, IndexFields.ERROR_MEANING, IndexFields.RULE,
                IndexFields.RAW));
        for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
            boolean searchable = fi.getIndexOptions() != IndexOptions.NONE || fi.getPointDimensionCount() > 0;
            if (searchable && !fi.name.startsWith("$") && !fi.name.startsWith("f_") && !fi.name.equals(IndexFields.KEY)) {
                fields.add(fi.name);
            }
        }
        Set<String> outcomes = terms(reader, IndexFields.OUTCOME);
        Arrays.stream(Outcome.values()).map(Outcome::word).forEach(outcomes::add);
        SessionOutcome.vocabulary().stream().map(SessionOutcome::word).forEach(outcomes::add);
        Set<String> types = terms(reader, IndexFields.TYPE);
        types.addAll(List.of("transaction", "session"));
        Map<String, Set<String>> closed = Map.of(IndexFields.OUTCOME, outcomes, IndexFields.RULE,
                terms(reader, IndexFields.RULE), IndexFields.TYPE, types);
        Set<String> commands = new TreeSet<>();
        for (String c : terms(reader, IndexFields.COMMAND)) {
            commands.add(c.startsWith("+") ? c.substring(1) : c);
        }
        return new SearchQueryProcessor.Vocabulary(fields, closed, commands);
    }

    private static Set<String> terms(IndexReader reader, String field) throws IOException {
        Set<String> out = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef b = e.next(); b != null; b = e.next()) {
                out.add(b.utf8ToString());
            }
        }
        return out;
    }

    /** The searcher of the index's last commit; release it with {@link #release}. */
    private ReaderSearcher acquire() throws IOException {
        manager.maybeRefresh();
        return (ReaderSearcher) manager.acquire();
    }

    private void release(ReaderSearcher s) throws IOException {
        manager.release(s);
    }

    /** Parses a query as {@code atscope search} reads it; the default field is the raw text. */
    public Query parse(String query) throws QueryNodeException, IOException {
        ReaderSearcher s = acquire();
        try {
            return s.parse(query, null, new ArrayList<>());
        } finally {
            release(s);
        }
    }

    /** Runs a query over every document, transactions and sessions alike unless it names a type. */
    public Result search(String query, int limit, Order order, boolean withFacets) throws IOException {
        return search(new Request(query, limit, order, withFacets, null));
    }

    private static Query parse(ReaderSearcher searcher, Request request, List<String> warnings) {
        try {
            return searcher.parse(request.query(), request.scope(), warnings);
        } catch (QueryNodeException e) {
            throw new BadQueryException(e.getMessage(), e);
        }
    }

    @Override
    public Result search(Request request) throws IOException {
        long t0 = System.nanoTime();
        ReaderSearcher searcher = acquire();
        try {
            List<String> warnings = new ArrayList<>();
            Query q = parse(searcher, request, warnings);
            int limit = Math.max(0, request.limit());
            int n = Math.max(1, limit);
            Sort byTime = new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG));
            TopDocs top;
            Map<String, Map<String, Long>> facets = Map.of();
            if (request.facets()) {
                // one pass over the hits for both: the facets visit every hit anyway, so the total is exact too
                CollectorManager<?, ? extends TopDocs> best;
                if (request.order() == Order.TIME) {
                    best = new TopFieldCollectorManager(byTime, n, null, Integer.MAX_VALUE);
                } else {
                    best = new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE);
                }
                Object[] both = searcher.search(q, new MultiCollectorManager(best, new FacetsCollectorManager()));
                top = (TopDocs) both[0];
                facets = facets(searcher, (FacetsCollector) both[1]);
            } else {
                top = request.order() == Order.TIME ? searcher.search(q, n, byTime) : searcher.search(q, n);
            }
            List<Hit> hits = new ArrayList<>();
            Object[] snippets = snippets(searcher, q, top, limit);
            for (int i = 0; i < top.scoreDocs.length && i < limit; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = searcher.storedFields().document(sd.doc);
                long timeMicros = number(d, IndexFields.TIME_US);
                long durationMicros = number(d, IndexFields.DURATION_US);
                String session = d.get(IndexFields.SESSION);
                hits.add(new Hit(
                        d.get(IndexFields.TYPE),
                        d.get(IndexFields.FILE),
                        d.get(IndexFields.DEVICE),
                        Instant.EPOCH.plus(timeMicros >= 0 ? timeMicros : number(d, IndexFields.TIME) * 1000, ChronoUnit.MICROS),
                        number(d, IndexFields.TX_ID),
                        session == null ? -1 : Integer.parseInt(session),
                        d.get(IndexFields.COMMAND_TEXT),
                        d.get(IndexFields.OUTCOME),
                        d.get(IndexFields.RESULT),
                        durationMicros >= 0 ? durationMicros : number(d, IndexFields.DURATION) * 1000,
                        snippets == null || snippets[i] == null ? null : (Snippet) snippets[i],
                        Float.isNaN(sd.score) ? 0 : sd.score));
            }
            // top-N search counts only the first thousand hits exactly; the total is counted on its own
            long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                    ? top.totalHits.value
                    : searcher.count(q);
            return new Result(total, hits, facets, (System.nanoTime() - t0) / 1000, warnings);
        } finally {
            release(searcher);
        }
    }

    @Override
    public SortedMap<Long, Long> countOverTime(Request request, long bucketMillis) throws IOException {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("a bucket is at least a millisecond wide: " + bucketMillis);
        }
        ReaderSearcher searcher = acquire();
        try {
            Query q = parse(searcher, request, new ArrayList<>());
            return searcher.search(q, new CollectorManager<TimeCounter, SortedMap<Long, Long>>() {
                @Override
                public TimeCounter newCollector() {
                    return new TimeCounter(bucketMillis);
                }

                @Override
                public SortedMap<Long, Long> reduce(java.util.Collection<TimeCounter> collectors) {
                    SortedMap<Long, Long> out = new TreeMap<>();
                    for (TimeCounter c : collectors) {
                        c.counts.forEach((bucket, n) -> out.merge(bucket, n[0], Long::sum));
                    }
                    return out;
                }
            });
        } finally {
            release(searcher);
        }
    }

    /** Counts the hits of one slice of the index by the bucket their time falls into. */
    private static final class TimeCounter extends SimpleCollector {
        private final long bucketMillis;
        private final Map<Long, long[]> counts = new java.util.HashMap<>();
        private NumericDocValues times;

        TimeCounter(long bucketMillis) {
            this.bucketMillis = bucketMillis;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            times = DocValues.getNumeric(context.reader(), IndexFields.TIME);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (times.advanceExact(doc)) {
                long bucket = Math.floorDiv(times.longValue(), bucketMillis) * bucketMillis;
                counts.computeIfAbsent(bucket, b -> new long[1])[0]++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private Object[] snippets(IndexSearcher searcher, Query q, TopDocs top, int limit) throws IOException {
        int n = Math.min(limit, top.scoreDocs.length);
        if (n == 0) {
            return null;
        }
        int[] docs = new int[n];
        for (int i = 0; i < n; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        SnippetHighlighter h = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(4096)
                .withFormatter(new SnippetFormatter()));
        return h.objects(q, docs);
    }

    /** The unified highlighter, giving the formatter's objects rather than strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(Builder builder) {
            super(builder);
        }

        Object[] objects(Query q, int[] docs) throws IOException {
            return highlightFieldsAsObjects(new String[] {IndexFields.RAW}, q, docs, new int[] {1}).get(IndexFields.RAW);
        }
    }

    private static Map<String, Map<String, Long>> facets(ReaderSearcher searcher, FacetsCollector fc) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        DefaultSortedSetDocValuesReaderState state = searcher.facetState();
        if (state == null) {
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : FACETS) {
            Map<String, Long> m = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(20, dim);
            } catch (IllegalArgumentException e) {
                r = null; // a dimension no document has
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    m.put(lv.label, lv.value.longValue());
                }
            }
            out.put(dim.substring(2), m);
        }
        return out;
    }

    private static long number(Document d, String field) {
        var f = d.getField(field);
        return f == null || f.numericValue() == null ? -1 : f.numericValue().longValue();
    }

    /** Documents in the index, as of its last commit. */
    public int documents() throws IOException {
        ReaderSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
