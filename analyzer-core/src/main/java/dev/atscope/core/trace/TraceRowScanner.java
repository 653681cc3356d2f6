package dev.atscope.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a native trace file into CSV records, reading bytes straight from a large buffer. It
 * follows exactly the rules commons-csv applies with {@link TraceCsvFormat#READ_FORMAT} (RFC 4180
 * double quotes, {@code #} comment lines, blank lines skipped, CR, LF or CR LF ending a record), so
 * that any file reads as it did through commons-csv; it exists because the per-character reader and
 * token machinery of commons-csv were the largest cost of decoding a trace.
 *
 * <p>Line numbers are those of {@code \n} characters, as an editor counts them; {@link TraceRow#line} is
 * the line where the scan for the record began (a comment or blank line before a record belongs to
 * it, as with commons-csv's record position).
 */
final class TraceRowScanner {


    private static final int EOF = -1;
    /** The last character before any was read, as commons-csv's reader reports it. */
    private static final int UNDEFINED = -2;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COMMA = ',';
    private static final byte QUOTE = '"';
    private static final byte COMMENT = '#';

    private enum Token { FIELD, RECORD_END, EOF_WITH_FIELD, EOF, COMMENT }

    private final InputStream in;
    private byte[] buf = new byte[1 << 18];
    /** Index of the next byte to consume. */
    private int pos;
    /** Index just past the last byte read from the stream. */
    private int limit;
    /** Characters consumed before {@code buf[0]}. */
    private long consumedBefore;
    /** The stream returned its end. */
    private boolean end;
    /** The last byte of the stream seen so far, as an unsigned value, or -1. */
    private int lastByteRead = -1;
    /** The last character consumed, {@link #EOF} after the end was consumed, or {@link #UNDEFINED}. */
    private int lastChar = UNDEFINED;
    /** {@code \n} characters consumed. */
    private long newlines;
    /** Line ends counted the way commons-csv's messages count them: CR, or LF not after CR. */
    private long csvLines;
    /** While true nothing consumed is dropped from the buffer, so that it can be handed back. */
    private boolean keepConsumed;
    /** The most bytes a record's fields may hold. */
    private final int maxRow;
    /** The most bytes kept while {@link #keepConsumed} is on. */
    private final int maxKept;
    /** The line where the record being scanned began. */
    private long rowLine;

    /**
     * @param maxRow the most bytes a record's fields may hold; past it {@link #next} fails with
     *     {@link TraceScanFault.TooLong} instead of holding more
     * @param maxKept the most bytes kept for {@link #consumed()} (the comments and header)
     */
    TraceRowScanner(InputStream in, int maxRow, int maxKept) {
        this.in = in;
        this.maxRow = maxRow;
        this.maxKept = maxKept;
    }

    /** Keeps everything read until {@link #consumed()} is taken (for the header, which is small). */
    void keepConsumed() {
        keepConsumed = true;
    }

    /** The characters consumed since {@link #keepConsumed()}, as bytes; stops keeping them. */
    byte[] consumed() {
        keepConsumed = false;
        return Arrays.copyOf(buf, pos);
    }

    /** Whether the end of the stream has been read (though maybe not yet consumed). */
    boolean reachedEnd() {
        return end;
    }

    /** The last character of the stream as read so far: at the end, the file's last character. */
    int lastCharRead() {
        return lastByteRead;
    }

    /** The line being read, counting every {@code \n} read from the stream so far. */
    long lastLine() {
        long n = newlines;
        for (int i = pos; i < limit; i++) {
            if (buf[i] == LF) {
                n++;
            }
        }
        return n + 1;
    }

    /**
     * Reads the next record into {@code row}.
     *
     * @return false at the end of the input (no record)
     * @throws TraceScanFault.EndInsideQuotes when the input ends inside a quoted field
     * @throws TraceScanFault.BadCharAfterQuote when a quoted field is followed by something other than a separator
     */
    boolean next(TraceRow row) throws IOException {
        row.clear();
        row.line = newlines + 1;
        rowLine = row.line;
        while (true) {
            switch (nextToken(row)) {
                case FIELD, COMMENT -> {
                    // more fields follow; a comment line is skipped
                }
                case RECORD_END, EOF_WITH_FIELD -> {
                    row.endField();
                    return true;
                }
                case EOF -> {
                    return row.size > 0;
                }
                default -> throw new AssertionError();
            }
        }
    }

    private Token nextToken(TraceRow row) throws IOException {
        int last = lastChar;
        int c = read();
        boolean eol = readEndOfLine(c);
        while (eol && isStartOfLine(last)) {
            // a blank line
            last = c;
            c = read();
            eol = readEndOfLine(c);
            if (c == EOF) {
                return Token.EOF;
            }
        }
        if (last == EOF || last != COMMA && c == EOF) {
            return Token.EOF;
        }
        if (isStartOfLine(last) && c == COMMENT) {
            return skipCommentLine() ? Token.COMMENT : Token.EOF;
        }
        if (c == COMMA) {
            row.endField();
            return Token.FIELD;
        }
        if (eol) {
            return Token.RECORD_END;
        }
        if (c == QUOTE) {
            return quotedField(row);
        }
        if (c == EOF) {
            return Token.EOF_WITH_FIELD;
        }
        return plainField(row, c);
    }

    /** The rest of a field that does not start with a quote: up to a comma, a line end or the end. */
    private Token plainField(TraceRow row, int first) throws IOException {
        row.append((byte) first);
        while (true) {
            int from = pos;
            int i = from;
            byte[] b = buf;
            int lim = limit;
            while (i < lim) {
                byte x = b[i];
                if (x == COMMA || x == LF || x == CR) {
                    break;
                }
                i++;
            }
            if (i > from) {
                row.append(b, from, i);
                lastChar = b[i - 1] & 0xff;
                pos = i;
                checkLength(row);
            }
            if (i < lim) {
                break;
            }
            if (!fill()) {
                break;
            }
        }
        int c = read();
        if (readEndOfLine(c)) {
            return Token.RECORD_END;
        }
        if (c == EOF) {
            return Token.EOF_WITH_FIELD;
        }
        row.endField(); // a comma
        return Token.FIELD;
    }

    /** A field in double quotes: {@code ""} stands for one quote; line ends inside are kept. */
    private Token quotedField(TraceRow row) throws IOException {
        long startLine = csvLineNumber();
        while (true) {
            int from = pos;
            int i = from;
            byte[] b = buf;
            int lim = limit;
            while (i < lim) {
                byte x = b[i];
                if (x == QUOTE) {
                    if (i + 1 < lim && b[i + 1] == QUOTE) {
                        // a doubled quote, frequent in AT commands (AT+QSECWRITE="RAM:a.pem"): keep one
                        row.append(b, from, i + 1);
                        i += 2;
                        from = i;
                        continue;
                    }
                    break;
                }
                if (x == LF || x == CR) {
                    break;
                }
                i++;
            }
            if (i > from) {
                row.append(b, from, i);
            }
            if (i > pos) {
                lastChar = b[i - 1] & 0xff;
                pos = i;
                checkLength(row);
            }
            if (i == lim) {
                if (!fill()) {
                    read(); // the end, as commons-csv reads it
                    throw new TraceScanFault.EndInsideQuotes(String.format(
                            "(startline %,d) EOF reached before encapsulated token finished", startLine));
                }
                continue;
            }
            int c = read();
            if (c != QUOTE) {
                row.append((byte) c); // a line end inside the quotes
                checkLength(row);
                continue;
            }
            if (peek() == QUOTE) {
                read();
                row.append(QUOTE);
                continue;
            }
            // the closing quote: only white space may come before the separator
            while (true) {
                c = read();
                if (c == COMMA) {
                    row.endField();
                    return Token.FIELD;
                }
                if (c == EOF) {
                    return Token.EOF_WITH_FIELD;
                }
                if (readEndOfLine(c)) {
                    return Token.RECORD_END;
                }
                if (!Character.isWhitespace((char) c)) {
                    throw new TraceScanFault.BadCharAfterQuote(String.format(
                            "Invalid character between encapsulated token and delimiter at line: %,d, position: %,d",
                            csvLineNumber(), consumedBefore + pos), newlines + 1);
                }
            }
        }
    }

    private void checkLength(TraceRow row) throws TraceScanFault.TooLong {
        if (row.length > maxRow) {
            throw new TraceScanFault.TooLong(String.format("a row longer than %,d bytes", maxRow), rowLine);
        }
    }

    /**
     * Passes over the rest of the current line, whatever it holds (a quote that never closes
     * included), so that scanning starts afresh at the next: how a broken row is skipped.
     */
    void skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c != LF && c != CR && c != EOF);
        if (c == CR && peek() == LF) {
            read();
        }
    }

    /** Consumes a comment line after its {@code #}; false when the {@code #} was the last character. */
    private boolean skipCommentLine() throws IOException {
        if (peek() == EOF) {
            return false;
        }
        while (true) {
            int from = pos;
            int i = from;
            byte[] b = buf;
            int lim = limit;
            while (i < lim && b[i] != LF && b[i] != CR) {
                i++;
            }
            if (i > from) {
                lastChar = b[i - 1] & 0xff;
                pos = i;
            }
            if (i < lim || !fill()) {
                break;
            }
        }
        int c = read();
        if (c == CR && peek() == LF) {
            read();
        }
        return true;
    }

    /** The line number commons-csv would put in a message now. */
    private long csvLineNumber() {
        return lastChar == CR || lastChar == LF || lastChar == UNDEFINED || lastChar == EOF ? csvLines : csvLines + 1;
    }

    private static boolean isStartOfLine(int c) {
        return c == LF || c == CR || c == UNDEFINED;
    }

    /** True at CR, LF or CR LF (the LF is consumed too). */
    private boolean readEndOfLine(int c) throws IOException {
        if (c == CR && peek() == LF) {
            c = read();
        }
        return c == LF || c == CR;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return buf[pos] & 0xff;
    }

    private int read() throws IOException {
        int c;
        if (pos == limit && !fill()) {
            c = EOF;
            consumedBefore++; // commons-csv counts reading the end as a character
            if (lastChar != CR && lastChar != LF && lastChar != EOF) {
                csvLines++;
            }
        } else {
            c = buf[pos++] & 0xff;
            if (c == LF) {
                newlines++;
                if (lastChar != CR) {
                    csvLines++;
                }
            } else if (c == CR) {
                csvLines++;
            }
        }
        lastChar = c;
        return c;
    }

    /** Reads more of the stream behind the unconsumed bytes; false at its end. */
    private boolean fill() throws IOException {
        if (end) {
            return false;
        }
        if (keepConsumed) {
            if (limit >= maxKept) {
                throw new TraceScanFault.TooLong(String.format("more than %,d bytes of comments and header", maxKept), 1);
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxKept));
            }
        } else {
            int live = limit - pos;
            System.arraycopy(buf, pos, buf, 0, live);
            consumedBefore += pos;
            pos = 0;
            limit = live;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            end = true;
            return false;
        }
        if (n > 0) {
            limit += n;
            lastByteRead = buf[limit - 1] & 0xff;
        }
        return true;
    }

    void close() throws IOException {
        in.close();
    }
}
