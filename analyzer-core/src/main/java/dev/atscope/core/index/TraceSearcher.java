package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.search.IndexSearcher;
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
 * finds nothing), with AND as the default operator.
 */
public final class TraceSearcher implements TraceSearch {

    /** Facet dimensions, as the result names them. */
    private static final String[] FACETS = {IndexFields.FACET_OUTCOME, IndexFields.FACET_COMMAND,
        IndexFields.FACET_ERROR, IndexFields.FACET_RULE};

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final TraceQueries queries;
    private final Analyzer analyzer;

    /**
     * Opens an index for searching.
     *
     * @throws NoSuchFileException when there is no index in {@code dir}
     */
    public TraceSearcher(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !DirectoryReader.indexExists(FSDirectory.open(dir))) {
            throw new NoSuchFileException(dir.toString(), null, "no atscope index here; create one with atscope index");
        }
        this.reader = DirectoryReader.open(FSDirectory.open(dir));
        this.searcher = new IndexSearcher(reader);
        this.queries = vocabulary();
        this.analyzer = queries.analyzer();
    }

    /** The fields, closed values and commands this index holds, for reading queries and warning. */
    private TraceQueries vocabulary() throws IOException {
        List<String> fields = new ArrayList<>();
        for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
            if (fi.getIndexOptions() != IndexOptions.NONE || fi.getPointDimensionCount() > 0) {
                fields.add(fi.name);
            }
        }
        return TraceQueries.over(fields, terms(IndexFields.OUTCOME), terms(IndexFields.RULE), terms(IndexFields.TYPE),
                terms(IndexFields.COMMAND));
    }

    private Set<String> terms(String field) throws IOException {
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

    /** Parses a query as {@code atscope search} reads it; the default field is the raw text. */
    public Query parse(String query) throws QueryNodeException {
        return queries.parse(query);
    }

    /** Runs a query over every document, transactions and sessions alike unless it names a type. */
    public Result search(String query, int limit, Order order, boolean withFacets) throws IOException {
        return search(new Request(query, limit, order, withFacets, null));
    }

    @Override
    public Result search(Request request) throws IOException {
        long t0 = System.nanoTime();
        TraceQueries.Parsed parsed = queries.read(request);
        Query q = parsed.query();
        List<String> warnings = parsed.warnings();
        int limit = Math.max(0, request.limit());
        // equal scores (a keyword matched alone) in time order, as every back end orders them
        TopDocs top = request.order() == Order.TIME
                ? searcher.search(q, Math.max(1, limit), new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG)))
                : searcher.search(q, Math.max(1, limit), new Sort(SortField.FIELD_SCORE,
                        new SortField(IndexFields.TIME, SortField.Type.LONG)), true);
        List<Hit> hits = new ArrayList<>();
        Object[] snippets = snippets(q, top, limit);
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
        Map<String, Map<String, Long>> facets = request.facets() ? facets(q) : Map.of();
        // top-N search counts only the first thousand hits exactly; the total is counted on its own
        long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                ? top.totalHits.value
                : searcher.count(q);
        return new Result(total, hits, facets, (System.nanoTime() - t0) / 1000, warnings);
    }

    private Object[] snippets(Query q, TopDocs top, int limit) throws IOException {
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

    private Map<String, Map<String, Long>> facets(Query q) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        DefaultSortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, new FacetsConfig());
        } catch (IllegalArgumentException e) {
            return out; // no facet field in the index yet
        }
        FacetsCollector fc = searcher.search(q, new FacetsCollectorManager());
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

    /** Documents in the index. */
    public int documents() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
