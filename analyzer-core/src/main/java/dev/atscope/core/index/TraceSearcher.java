package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
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
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/** Answers Lucene queries over a trace index, with snippets and facet counts. */
public final class TraceSearcher implements AutoCloseable {

    /** How hits are ordered. */
    public enum Order {
        /** Most relevant first. */
        SCORE,
        /** Oldest first. */
        TIME
    }

    /** One hit. */
    public record Hit(
            String type,
            String file,
            String device,
            long timeMillis,
            long transactionId,
            String command,
            String outcome,
            String result,
            long durationMillis,
            String snippet,
            float score) {}

    /** What a search gave: the total, the hits asked for, facet counts by dimension, and how long it took. */
    public record Result(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, long tookMicros) {}

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = AtAnalyzer.perField();
    private final StandardQueryParser parser;

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
    }

    /** Parses a query in Lucene syntax; the default field is the raw text. */
    public Query parse(String query) throws QueryNodeException {
        return parser.parse(query, IndexFields.RAW);
    }

    /** Runs a query. */
    public Result search(String query, int limit, Order order, boolean withFacets) throws IOException, QueryNodeException {
        long t0 = System.nanoTime();
        Query q = parse(query);
        TopDocs top = order == Order.TIME
                ? searcher.search(q, Math.max(1, limit), new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG)))
                : searcher.search(q, Math.max(1, limit));
        List<Hit> hits = new ArrayList<>();
        String[] snippets = snippets(q, top);
        for (int i = 0; i < top.scoreDocs.length && i < limit; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document d = searcher.storedFields().document(sd.doc);
            hits.add(new Hit(
                    d.get(IndexFields.TYPE),
                    d.get(IndexFields.FILE),
                    d.get(IndexFields.DEVICE),
                    number(d, IndexFields.TIME),
                    number(d, IndexFields.TX_ID),
                    d.get(IndexFields.COMMAND_TEXT),
                    d.get(IndexFields.OUTCOME),
                    d.get(IndexFields.RESULT),
                    number(d, IndexFields.DURATION),
                    snippets == null || snippets[i] == null ? null : snippets[i],
                    Float.isNaN(sd.score) ? 0 : sd.score));
        }
        Map<String, Map<String, Long>> facets = withFacets ? facets(q) : Map.of();
        // top-N search counts only the first thousand hits exactly; the total is counted on its own
        long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                ? top.totalHits.value
                : searcher.count(q);
        return new Result(total, hits, facets, (System.nanoTime() - t0) / 1000);
    }

    private String[] snippets(Query q, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0) {
            return null;
        }
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(4096).build();
        return h.highlight(IndexFields.RAW, q, top, 1);
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
        for (String dim : new String[] {IndexFields.FACET_OUTCOME, IndexFields.FACET_COMMAND, IndexFields.FACET_ERROR,
            IndexFields.FACET_RULE}) {
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
