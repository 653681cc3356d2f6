package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TraceCsvRoundTripProperties {

    @Property(tries = 300)
    void anyChunksRoundTripUnchanged(@ForAll("traces") List<TraceEntry> entries) throws Exception {
        TraceMetadata meta = new TraceMetadata("bench", "/dev/ttyUSB0", "/dev/ttyUSB1", 115200,
                Instant.parse("2026-11-23T10:00:00.123456Z"), false, Map.of("device", "pump-0042"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TraceCsvWriter w = new TraceCsvWriter(buf, meta)) {
            for (TraceEntry e : entries) {
                w.write(e);
            }
        }
        List<TraceEntry> back = new ArrayList<>();
        try (TraceCsvReader r = new TraceCsvReader(new ByteArrayInputStream(buf.toByteArray()), "t.csv")) {
            assertThat(r.metadata().withSource(null)).isEqualTo(meta.withSource("bench").withSource(null));
            assertThat(r.metadata().tags()).containsEntry("device", "pump-0042");
            TraceEntry e;
            while ((e = r.next()) != null) {
                back.add(e instanceof Chunk c ? c.withoutLine() : ((Marker) e).withoutLine());
            }
            assertThat(r.warnings()).isEmpty();
        }
        assertThat(back).isEqualTo(entries);
    }

    @Provide
    Arbitrary<List<TraceEntry>> traces() {
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        Arbitrary<Direction> dir = Arbitraries.of(Direction.class);
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<TraceEntry> chunk = Combinators.combine(gap, dir, data).as((g, d, b) -> new Chunk(g, d, b));
        Arbitrary<TraceEntry> marker = Combinators.combine(gap, Arbitraries.of(Marker.Kind.class),
                        Arbitraries.strings().ofMaxLength(40))
                .as((g, k, s) -> new Marker(g, null, k, s));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(20, chunk), net.jqwik.api.Tuple.of(1, marker))
                .list().ofMaxSize(60)
                .map(TraceCsvRoundTripProperties::accumulateTimes);
    }

    /** Gaps become absolute, non-decreasing times. */
    private static List<TraceEntry> accumulateTimes(List<TraceEntry> gaps) {
        List<TraceEntry> out = new ArrayList<>();
        long t = 0;
        for (TraceEntry e : gaps) {
            t += e.timeMicros();
            if (e instanceof Chunk c) {
                out.add(new Chunk(t, c.direction(), c.data()));
            } else {
                Marker m = (Marker) e;
                out.add(new Marker(t, m.direction(), m.kind(), m.text()));
            }
        }
        return out;
    }
}
