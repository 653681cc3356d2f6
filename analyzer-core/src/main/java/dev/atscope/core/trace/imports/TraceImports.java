package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceCsvReader;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a trace in any supported format, detected from its first {@value #PREFIX} bytes or
 * forced, and creates writers for the formats that can hold a trace. Detection tries each format
 * in {@link TraceFormat} order on that prefix alone (never the whole file): the first whose reader
 * takes it without an error and finds traffic in it wins. When none does, the error lists every
 * format with the first line that did not fit and why.
 */
public final class TraceImports {

    /** The bytes read to detect a format. */
    public static final int PREFIX = 1 << 16;

    private TraceImports() {}

    /**
     * Opens a stream of a trace; the stream is closed with the reader.
     *
     * @param source the name used in messages
     * @throws TraceFormatException when the format was forced and the stream does not start as it
     *     should, or when no format fits (listing each with its reason)
     */
    public static TraceReader open(InputStream raw, String source, ImportOptions options) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, PREFIX);
        try {
            skipByteOrderMark(in);
            TraceFormat format = options.format();
            if (format == null) {
                in.mark(PREFIX + 1);
                byte[] prefix = in.readNBytes(PREFIX);
                boolean whole = in.read() < 0;
                in.reset();
                format = detect(prefix, whole, source, options);
            }
            return reader(in, source, format, options, false);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** UTF-8's byte-order mark, which Notepad writes at the start of a text file. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Passes over a byte-order mark at the start of the stream, so the first line reads as it is. */
    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(BOM.length);
        byte[] head = in.readNBytes(BOM.length);
        if (!java.util.Arrays.equals(head, BOM)) {
            in.reset();
        }
    }

    /**
     * Reads a whole log and says how it was read: the format, the sides and why, the time, what
     * was stripped and left out, and what is unsure ({@code atscope import --explain}).
     *
     * @throws TraceFormatException as {@link #open} does, for a log in no format or broken
     */
    public static LogLayout explain(InputStream raw, String source, ImportOptions options) throws IOException {
        try (TraceReader r = open(raw, source, options)) {
            TraceMetadata m = r.metadata();
            long chunks = 0;
            TraceEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof dev.atscope.core.trace.Chunk) {
                    chunks++;
                }
            }
            if (r instanceof LogTraceReader log) {
                return log.layout();
            }
            String format = m.tags().getOrDefault("imported-from", TraceFormat.NATIVE.id());
            return new LogLayout(format, List.of(), "the trace's own times (microseconds)",
                    List.of("nothing: " + chunks + " chunks, each with its direction"), List.of(), List.of());
        }
    }

    /**
     * The format of a file that starts with {@code prefix}.
     *
     * @param whole true when the prefix is the whole file (else its last line may be cut)
     * @throws TraceFormatException listing each format tried and the first line that did not fit
     */
    public static TraceFormat detect(byte[] prefix, boolean whole, String source, ImportOptions options)
            throws TraceFormatException {
        if (prefix.length >= BOM.length && java.util.Arrays.equals(prefix, 0, BOM.length, BOM, 0, BOM.length)) {
            prefix = java.util.Arrays.copyOfRange(prefix, BOM.length, prefix.length);
        }
        // the fast path: a native trace says so on its first line, and its own reader names any fault
        String head = new String(prefix, 0, Math.min(prefix.length, 64), StandardCharsets.ISO_8859_1);
        if (head.startsWith("# atscope-trace") || head.startsWith("time_us,dir,kind,data")) {
            return TraceFormat.NATIVE;
        }
        List<String> reasons = new ArrayList<>();
        Probe best = null;
        Probe nearest = null;
        TraceFormat learned = null;
        for (TraceFormat f : TraceFormat.values()) {
            Probe p = probe(f, prefix, whole, source, options);
            if (p.reason() == null) {
                if (!f.learned()) {
                    return f;
                }
                if (learned == null) {
                    learned = f;
                }
                continue;
            }
            reasons.add("  " + f.id() + ": " + p.reason());
            if (nearest == null || p.chunks() > nearest.chunks()
                    || p.chunks() == nearest.chunks() && p.line() >= nearest.line()) {
                nearest = p;
            }
            if (!f.learned() && p.chunks() >= MIN_PARTIAL && (best == null || p.chunks() > best.chunks())) {
                best = p;
            }
        }
        // a file that fits a tool's format up to a broken line is that format: its reader names the
        // line; the layouts learned from the content are the fallback for what no tool defines
        if (best != null) {
            return best.format();
        }
        if (learned != null) {
            return learned;
        }
        if (!holdsTraffic(prefix) && nearest != null) {
            throw new TraceFormatException(new SourceLocation(source, -1), "no AT traffic in it (no command line such"
                    + " as AT+CGMI, no result such as OK); the nearest layout is " + nearest.format().id() + " ("
                    + nearest.reason() + "); tried:\n" + String.join("\n", reasons));
        }
        throw new TraceFormatException(new SourceLocation(source, -1),
                "not a trace in any format atscope reads; tried:\n" + String.join("\n", reasons)
                        + "\n(force one with --format)");
    }

    /** Whether any line of the text holds a command line, a final result or an answer where traffic would start. */
    private static boolean holdsTraffic(byte[] prefix) {
        String text = new String(prefix, StandardCharsets.ISO_8859_1);
        for (int from = 0; from < text.length(); ) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (AtText.anchor(text.substring(from, end), 0) >= 0) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /** The chunks a format must read before a broken line to be taken for the file's format. */
    private static final int MIN_PARTIAL = 2;

    /**
     * How a format fared on the prefix.
     *
     * @param format the format tried
     * @param reason why it does not fit (its first failing line), or null when it fits
     * @param chunks the chunks it read before failing
     * @param line the line it failed at, or -1
     */
    private record Probe(TraceFormat format, String reason, int chunks, long line) {}

    private static Probe probe(TraceFormat f, byte[] prefix, boolean whole, String source, ImportOptions options) {
        byte[] probe = prefix;
        if (!whole && f != TraceFormat.PCAPNG) {
            int end = prefix.length;
            while (end > 0 && prefix[end - 1] != '\n') {
                end--;
            }
            probe = java.util.Arrays.copyOf(prefix, end);
        }
        if (f == TraceFormat.NATIVE) {
            return new Probe(f, "line 1: expected '# atscope-trace: 1' or the header time_us,dir,kind,data", 0, 1);
        }
        int chunks = 0;
        try (TraceReader r = reader(new ByteArrayInputStream(probe), source, f, options.withKeepGoing(false), !whole)) {
            r.metadata();
            TraceEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof dev.atscope.core.trace.Chunk) {
                    chunks++;
                }
            }
            return new Probe(f, chunks > 0 ? null : "no traffic found in the first " + probe.length + " bytes", 0, 1);
        } catch (TraceFormatException e) {
            SourceLocation at = e.location();
            return new Probe(f, (at.line() >= 0 ? "line " + at.line() + ": " : "") + e.problem(), chunks, at.line());
        } catch (IOException | RuntimeException e) {
            return new Probe(f, e.toString(), chunks, -1);
        }
    }

    /** A reader of a known format. */
    static TraceReader reader(InputStream in, String source, TraceFormat f, ImportOptions o, boolean probe)
            throws IOException {
        if (f == TraceFormat.NATIVE) {
            return new TraceCsvReader(in, source, o.keepGoing());
        }
        if (f == TraceFormat.PCAPNG) {
            return new PcapngReader(in, source, probe);
        }
        LineSource lines = new LineSource(in, source);
        return switch (f) {
            case JSONL -> new JsonlReader(lines, o, probe);
            case SOCAT -> new SocatReader(lines, o, probe);
            case INTERCEPTTY -> new InterceptyReader(lines, o, probe);
            case SLSNIF -> new SlsnifReader(lines, o, probe);
            case JPNEVULATOR -> new JpnevulatorReader(lines, o, probe);
            case UMOCKDEV -> new UmockdevReader(lines, o, probe);
            case MODEMMANAGER -> new ModemManagerReader(lines, o, probe);
            case MBED -> new MbedReader(lines, o, probe);
            case CHAT -> new ChatReader(lines, o, probe);
            case GAMMU -> new GammuReader(lines, o, probe);
            case PREFIXED, TRANSCRIPT -> new TextLogReader(lines, f, o, probe);
            case NATIVE, PCAPNG -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * A writer of the given format on a stream; the stream is closed with the writer.
     *
     * @throws IllegalArgumentException when the format cannot hold a trace
     */
    public static TraceWriter writer(TraceFormat f, OutputStream out, TraceMetadata metadata) throws IOException {
        return switch (f) {
            case NATIVE -> new TraceCsvWriter(out, metadata);
            case JSONL -> new JsonlTraceWriter(out, metadata);
            case UMOCKDEV -> new UmockdevTraceWriter(out);
            case PCAPNG -> new PcapngTraceWriter(out, metadata);
            case SOCAT -> new SocatTraceWriter(out, metadata);
            default -> throw new IllegalArgumentException("atscope cannot write " + f.id() + "; it writes "
                    + TraceFormat.ids(java.util.Arrays.stream(TraceFormat.values()).filter(TraceFormat::writable)
                            .toArray(TraceFormat[]::new)));
        };
    }
}
