package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native trace of any content is read in bounded memory: a row that never ends, a quote that
 * never closes, a comment line of hundreds of megabytes. Memory is measured as the bytes the
 * reading thread allocates, which a buffer holding the line whole would exceed many times over.
 */
class TraceCsvReaderLimitsTest {

    private static final String HEAD = "# atscope-trace: 1\ntime_us,dir,kind,data\n";
    /** Well below the 200 MB that the longest inputs here are, well above what reading needs. */
    private static final long ALLOCATION_BOUND = 80L << 20;

    @Test
    void aDataFieldWhoseQuoteNeverClosesIsRefusedAtItsLineNotHeld() {
        InputStream in = concat(HEAD + "0,H>M,data,AT\\r\n5,M>H,data,\"OK", repeat('x', 64L << 20));
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> readAll(in, false, new ArrayList<>()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("big.csv:4: a row longer than 16,777,216 bytes (a quote that never closes?);"
                        + " expected one row of at most that a line"));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void aRowOfHundredsOfMegabytesWithoutAnyLineEndIsRefusedNotHeld() {
        InputStream in = concat(HEAD + "0,H>M,data,", repeat('A', 200L << 20));
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> readAll(in, false, new ArrayList<>()))
                .hasMessageStartingWith("big.csv:3: a row longer than 16,777,216 bytes"));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void aCommentLineOfHundredsOfMegabytesBeforeTheHeaderIsRefusedNotHeld() {
        InputStream in = concat("# atscope-trace: 1\n# ", repeat('c', 200L << 20));
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> readAll(in, false, new ArrayList<>()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("big.csv:1: not a trace file: more than 1,048,576 bytes of comments and header before the"
                        + " first row; expected a few metadata lines and the header time_us,dir,kind,data"));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void aCommentLineOfHundredsOfMegabytesAmongTheRowsIsPassedOverInConstantMemory() {
        InputStream in = new SequenceInputStream(concat(HEAD + "0,H>M,data,AT\\r\n# ", repeat('c', 200L << 20)),
                new ByteArrayInputStream("\n7,M>H,data,OK\\r\\n\n".getBytes(StandardCharsets.US_ASCII)));
        List<TraceEntry> read = new ArrayList<>();
        long allocated = allocatedWhile(() -> read.addAll(readAll(in, false, new ArrayList<>())));
        assertThat(read).hasSize(2);
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void keepGoingSkipsABrokenRowWithAGapMarkerAndAWarning() throws IOException {
        List<String> warnings = new ArrayList<>();
        List<TraceEntry> e = readAll(text(HEAD + "0,H>M,data,AT\\r\n5,M>H,data,O\\qK\n9,M>H,data,\\r\\nOK\\r\\n\n"),
                true, warnings);
        assertThat(e).hasSize(3);
        assertThat(e.get(0)).isInstanceOf(Chunk.class);
        Marker gap = (Marker) e.get(1);
        assertThat(gap.kind()).isEqualTo(Marker.Kind.GAP);
        assertThat(gap.line()).isEqualTo(4);
        assertThat(gap.timeMicros()).isZero();
        assertThat(gap.text()).isEqualTo("not imported: big.csv:4: bad escape in data, column 2: unknown escape \\q;"
                + " expected \\\\, \\r, \\n, \\t or \\xHH");
        assertThat(((Chunk) e.get(2)).data()).asString(StandardCharsets.US_ASCII).isEqualTo("\r\nOK\r\n");
        assertThat(warnings).containsExactly("big.csv:4: bad escape in data, column 2: unknown escape \\q; expected"
                + " \\\\, \\r, \\n, \\t or \\xHH; skipped (--keep-going)");
    }

    @Test
    void keepGoingMakesOneGapOfARunOfBrokenRows() throws IOException {
        List<String> warnings = new ArrayList<>();
        List<TraceEntry> e = readAll(text(HEAD + "0,H>M,data,AT\\r\n5,M>H\n-1,M>H,data,x\n\"a\"b,c\n9,M>H,data,OK\n"),
                true, warnings);
        assertThat(e).hasSize(3);
        assertThat(((Marker) e.get(1)).text()).startsWith("not imported: big.csv:4: row has 2 columns");
        assertThat(warnings).containsExactly(
                "big.csv:4: row has 2 columns; expected 4 (time_us,dir,kind,data) (and up to line 6); skipped (--keep-going)");
    }

    @Test
    void keepGoingSkipsARowTooLongAndReadsOn() throws IOException {
        InputStream in = new SequenceInputStream(concat(HEAD + "0,H>M,data,AT\\r\n5,M>H,data,\"", repeat('x', 20L << 20)),
                text("\n9,M>H,data,OK\n"));
        List<String> warnings = new ArrayList<>();
        List<TraceEntry> e = readAll(in, true, warnings);
        assertThat(e).extracting(TraceEntry::line).containsExactly(3L, 4L, 5L);
        assertThat(((Marker) e.get(1)).kind()).isEqualTo(Marker.Kind.GAP);
        assertThat(warnings).singleElement().asString().startsWith("big.csv:4: a row longer than 16,777,216 bytes");
    }

    @Test
    void keepGoingAtTheEndHandsOutTheGapLast() throws IOException {
        List<TraceEntry> e = readAll(text(HEAD + "0,H>M,data,AT\\r\n5,X>Y,data,OK\n"), true, new ArrayList<>());
        assertThat(e).hasSize(2);
        assertThat(((Marker) e.get(1)).text()).contains("big.csv:4: dir 'X>Y'");
    }

    @Test
    void theRowsBeforeABrokenOneAreHandedOutBeforeTheError() throws IOException {
        List<TraceEntry> got = new ArrayList<>();
        try (TraceCsvReader r = new TraceCsvReader(text(HEAD + "0,H>M,data,AT\\r\n5,M>H,data,\"OK\"x\n"), "big.csv")) {
            got.add(r.next());
            assertThatThrownBy(r::next).isInstanceOf(TraceFormatException.class)
                    .hasMessageStartingWith("big.csv:4: malformed CSV:");
        }
        assertThat(got).singleElement().isInstanceOf(Chunk.class);
    }

    @Test
    void aBrokenQuoteFarIntoTheFileIsPlacedAtItsOwnLine() {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 50_000; i++) {
            sb.append(i).append(",H>M,data,AT\\r\n");
        }
        sb.append("50000,M>H,data,\"OK\"x\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append(50_001 + i).append(",H>M,data,AT\\r\n");
        }
        assertThatThrownBy(() -> readAll(text(sb.toString()), false, new ArrayList<>()))
                .hasMessageStartingWith("big.csv:50003: malformed CSV:");
    }

    private static List<TraceEntry> readAll(InputStream in, boolean keepGoing, List<String> warnings) throws IOException {
        List<TraceEntry> out = new ArrayList<>();
        try (TraceCsvReader r = new TraceCsvReader(in, "big.csv", keepGoing)) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
            warnings.addAll(r.warnings());
        }
        return out;
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Bytes the current thread allocated while doing the work. */
    private static long allocatedWhile(Work work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            work.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static InputStream concat(String head, InputStream rest) {
        return new SequenceInputStream(text(head), rest);
    }

    /** {@code n} bytes of {@code b}, made as they are read, never held. */
    private static InputStream repeat(char b, long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + k, (byte) b);
                left -= k;
                return k;
            }
        };
    }
}
