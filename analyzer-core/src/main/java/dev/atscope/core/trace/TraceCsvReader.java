package dev.atscope.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the native trace format ({@link TraceCsvFormat}) as a stream. A last row that was cut
 * short (the recorder crashed mid-write: no final newline, or too few columns) is skipped with a
 * warning; every other fault stops reading with {@code file:line: what was expected}, after every
 * row before it was handed out. With keep-going a broken row is skipped instead: a {@code gap}
 * marker takes its place (one for a run of broken rows) and a warning says what was skipped.
 *
 * <p>Memory is bounded whatever the file holds: a row is at most {@link
 * TraceCsvFormat#MAX_ROW_BYTES} bytes (past it, a quote that never closes included, the row is
 * refused), the comments and header before the first row at most {@link
 * TraceCsvFormat#MAX_PREAMBLE_BYTES}.
 *
 * <p>The metadata and header go through commons-csv; the rows are split by {@link TraceRowScanner},
 * which applies the same CSV rules to bytes, and are turned into entries without a String per field.
 */
public final class TraceCsvReader implements TraceReader {

    /** How the text of a gap marker for skipped rows starts, as the importers word it. */
    private static final String NOT_IMPORTED = "not imported: ";
    private static final int COLUMNS = TraceCsvFormat.COLUMNS.length;
    private static final int DATA = 3;
    private static final byte[] DATA_KIND = TraceCsvFormat.DATA_KIND.getBytes(StandardCharsets.US_ASCII);

    private final String source;
    private final boolean keepGoing;
    private final TraceRowScanner rows;
    private final TraceMetadata metadata;
    private final List<String> warnings = new ArrayList<>();
    /** The row being returned; swapped with {@link #lookahead} so neither is allocated per row. */
    private TraceRow current = new TraceRow();
    /** The row after the one being returned, read ahead to know whether the current is last. */
    private TraceRow lookahead = new TraceRow();
    private boolean hasLookahead;
    /** A fault met while reading ahead, for after the row before it was handed out. */
    private TraceFormatException pending;
    private long lastTime = -1;
    private boolean done;
    /** The cut-short last row was already reported while reading ahead. */
    private boolean tailCut;
    /** With keep-going: the gap of the broken rows since the last good one, handed out before the next. */
    private Marker gap;
    /** With keep-going: a good row read while a gap was waiting to be handed out before it. */
    private TraceEntry afterGap;

    /**
     * Opens a stream that stops at the first broken row; it is closed with this reader.
     *
     * @param source the name used in messages (a file path, or "-" for standard input)
     * @throws TraceFormatException when the header or metadata are not the native format
     */
    public TraceCsvReader(InputStream input, String source) throws IOException {
        this(input, source, false);
    }

    /**
     * Opens a stream; it is closed with this reader.
     *
     * @param source the name used in messages (a file path, or "-" for standard input)
     * @param keepGoing skip a broken row with a gap marker and a warning instead of stopping
     * @throws TraceFormatException when the header or metadata are not the native format
     */
    public TraceCsvReader(InputStream input, String source, boolean keepGoing) throws IOException {
        this.source = source;
        this.keepGoing = keepGoing;
        this.rows = new TraceRowScanner(input, TraceCsvFormat.MAX_ROW_BYTES, TraceCsvFormat.MAX_PREAMBLE_BYTES);
        try {
            this.metadata = readHeader();
            advance();
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Reads the metadata comments and the header record with the scanner, then has commons-csv parse
     * exactly those characters, so that the header names, the header comment, and any fault and its
     * message are commons-csv's own.
     */
    private TraceMetadata readHeader() throws IOException {
        rows.keepConsumed();
        IOException scanFault = null;
        try {
            rows.next(current);
        } catch (TraceScanFault.EndInsideQuotes | TraceScanFault.BadCharAfterQuote e) {
            scanFault = e;
        } catch (TraceScanFault.TooLong e) {
            throw new TraceFormatException(new SourceLocation(source, e.line), "not a trace file: " + e.getMessage()
                    + " before the first row; expected a few metadata lines and the header " + String.join(",",
                    TraceCsvFormat.COLUMNS));
        }
        String preamble = new String(rows.consumed(), StandardCharsets.ISO_8859_1);
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new StringReader(preamble)).setFormat(TraceCsvFormat.READ_FORMAT).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new TraceFormatException(new SourceLocation(source, 1), "not a trace file: " + e.getMessage());
        } catch (IOException e) {
            // a quote in the header that the file never closes: a format fault like any other
            throw new TraceFormatException(new SourceLocation(source, 1), "not a trace file: malformed CSV: "
                    + e.getMessage());
        }
        try (parser) {
            if (scanFault != null) {
                throw scanFault; // commons-csv disagreed, which it must not: keep the scanner's word
            }
            List<String> header = parser.getHeaderNames();
            long headerLine = parser.getCurrentLineNumber();
            if (!header.equals(List.of(TraceCsvFormat.COLUMNS))) {
                throw new TraceFormatException(new SourceLocation(source, Math.max(1, headerLine)),
                        "bad header " + header + "; expected the columns " + String.join(",", TraceCsvFormat.COLUMNS));
            }
            try {
                return TraceCsvFormat.parseMetadata(parser.getHeaderComment()).withSource(source);
            } catch (IllegalArgumentException e) {
                throw new TraceFormatException(new SourceLocation(source, 1), e.getMessage());
            }
        }
    }

    @Override
    public TraceMetadata metadata() {
        return metadata;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public TraceEntry next() throws IOException {
        if (afterGap != null) {
            TraceEntry e = afterGap;
            afterGap = null;
            return e;
        }
        while (!done) {
            if (!hasLookahead) {
                if (pending != null) {
                    TraceFormatException fault = pending;
                    pending = null;
                    skipped(fault);
                    rows.skipLine();
                    advance();
                    continue;
                }
                done = true;
                break;
            }
            TraceRow row = lookahead;
            lookahead = current;
            current = row;
            advance();
            boolean last = !hasLookahead && pending == null;
            int lastChar = rows.lastCharRead();
            if (last && !tailCut && (lastChar != '\n' && lastChar != '\r' || row.size < COLUMNS)) {
                warnings.add(new SourceLocation(source, row.line)
                        + ": the last row is cut short (the recording stopped mid-write); skipped");
                done = true;
                break;
            }
            TraceEntry e;
            try {
                e = parse(row);
            } catch (TraceFormatException fault) {
                skipped(fault);
                continue;
            }
            lastTime = e.timeMicros(); // only a row read whole sets the time a later one must not precede
            if (gap != null) {
                afterGap = e;
                return takeGap();
            }
            return e;
        }
        return gap != null ? takeGap() : null;
    }

    /** A broken row: the end of reading, or with keep-going a gap in its place. */
    private void skipped(TraceFormatException fault) throws TraceFormatException {
        if (!keepGoing) {
            done = true;
            throw fault;
        }
        long line = fault.location().line();
        long time = Math.max(lastTime, 0);
        if (gap == null) {
            warnings.add(fault.getMessage() + "; skipped (--keep-going)");
            gap = new Marker(time, null, Marker.Kind.GAP, NOT_IMPORTED + fault.getMessage(), line);
        } else {
            // a run of broken rows is one gap
            warnings.set(warnings.size() - 1, gap.text().substring(NOT_IMPORTED.length()) + " (and up to line " + line
                    + "); skipped (--keep-going)");
        }
    }

    private Marker takeGap() {
        Marker m = gap;
        gap = null;
        return m;
    }

    /** Reads the next row ahead; a fault of the format is kept for after the rows before it. */
    private void advance() throws IOException {
        try {
            hasLookahead = rows.next(lookahead);
        } catch (TraceScanFault.EndInsideQuotes e) {
            // a quoted field that the end of the file cut off
            hasLookahead = false;
            tailCut = true;
            warnings.add(new SourceLocation(source, rows.lastLine())
                    + ": the last row is cut short (the recording stopped mid-write); skipped");
        } catch (TraceScanFault.BadCharAfterQuote e) {
            hasLookahead = false;
            // worded as commons-csv's record iterator words it, which is how this reader said it
            pending = new TraceFormatException(new SourceLocation(source, e.line),
                    "malformed CSV: org.apache.commons.csv.CSVException: " + e.getMessage());
        } catch (TraceScanFault.TooLong e) {
            hasLookahead = false;
            pending = new TraceFormatException(new SourceLocation(source, e.line), e.getMessage()
                    + " (a quote that never closes?); expected one row of at most that a line");
        }
    }

    private TraceEntry parse(TraceRow r) throws TraceFormatException {
        if (r.size != COLUMNS) {
            throw new TraceFormatException(at(r), "row has " + r.size + " columns; expected 4 ("
                    + String.join(",", TraceCsvFormat.COLUMNS) + ")");
        }
        long time = parseTime(r);
        if (time < 0) {
            throw new TraceFormatException(at(r), "time_us " + time + " is negative");
        }
        if (time < lastTime) {
            throw new TraceFormatException(at(r), "time goes backwards: " + time + " after " + lastTime
                    + "; expected rows in time order");
        }
        Direction dir = direction(r);
        byte[] data;
        try {
            data = ByteEscaper.unescape(r.bytes, r.start(DATA), r.end(DATA));
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(at(r), "bad escape in data, " + e.getMessage());
        }
        int kindFrom = r.start(2);
        if (java.util.Arrays.equals(r.bytes, kindFrom, r.end(2), DATA_KIND, 0, DATA_KIND.length)) {
            if (dir == null) {
                throw new TraceFormatException(at(r), "a data row needs dir H>M or M>H");
            }
            if (data.length == 0) {
                throw new TraceFormatException(at(r), "a data row with no bytes; expected at least one");
            }
            return new Chunk(time, dir, data, r.line);
        }
        String kind = r.text(2);
        Marker.Kind mk = Marker.Kind.fromCode(kind);
        if (mk == null) {
            throw new TraceFormatException(at(r), "kind '" + kind + "'; expected data, gap, line-error or note");
        }
        return new Marker(time, dir, mk, new String(data, StandardCharsets.UTF_8), r.line);
    }

    /** The time field: plain digits directly, anything else through {@link Long#parseLong} as before. */
    private long parseTime(TraceRow r) throws TraceFormatException {
        int from = r.start(0);
        int to = r.end(0);
        if (to > from && to - from <= 18) {
            long t = 0;
            int i = from;
            for (; i < to; i++) {
                int d = r.bytes[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                t = t * 10 + d;
            }
            if (i == to) {
                return t;
            }
        }
        String text = r.text(0);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(at(r), "time_us '" + text + "' is not a whole number of microseconds");
        }
    }

    private Direction direction(TraceRow r) throws TraceFormatException {
        int from = r.start(1);
        int n = r.end(1) - from;
        if (n == 0) {
            return null;
        }
        byte[] b = r.bytes;
        if (n == 3 && b[from + 1] == '>') {
            if (b[from] == 'H' && b[from + 2] == 'M') {
                return Direction.HOST_TO_MODULE;
            }
            if (b[from] == 'M' && b[from + 2] == 'H') {
                return Direction.MODULE_TO_HOST;
            }
        }
        throw new TraceFormatException(at(r), "dir '" + r.text(1) + "'; expected H>M or M>H");
    }

    private SourceLocation at(TraceRow r) {
        return new SourceLocation(source, r.line);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
