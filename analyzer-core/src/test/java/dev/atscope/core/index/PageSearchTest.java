package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given an index of several commits (so several segments, each with facet values the others lack),
 * when the page's search counts facets and hours in the same pass as it collects the best hits, then
 * the facets are Lucene's own facet counts over the same hits, the hours are the hits' own times, and
 * the hits and total are those of the plain search.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageSearchTest {

    @TempDir
    Path tmp;

    private void index(String device, String firmware, Instant start, int sslVersion, String answer) throws Exception {
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(start).withTag("device", device).withTag("firmware", firmware);
        Path file = tmp.resolve(device + ".csv");
        new Trace(meta, TraceIndexTest.https(sslVersion, answer, 2_000_000).entries()).write(file);
        try (TraceIndexWriter w = new TraceIndexWriter(tmp.resolve("index"), LiveIndexTest.REGISTRY, false)) {
            w.index(file);
            w.commit(); // a segment a trace
        }
    }

    @Test
    void theOnePassCountsWhatLuceneAndTheHitsCount() throws Exception {
        String[] answers = {"OK", "+CME ERROR: 3815", "+CME ERROR: 3816", "OK", "+CME ERROR: 3815", "ERROR"};
        for (int i = 0; i < answers.length; i++) {
            index("pump-" + i, "FW" + (i % 3), Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i * 5_000L),
                    i % 2 == 0 ? 3 : 0, answers[i]);
        }
        // a trace at the same times as the first: hits equal in score and time, in the index's order
        index("pump-twin", "FW0", Instant.parse("2026-11-20T10:00:00Z"), 3, answers[0]);
        long hour = 3_600_000L;
        try (TraceSearcher s = new TraceSearcher(tmp.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
            assertThat(reader.leaves()).hasSizeGreaterThan(3);
            for (String query : List.of("*:*", "QHTTPGET", "error:3815", "sslversion:0 OR outcome:error", "cmnet")) {
                for (TraceSearch.Order order : TraceSearch.Order.values()) {
                    TraceSearch.Request request = new TraceSearch.Request(query, 5, order, true, null);
                    TraceSearch.Counted page = s.searchCounted(request, hour);
                    TraceSearch.Result plain = s.search(new TraceSearch.Request(query, 5, order, false, null));

                    assertThat(page.result().total()).as(query).isEqualTo(plain.total()).isPositive();
                    assertThat(page.result().hits()).as(query).isEqualTo(plain.hits());
                    assertThat(page.result().facets()).as(query).isEqualTo(luceneFacets(reader, s, query));
                    // the best hits kept in one pass are Lucene's top hits, however many are asked
                    for (int limit : new int[] {1, 70, 1000}) {
                        assertThat(s.searchCounted(new TraceSearch.Request(query, limit, order, false, null), hour)
                                .result().hits()).as(query + " " + order + " " + limit)
                                .isEqualTo(s.search(new TraceSearch.Request(query, limit, order, false, null)).hits());
                    }

                    SortedMap<Long, Long> byHitTimes = new TreeMap<>();
                    for (TraceSearch.Hit h : s.search(new TraceSearch.Request(query, 10_000, order, false, null)).hits()) {
                        byHitTimes.merge(Math.floorDiv(h.time().toEpochMilli(), hour) * hour, 1L, Long::sum);
                    }
                    assertThat(page.overTime()).as(query).isEqualTo(byHitTimes).isEqualTo(s.countOverTime(request, hour));
                }
            }
            // a page without facets counts hours all the same
            TraceSearch.Counted noFacets = s.searchCounted(new TraceSearch.Request("QHTTPGET", 1, TraceSearch.Order.TIME,
                    false, null), hour);
            assertThat(noFacets.result().facets()).isEmpty();
            assertThat(noFacets.overTime().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(answers.length + 1);
            assertThatThrownBy(() -> s.searchCounted(new TraceSearch.Request("QHTTPGET", 1, TraceSearch.Order.TIME,
                    false, null), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The facets as Lucene's own counting gives them, over the hits of the same query. */
    private static Map<String, Map<String, Long>> luceneFacets(DirectoryReader reader, TraceSearcher s, String query)
            throws Exception {
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetsCollector hits = searcher.search(s.parse(query), new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
                new DefaultSortedSetDocValuesReaderState(reader, new FacetsConfig()), hits);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : IndexFields.FACETS) {
            Map<String, Long> m = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(TraceSearch.FACET_VALUES, dim);
            } catch (IllegalArgumentException e) {
                r = null; // no document has the dimension
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
}
