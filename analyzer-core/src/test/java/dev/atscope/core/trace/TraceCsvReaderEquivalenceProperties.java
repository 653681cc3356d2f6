package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The byte-level reader gives exactly what reading every record through commons-csv gave ({@link
 * CommonsCsvTraceReader}): the same entries with the same lines, the same warnings, the same faults
 * with the same messages; for any trace {@link TraceCsvWriter} writes, and for such traces damaged
 * by hand (stray quotes, commas, line ends, comment marks, cut anywhere).
 */
class TraceCsvReaderEquivalenceProperties {

    @Property(tries = 400)
    void anyWrittenTraceReadsAsThroughCommonsCsv(@ForAll("traces") List<TraceEntry> entries) throws IOException {
        byte[] file = write(entries);
        String expected = outcome(file, true);
        assertThat(outcome(file, false)).isEqualTo(expected);
        assertThat(expected).doesNotContain("error:");
    }

    @Property(tries = 1500)
    void anyDamagedTraceReadsAsThroughCommonsCsv(@ForAll("traces") List<TraceEntry> entries,
            @ForAll("edits") List<Tuple.Tuple2<Integer, String>> edits) throws IOException {
        byte[] file = write(entries);
        for (Tuple.Tuple2<Integer, String> edit : edits) {
            file = apply(file, edit.get1(), edit.get2());
        }
        assertThat(outcome(file, false)).isEqualTo(outcome(file, true));
    }

    /** The one difference: commons-csv's own exception escaped for a header quote never closed. */
    @Example
    void aHeaderQuoteNeverClosedIsAFormatFault() {
        byte[] file = "# atscope-trace: 1\n\"time_us,dir\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(outcome(file, false)).isEqualTo("error: dev.atscope.core.trace.TraceFormatException: t.csv:1: not a trace"
                + " file: malformed CSV: (startline 2) EOF reached before encapsulated token finished");
    }

    @Provide
    Arbitrary<List<TraceEntry>> traces() {
        // bytes that make commons-csv quote a field or that the escaping must carry
        Arbitrary<Byte> special = Arbitraries.of((byte) '"', (byte) ',', (byte) '#', (byte) ' ', (byte) '\r',
                (byte) '\n', (byte) '\\', (byte) 0, (byte) 0xff);
        Arbitrary<byte[]> data = Arbitraries.oneOf(Arbitraries.bytes(), special)
                .list().ofMinSize(1).ofMaxSize(80)
                .map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = l.get(i);
                    }
                    return b;
                });
        Arbitrary<Direction> dir = Arbitraries.of(Direction.class);
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<TraceEntry> chunk = Combinators.combine(gap, dir, data).as((g, d, b) -> new Chunk(g, d, b));
        Arbitrary<TraceEntry> marker = Combinators.combine(gap, Arbitraries.of(Marker.Kind.class),
                        Arbitraries.strings().withChars("ab ,\"#\r\n\\é").ofMaxLength(20))
                .as((g, k, s) -> new Marker(g, null, k, s));
        return Arbitraries.frequencyOf(Tuple.of(10, chunk), Tuple.of(1, marker))
                .list().ofMaxSize(20)
                .map(TraceCsvReaderEquivalenceProperties::accumulateTimes);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Integer, String>>> edits() {
        Arbitrary<String> what = Arbitraries.of("\"", ",", "\r", "\n", "\r\n", "#", " ", "\"\"", "\t", "x", "-1",
                "99999999999999999999", "H>X", "\u00a0", "", "CUT");
        return Combinators.combine(Arbitraries.integers().between(0, 100_000), what).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** Inserts {@code what} at a position in the rows' part of the file, deletes a byte (""), or cuts the file. */
    private static byte[] apply(byte[] file, int where, String what) {
        int header = indexOf(file, "time_us,dir,kind,data\n".getBytes()) + 22;
        int span = file.length - header;
        int at = header + (span <= 0 ? 0 : where % (span + 1));
        if (what.equals("CUT")) {
            return Arrays.copyOf(file, at);
        }
        if (what.isEmpty()) {
            if (at >= file.length) {
                return file;
            }
            byte[] out = new byte[file.length - 1];
            System.arraycopy(file, 0, out, 0, at);
            System.arraycopy(file, at + 1, out, at, file.length - at - 1);
            return out;
        }
        byte[] ins = what.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[file.length + ins.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(file, at, out, at + ins.length, file.length - at);
        return out;
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] write(List<TraceEntry> entries) throws IOException {
        TraceMetadata meta = new TraceMetadata("bench", "/dev/ttyUSB0", "/dev/ttyUSB1", 115200,
                Instant.parse("2026-11-23T10:00:00.123456Z"), false, Map.of("device", "pump, \"0042\""));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TraceCsvWriter w = new TraceCsvWriter(buf, meta)) {
            for (TraceEntry e : entries) {
                w.write(e);
            }
        }
        return buf.toByteArray();
    }

    /** Everything a reader says about a file, as text: metadata, entries with lines, warnings, the fault. */
    private static String outcome(byte[] file, boolean throughCommonsCsv) {
        List<String> out = new ArrayList<>();
        try (TraceReader r = throughCommonsCsv
                ? new CommonsCsvTraceReader(new ByteArrayInputStream(file), "t.csv")
                : new TraceCsvReader(new ByteArrayInputStream(file), "t.csv")) {
            out.add(r.metadata().toString());
            try {
                TraceEntry e;
                while ((e = r.next()) != null) {
                    out.add(e instanceof Chunk c
                            ? c + "@" + c.line()
                            : e + "@" + e.line());
                }
            } finally {
                out.addAll(r.warnings());
            }
        } catch (IOException | RuntimeException e) {
            out.add("error: " + e.getClass().getName() + ": " + e.getMessage());
        }
        // a CSV fault's place is the line of the fault for the reader and the line read up to for
        // commons-csv; the message itself carries commons-csv's line and position, compared as they are
        return String.join("\n", out).replaceAll("t\\.csv:\\d+: malformed CSV", "t.csv:?: malformed CSV");
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
