package dev.atscope.core.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * What the search page asks of one query, from one pass over its hits: the best hits, the facet
 * counts and the hits counted over time. Each hit is counted where it is collected: no set of hits
 * is built to be walked again for the facets and the histogram, and each hit's time is read once,
 * for its order among the best and for the histogram.
 */
final class PageCollector implements Collector {

    private final Manager search;
    private final BestHits best;
    /** Hits a facet value (by the reader's ordinal) has, or null when facets are not asked. */
    private final int[] counts;
    /** Hits by bucket of time, or null when not asked. */
    private final TimeCounter overTime;

    private PageCollector(Manager search) {
        this.search = search;
        this.best = new BestHits(search.n, search.byScore);
        this.counts = search.facetState == null ? null : new int[search.facetState.getSize()];
        this.overTime = search.bucketMillis > 0 ? new TimeCounter(search.bucketMillis) : null;
    }

    /** What one search collected. */
    record Page(TopDocs top, Map<String, Map<String, Long>> facets, SortedMap<Long, Long> overTime) {}

    /** What one search asks for, and its collectors' reduction. */
    static final class Manager implements CollectorManager<PageCollector, Page> {
        private final int n;
        private final boolean byScore;
        private final SortedSetDocValuesReaderState facetState;
        /** Segment ordinals to the reader's: null when the reader has one segment or facets are not asked. */
        private final OrdinalMap ordinals;
        private final long bucketMillis;

        /**
         * @param n how many of the best hits to keep
         * @param byScore best by score, then time; or by time alone
         * @param facetState the facets' ordinals of the searched reader, or null for no facet counts
         * @param bucketMillis the width of the histogram's buckets, or 0 for no histogram
         */
        Manager(int n, boolean byScore, SortedSetDocValuesReaderState facetState, long bucketMillis)
                throws IOException {
            this.n = n;
            this.byScore = byScore;
            this.facetState = facetState;
            this.ordinals = facetState != null
                    && facetState.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
                    ? multi.mapping : null;
            this.bucketMillis = bucketMillis;
        }

        @Override
        public PageCollector newCollector() {
            return new PageCollector(this);
        }

        @Override
        public Page reduce(Collection<PageCollector> collectors) throws IOException {
            List<BestHits> tops = new ArrayList<>();
            int[] counts = facetState == null ? null : new int[facetState.getSize()];
            SortedMap<Long, Long> overTime = bucketMillis > 0 ? new TreeMap<>() : null;
            for (PageCollector c : collectors) {
                tops.add(c.best);
                if (counts != null) {
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] += c.counts[i];
                    }
                }
                if (overTime != null) {
                    c.overTime.addTo(overTime);
                }
            }
            return new Page(BestHits.merge(tops, n, byScore), counts == null ? null : facets(counts), overTime);
        }

        /** Each dimension's values with the most hits, largest first, ties in the order of the values. */
        private Map<String, Map<String, Long>> facets(int[] counts) throws IOException {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            SortedSetDocValues labels = facetState.getDocValues();
            for (String dim : IndexFields.FACETS) {
                Map<String, Long> m = new LinkedHashMap<>();
                SortedSetDocValuesReaderState.OrdRange range = facetState.getOrdRange(dim);
                if (range != null) {
                    List<int[]> hit = new ArrayList<>();
                    for (int ord = range.start; ord <= range.end; ord++) {
                        if (counts[ord] > 0) {
                            hit.add(new int[] {ord, counts[ord]});
                        }
                    }
                    hit.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
                    for (int i = 0; i < hit.size() && i < TraceSearch.FACET_VALUES; i++) {
                        BytesRef label = labels.lookupOrd(hit.get(i)[0]);
                        String[] path = FacetsConfig.stringToPath(label.utf8ToString());
                        m.put(path[path.length - 1], (long) hit.get(i)[1]);
                    }
                }
                out.put(IndexFields.facetName(dim), m);
            }
            return out;
        }
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues times = DocValues.getNumeric(context.reader(), IndexFields.TIME);
        int docBase = context.docBase;
        SortedSetDocValues facets = counts == null ? null
                : DocValues.getSortedSet(context.reader(), search.facetState.getField());
        LongValues toGlobal = search.ordinals == null ? LongValues.IDENTITY : search.ordinals.getGlobalOrds(context.ord);
        int[] counted = counts;
        TimeCounter histogram = overTime;
        BestHits kept = best;
        boolean scored = search.byScore;
        return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                // a hit without a time sorts as time 0, as Lucene's comparator has it, and is not counted over time
                boolean timed = times.advanceExact(doc);
                long time = timed ? times.longValue() : 0;
                kept.offer(docBase + doc, scored ? scorer.score() : Float.NaN, time);
                if (timed && histogram != null) {
                    histogram.count(time);
                }
                if (facets != null && facets.advanceExact(doc)) {
                    for (int i = facets.docValueCount(); i > 0; i--) {
                        counted[(int) toGlobal.get(facets.nextOrd())]++;
                    }
                }
            }
            // no competitive iterator: every hit is counted, so none may be skipped
        };
    }

    @Override
    public ScoreMode scoreMode() {
        // every hit is visited: the facets and the histogram count them all
        return search.byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }
}
