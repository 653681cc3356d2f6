package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Answers queries over a local trace index with Lucene, with snippets and facet counts. Queries are
 * read as {@link SearchQueryProcessor} says (bare command names, dates as days, warnings for what
 * finds nothing), with AND as the default operator. Thread-safe; each search first looks whether
 * another process (an {@code atscope index} while {@code atscope serve} runs) committed to the
 * index, and if so searches the new documents, with the vocabulary read anew.
 */
public final class TraceSearcher implements TraceSearch {

    /** What a hit reads of its document: its shown values, and the raw text the highlighter marks. */
    private static final Set<String> SHOWN = Set.of(IndexFields.SHOWN, IndexFields.RAW);

    private static final Sort BY_TIME = new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG));
    /** Equal scores (a keyword matched alone) in time order, as every back end orders them. */
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexFields.TIME, SortField.Type.LONG));

    private final Analyzer analyzer = AtAnalyzer.perField();
    private final SearcherManager manager;
    private final Directory directory;

    /**
     * Opens an index for searching.
     *
     * @throws NoSuchFileException when there is no index in {@code dir}
     */
    public TraceSearcher(Path dir) throws IOException {
        FSDirectory opened = Files.isDirectory(dir) ? FSDirectory.open(dir) : null;
        try {
            if (opened == null || !DirectoryReader.indexExists(opened)) {
                throw new NoSuchFileException(dir.toString(), null, "no atscope index here; create one with atscope index");
            }
            IndexFormat.check(opened, dir);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
        this.directory = opened;
        this.manager = new SearcherManager(directory, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ReaderSearcher(reader);
            }
        });
    }

    /**
     * One reader of the index with what was read from it: the parser with the vocabulary of its
     * documents (fields, closed values, commands) and, once asked, the facets' ordinals.
     */
    private static final class ReaderSearcher extends IndexSearcher {
        /** The generation of the commit the reader shows: a newer {@code segments_N} means new documents. */
        private final long generation;
        private final TraceQueries queries;
        private volatile DefaultSortedSetDocValuesReaderState facetState;
        private volatile boolean noFacets;
        /** The raw text's field as all segments have it, for the highlighter; null when no document has it. */
        private final FieldInfo raw;

        ReaderSearcher(IndexReader reader) throws IOException {
            super(reader);
            this.generation = ((DirectoryReader) reader).getIndexCommit().getGeneration();
            this.queries = vocabulary(reader);
            this.raw = FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexFields.RAW);
        }

        /** The query as {@code atscope search} reads it, with its warnings. */
        Query parse(String query, Scope scope, List<String> warnings) {
            TraceQueries.Parsed parsed = queries.read(new Request(query, 0, Order.SCORE, false, scope));
            warnings.addAll(parsed.warnings());
            return parsed.query();
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
    private static TraceQueries vocabulary(IndexReader reader) throws IOException {
        List<String> fields = new ArrayList<>();
        for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
            if (fi.getIndexOptions() != IndexOptions.NONE || fi.getPointDimensionCount() > 0) {
                fields.add(fi.name);
            }
        }
        return TraceQueries.over(fields, terms(reader, IndexFields.OUTCOME), terms(reader, IndexFields.RULE),
                terms(reader, IndexFields.TYPE), terms(reader, IndexFields.COMMAND));
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
        ReaderSearcher s = (ReaderSearcher) manager.acquire();
        // listing the directory tells whether a commit came since; reopening to find out reads every
        // segment's header, which cost more than the search itself
        if (SegmentInfos.getLastCommitGeneration(directory.listAll()) != s.generation) {
            manager.release(s);
            manager.maybeRefresh();
            s = (ReaderSearcher) manager.acquire();
        }
        return s;
    }

    private void release(ReaderSearcher s) throws IOException {
        manager.release(s);
    }

    /** Parses a query as {@code atscope search} reads it; the default field is the raw text. */
    public Query parse(String query) throws QueryNodeException, IOException {
        ReaderSearcher s = acquire();
        try {
            return s.queries.parse(query);
        } finally {
            release(s);
        }
    }

    /** Runs a query over every document, transactions and sessions alike unless it names a type. */
    public Result search(String query, int limit, Order order, boolean withFacets) throws IOException {
        return search(new Request(query, limit, order, withFacets, null));
    }

    private static Query parse(ReaderSearcher searcher, Request request, List<String> warnings) {
        return searcher.parse(request.query(), request.scope(), warnings);
    }

    @Override
    public Result search(Request request) throws IOException {
        return run(request, 0).result();
    }

    /** One pass over the hits: the best of them, the facets and the counts over time as asked. */
    @Override
    public Counted searchCounted(Request request, long bucketMillis) throws IOException {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("a bucket is at least a millisecond wide: " + bucketMillis);
        }
        return run(request, bucketMillis);
    }

    private Counted run(Request request, long bucketMillis) throws IOException {
        long t0 = System.nanoTime();
        ReaderSearcher searcher = acquire();
        try {
            List<String> warnings = new ArrayList<>();
            Query q = parse(searcher, request, warnings);
            int limit = Math.max(0, request.limit());
            int n = Math.max(1, limit);
            TopDocs top;
            Map<String, Map<String, Long>> facets = Map.of();
            SortedMap<Long, Long> overTime = null;
            if (request.facets() || bucketMillis > 0) {
                // one pass over the hits for all: the facets visit every hit anyway, so the total is exact
                // too, and each hit is counted over time where it is collected
                PageCollector.Page page = searcher.search(q, new PageCollector.Manager(n, request.order() != Order.TIME,
                        request.facets() ? searcher.facetState() : null, bucketMillis));
                top = page.top();
                if (page.facets() != null) {
                    facets = page.facets();
                }
                overTime = page.overTime();
            } else {
                top = searcher.search(q, n, request.order() == Order.TIME ? BY_TIME : BY_SCORE);
                if (request.order() != Order.TIME) {
                    TopFieldCollector.populateScores(top.scoreDocs, searcher, q);
                }
            }
            List<Hit> hits = new ArrayList<>();
            // one reader of stored fields for all hits: each new one allocates its decompression buffers;
            // each hit's document is read once, for its values and the highlighter's raw text
            StoredFields stored = searcher.storedFields();
            int shown = Math.min(limit, top.scoreDocs.length);
            Document[] documents = new Document[shown];
            Map<Integer, String> raw = new HashMap<>();
            for (int i = 0; i < shown; i++) {
                documents[i] = stored.document(top.scoreDocs[i].doc, SHOWN);
                String text = documents[i].get(IndexFields.RAW);
                raw.put(top.scoreDocs[i].doc, text == null ? "" : text); // a session has no raw text
            }
            Object[] snippets = snippets(searcher, q, top, shown, raw);
            for (int i = 0; i < shown; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Map<String, Object> d = ShownValues.read(documents[i].getBinaryValue(IndexFields.SHOWN));
                String session = (String) d.get(IndexFields.SESSION);
                hits.add(new Hit(
                        (String) d.get(IndexFields.TYPE),
                        (String) d.get(IndexFields.FILE),
                        (String) d.get(IndexFields.DEVICE),
                        Instant.EPOCH.plus(number(d, IndexFields.TIME_US), ChronoUnit.MICROS),
                        number(d, IndexFields.TX_ID),
                        session == null ? -1 : Integer.parseInt(session),
                        (String) d.get(IndexFields.COMMAND_TEXT),
                        (String) d.get(IndexFields.OUTCOME),
                        (String) d.get(IndexFields.RESULT),
                        number(d, IndexFields.DURATION_US),
                        snippets == null || snippets[i] == null ? null : (Snippet) snippets[i],
                        Float.isNaN(sd.score) ? 0 : sd.score));
            }
            // top-N search counts only the first thousand hits exactly; the total is counted on its own
            long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                    ? top.totalHits.value
                    : searcher.count(q);
            return new Counted(new Result(total, hits, facets, (System.nanoTime() - t0) / 1000, warnings), overTime);
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
                        c.addTo(out);
                    }
                    return out;
                }
            });
        } finally {
            release(searcher);
        }
    }

    private Object[] snippets(ReaderSearcher searcher, Query q, TopDocs top, int n, Map<Integer, String> raw)
            throws IOException {
        if (n == 0) {
            return null;
        }
        int[] docs = new int[n];
        for (int i = 0; i < n; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        SnippetHighlighter h = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(4096)
                .withFormatter(new SnippetFormatter()), raw, searcher.raw);
        return h.objects(q, docs);
    }

    /** The unified highlighter, giving the formatter's objects rather than strings, over raw text already read. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        private final Map<Integer, String> raw;
        private final FieldInfo rawField;

        SnippetHighlighter(Builder builder, Map<Integer, String> raw, FieldInfo rawField) {
            super(builder);
            this.raw = raw;
            this.rawField = rawField;
        }

        /** The field as the reader's segments have it, merged once per reader rather than once per search. */
        @Override
        protected FieldInfo getFieldInfo(String field) {
            return IndexFields.RAW.equals(field) ? rawField : super.getFieldInfo(field);
        }

        /** The hits' raw text as read with their values, not read again (as Lucene's own loop, in its batches). */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            int chars = 0;
            do {
                int doc = docs.nextDoc();
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                String text = raw.get(doc);
                if (text == null) {
                    throw new IllegalStateException("no raw text read for document " + doc);
                }
                out.add(new CharSequence[] {text});
                chars += text.length();
            } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
            return out;
        }

        Object[] objects(Query q, int[] docs) throws IOException {
            return highlightFieldsAsObjects(new String[] {IndexFields.RAW}, q, docs, new int[] {1}).get(IndexFields.RAW);
        }
    }

    private static long number(Map<String, Object> values, String field) {
        return values.get(field) instanceof Long l ? l : -1;
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
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}
