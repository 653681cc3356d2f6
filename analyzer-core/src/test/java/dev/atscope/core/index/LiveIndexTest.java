package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a searcher kept open (as {@code atscope serve} keeps one), when another writer commits more
 * traces, then the next search finds them, counts them by device, firmware and hour, and the vocabulary
 * knows their commands.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveIndexTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @TempDir
    Path tmp;

    private void index(Path file, String device, String firmware, Instant start, int sslVersion, String answer)
            throws Exception {
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(start).withTag("device", device);
        if (firmware != null) {
            meta = meta.withTag("firmware", firmware);
        }
        new Trace(meta, TraceIndexTest.https(sslVersion, answer, 2_000_000).entries()).write(file);
        try (TraceIndexWriter w = new TraceIndexWriter(tmp.resolve("index"), REGISTRY, false)) {
            w.index(file);
            w.commit();
        }
    }

    @Test
    void anOpenSearcherSeesWhatAnotherWriterCommitted() throws Exception {
        index(tmp.resolve("pump-1.csv"), "Pump-1", "M66FAR01A12", Instant.parse("2026-11-20T10:00:00Z"), 3, "OK");
        try (TraceSearcher s = new TraceSearcher(tmp.resolve("index"))) {
            TraceSearch.Request failed = new TraceSearch.Request("error:3815", 10, TraceSearch.Order.TIME, true,
                    TraceSearch.Scope.TRANSACTIONS);
            assertThat(s.search(failed).total()).isZero();
            long before = s.search("type:transaction", 0, TraceSearch.Order.TIME, false).total();

            index(tmp.resolve("pump-2.csv"), "Pump-2", "M66FAR01A13", Instant.parse("2026-11-21T10:00:00Z"), 0,
                    "+CME ERROR: 3815");

            TraceSearch.Result r = s.search(failed);
            assertThat(r.hits()).singleElement().satisfies(h -> assertThat(h.device()).isEqualTo("Pump-2"));
            assertThat(r.facets().get("device")).isEqualTo(Map.of("Pump-2", 1L));
            assertThat(r.facets().get("firmware")).isEqualTo(Map.of("M66FAR01A13", 1L));
            assertThat(s.search("type:transaction", 0, TraceSearch.Order.TIME, false).total()).isEqualTo(2 * before);
            // the firmware tag is a field too, matched regardless of case
            assertThat(s.search("firmware:m66far01a12", 100, TraceSearch.Order.TIME, false).hits())
                    .isNotEmpty().allSatisfy(h -> assertThat(h.device()).isEqualTo("Pump-1"));
        }
    }

    @Test
    void hitsAreCountedByHourAndDay() throws Exception {
        index(tmp.resolve("a.csv"), "a", null, Instant.parse("2026-11-20T10:59:58Z"), 3, "OK");
        index(tmp.resolve("b.csv"), "b", null, Instant.parse("2026-11-20T12:10:00Z"), 3, "OK");
        index(tmp.resolve("c.csv"), "c", null, Instant.parse("2026-11-22T00:00:00Z"), 0, "+CME ERROR: 3815");
        try (TraceSearcher s = new TraceSearcher(tmp.resolve("index"))) {
            TraceSearch.Request gets = new TraceSearch.Request("QHTTPGET", 0, TraceSearch.Order.TIME, false,
                    TraceSearch.Scope.TRANSACTIONS);
            long hour = 3_600_000L;
            // each trace's AT+QHTTPGET comes a few seconds after its start: a's falls into the next hour
            SortedMap<Long, Long> hours = s.countOverTime(gets, hour);
            assertThat(hours).containsExactly(
                    Map.entry(Instant.parse("2026-11-20T11:00:00Z").toEpochMilli(), 1L),
                    Map.entry(Instant.parse("2026-11-20T12:00:00Z").toEpochMilli(), 1L),
                    Map.entry(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli(), 1L));
            SortedMap<Long, Long> days = s.countOverTime(gets, 24 * hour);
            assertThat(days).containsExactly(
                    Map.entry(Instant.parse("2026-11-20T00:00:00Z").toEpochMilli(), 2L),
                    Map.entry(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli(), 1L));
            long all = s.search(gets).total();
            assertThat(s.countOverTime(new TraceSearch.Request("type:transaction", 0, TraceSearch.Order.TIME, false,
                    null), hour).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(s.search("type:transaction", 0, TraceSearch.Order.TIME, false).total());
            assertThat(all).isEqualTo(3);
            // a bucket a millisecond: each hit in a bucket of its own, more than the counter's first table holds
            for (int i = 0; i < 5; i++) {
                index(tmp.resolve("d" + i + ".csv"), "d" + i, null, Instant.parse("2026-11-23T00:00:00Z").plusSeconds(i * 7),
                        3, "OK");
            }
            TraceSearch.Request every = new TraceSearch.Request("type:transaction", 10_000, TraceSearch.Order.TIME, false, null);
            SortedMap<Long, Long> expected = new TreeMap<>();
            for (TraceSearch.Hit h : s.search(every).hits()) {
                expected.merge(h.time().toEpochMilli(), 1L, Long::sum);
            }
            assertThat(expected).hasSizeGreaterThan(32);
            assertThat(s.countOverTime(every, 1)).isEqualTo(expected);
            assertThatThrownBy(() -> s.countOverTime(new TraceSearch.Request("outcome:(", 0, TraceSearch.Order.TIME,
                    false, null), hour)).isInstanceOf(TraceSearch.BadQueryException.class);
        }
    }
}
