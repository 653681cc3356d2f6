package dev.atscope.core.trace;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reader of the native format as it was before {@link TraceCsvReader} read bytes itself: every
 * record through commons-csv. Kept as the oracle that the faster reader must match exactly.
 *
 * Reads the native trace format ({@link TraceCsvFormat}) as a stream. A last row that was cut
 * short (the recorder crashed mid-write: no final newline, or too few columns) is skipped with a
 * warning; every other fault stops reading with {@code file:line: what was expected}.
 */
final class CommonsCsvTraceReader implements TraceReader {

    private final String source;
    private final TailTrackingReader in;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final TraceMetadata metadata;
    private final List<String> warnings = new ArrayList<>();
    /** The record after the one being returned, read ahead to know whether the current is last. */
    private CSVRecord lookahead;
    private long lookaheadLine;
    private long lastTime = -1;
    private boolean done;
    /** The cut-short last row was already reported while reading ahead. */
    private boolean tailCut;
    /** A fault met while reading ahead, thrown once the rows before it are handed out. */
    private TraceFormatException pending;

    /**
     * Opens a stream; it is closed with this reader.
     *
     * @param source the name used in messages (a file path, or "-" for standard input)
     * @throws TraceFormatException when the header or metadata are not the native format
     */
    CommonsCsvTraceReader(InputStream input, String source) throws IOException {
        this.source = source;
        this.in = new TailTrackingReader(new BufferedReader(
                new InputStreamReader(input, StandardCharsets.ISO_8859_1), 1 << 16));
        try {
            this.parser = CSVParser.builder().setReader(in).setFormat(TraceCsvFormat.READ_FORMAT).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            in.close();
            throw new TraceFormatException(new SourceLocation(source, 1),
                    "not a trace file: " + e.getMessage());
        }
        List<String> header = parser.getHeaderNames();
        long headerLine = parser.getCurrentLineNumber();
        if (!header.equals(List.of(TraceCsvFormat.COLUMNS))) {
            parser.close();
            throw new TraceFormatException(new SourceLocation(source, Math.max(1, headerLine)),
                    "bad header " + header + "; expected the columns " + String.join(",", TraceCsvFormat.COLUMNS));
        }
        try {
            this.metadata = TraceCsvFormat.parseMetadata(parser.getHeaderComment()).withSource(
                    source);
        } catch (IllegalArgumentException e) {
            parser.close();
            throw new TraceFormatException(new SourceLocation(source, 1), e.getMessage());
        }
        this.records = parser.iterator();
        advance();
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
        while (!done) {
            CSVRecord current = lookahead;
            long line = lookaheadLine;
            if (current == null) {
                done = true;
                if (pending != null) {
                    throw pending;
                }
                return null;
            }
            advance();
            boolean last = lookahead == null && pending == null;
            if (last && !tailCut && (in.lastChar() != '\n' && in.lastChar() != '\r' || current.size() < TraceCsvFormat.COLUMNS.length)) {
                warnings.add(new SourceLocation(source, line)
                        + ": the last row is cut short (the recording stopped mid-write); skipped");
                done = true;
                return null;
            }
            return parse(current, line);
        }
        return null;
    }

    private void advance() throws TraceFormatException {
        try {
            if (records.hasNext()) {
                lookahead = records.next();
                lookaheadLine = in.lineOf(lookahead.getCharacterPosition());
            } else {
                lookahead = null;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv fails inside a quoted field that the end of the file cut off
            long line = in.lastLine();
            if (atEndOfInput()) {
                tailCut = true;
                warnings.add(new SourceLocation(source, line)
                        + ": the last row is cut short (the recording stopped mid-write); skipped");
                lookahead = null;
            } else {
                // kept for after the row before it, as the reader does
                lookahead = null;
                pending = new TraceFormatException(new SourceLocation(source, line), "malformed CSV: " + e.getMessage());
            }
        }
    }

    private boolean atEndOfInput() {
        return in.reachedEnd();
    }

    private TraceEntry parse(CSVRecord r, long line) throws TraceFormatException {
        SourceLocation at = new SourceLocation(source, line);
        if (r.size() != TraceCsvFormat.COLUMNS.length) {
            throw new TraceFormatException(at, "row has " + r.size() + " columns; expected 4 ("
                    + String.join(",", TraceCsvFormat.COLUMNS) + ")");
        }
        long time;
        try {
            time = Long.parseLong(r.get(0));
        } catch (NumberFormatException e) {
            throw new TraceFormatException(at, "time_us '" + r.get(0) + "' is not a whole number of microseconds");
        }
        if (time < 0) {
            throw new TraceFormatException(at, "time_us " + time + " is negative");
        }
        if (time < lastTime) {
            throw new TraceFormatException(at, "time goes backwards: " + time + " after " + lastTime
                    + "; expected rows in time order");
        }
        lastTime = time;
        String dirCode = r.get(1);
        Direction dir = dirCode.isEmpty() ? null : Direction.fromCode(dirCode);
        if (dir == null && !dirCode.isEmpty()) {
            throw new TraceFormatException(at, "dir '" + dirCode + "'; expected H>M or M>H");
        }
        byte[] data;
        try {
            data = ByteEscaper.unescape(r.get(3));
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(at, "bad escape in data, " + e.getMessage());
        }
        String kind = r.get(2);
        if (TraceCsvFormat.DATA_KIND.equals(kind)) {
            if (dir == null) {
                throw new TraceFormatException(at, "a data row needs dir H>M or M>H");
            }
            if (data.length == 0) {
                throw new TraceFormatException(at, "a data row with no bytes; expected at least one");
            }
            return new Chunk(time, dir, data, line);
        }
        Marker.Kind mk = Marker.Kind.fromCode(kind);
        if (mk == null) {
            throw new TraceFormatException(at, "kind '" + kind + "'; expected data, gap, line-error or note");
        }
        return new Marker(time, dir, mk, new String(data, StandardCharsets.UTF_8), line);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Remembers the last character read, whether the end was reached, and where the line ends
     * are, so that a record's character position gives its line even after comments or blank lines.
     */
    private static final class TailTrackingReader extends FilterReader {
        private int lastChar = -1;
        private boolean end;
        private long position;
        /** Positions of line ends read but not yet passed by a query. */
        private final java.util.ArrayDeque<Long> lineEnds = new java.util.ArrayDeque<>();
        /** Line ends before the positions still in {@code lineEnds}. */
        private long linesBefore;

        /** The 1-based number of the line being read (the last one when the end was reached). */
        long lastLine() {
            return linesBefore + lineEnds.size() + 1;
        }

        /** The 1-based line of the character at {@code pos}; positions must be asked in order. */
        long lineOf(long pos) {
            while (!lineEnds.isEmpty() && lineEnds.peekFirst() < pos) {
                lineEnds.pollFirst();
                linesBefore++;
            }
            return linesBefore + 1;
        }

        private void track(char[] cbuf, int off, int n) {
            for (int i = 0; i < n; i++) {
                if (cbuf[off + i] == '\n') {
                    lineEnds.add(position + i);
                }
            }
            position += n;
        }

        TailTrackingReader(Reader in) {
            super(in);
        }

        int lastChar() {
            return lastChar;
        }

        boolean reachedEnd() {
            return end;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c < 0) {
                end = true;
            } else {
                lastChar = c;
                if (c == '\n') {
                    lineEnds.add(position);
                }
                position++;
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            if (n < 0) {
                end = true;
            } else if (n > 0) {
                lastChar = cbuf[off + n - 1];
                track(cbuf, off, n);
            }
            return n;
        }
    }
}
