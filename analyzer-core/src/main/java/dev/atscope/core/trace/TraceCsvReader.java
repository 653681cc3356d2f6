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
 * warning; every other fault stops reading with {@code file:line: what was expected}.
 *
 * <p>The metadata and header go through commons-csv; the rows are split by {@link TraceRowScanner},
 * which applies the same CSV rules to bytes, and are turned into entries without a String per field.
 */
public final class TraceCsvReader implements TraceReader {

    private static final int COLUMNS = TraceCsvFormat.COLUMNS.length;
    private static final int DATA = 3;
    private static final byte[] DATA_KIND = TraceCsvFormat.DATA_KIND.getBytes(StandardCharsets.US_ASCII);

    private final String source;
    private final TraceRowScanner rows;
    private final TraceMetadata metadata;
    private final List<String> warnings = new ArrayList<>();
    /** The row being returned; swapped with {@link #lookahead} so neither is allocated per row. */
    private TraceRowScanner.Row current = new TraceRowScanner.Row();
    /** The row after the one being returned, read ahead to know whether the current is last. */
    private TraceRowScanner.Row lookahead = new TraceRowScanner.Row();
    private boolean hasLookahead;
    private long lastTime = -1;
    private boolean done;
    /** The cut-short last row was already reported while reading ahead. */
    private boolean tailCut;

    /**
     * Opens a stream; it is closed with this reader.
     *
     * @param source the name used in messages (a file path, or "-" for standard input)
     * @throws TraceFormatException when the header or metadata are not the native format
     */
    public TraceCsvReader(InputStream input, String source) throws IOException {
        this.source = source;
        this.rows = new TraceRowScanner(input);
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
        } catch (TraceRowScanner.EndInsideQuotes | TraceRowScanner.BadCharAfterQuote e) {
            scanFault = e;
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
        if (done || !hasLookahead) {
            done = true;
            return null;
        }
        TraceRowScanner.Row row = lookahead;
        lookahead = current;
        current = row;
        advance();
        boolean last = !hasLookahead;
        int lastChar = rows.lastCharRead();
        if (last && !tailCut && (lastChar != '\n' && lastChar != '\r' || row.size < COLUMNS)) {
            warnings.add(new SourceLocation(source, row.line)
                    + ": the last row is cut short (the recording stopped mid-write); skipped");
            done = true;
            return null;
        }
        return parse(row);
    }

    private void advance() throws TraceFormatException {
        try {
            hasLookahead = rows.next(lookahead);
        } catch (IOException e) {
            // a quoted field that the end of the file cut off, or a broken one
            long line = rows.lastLine();
            if (rows.reachedEnd()) {
                tailCut = true;
                warnings.add(new SourceLocation(source, line)
                        + ": the last row is cut short (the recording stopped mid-write); skipped");
                hasLookahead = false;
            } else {
                // worded as commons-csv's record iterator words it, which is how this reader said it
                throw new TraceFormatException(new SourceLocation(source, line),
                        "malformed CSV: org.apache.commons.csv.CSVException: " + e.getMessage());
            }
        }
    }

    private TraceEntry parse(TraceRowScanner.Row r) throws TraceFormatException {
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
        lastTime = time;
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
    private long parseTime(TraceRowScanner.Row r) throws TraceFormatException {
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

    private Direction direction(TraceRowScanner.Row r) throws TraceFormatException {
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

    private SourceLocation at(TraceRowScanner.Row r) {
        return new SourceLocation(source, r.line);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
