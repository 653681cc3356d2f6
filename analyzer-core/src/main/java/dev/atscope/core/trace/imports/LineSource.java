package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lines or characters of a log file, one byte a character (ISO-8859-1, so that any byte reads and
 * none is lost), counting lines for messages. A line ends at LF, with a CR before it removed; a
 * line longer than {@link #MAX_LINE} characters is an error rather than unbounded memory, and its
 * rest is passed over unkept, so that reading can go on at the next line (keep-going).
 */
final class LineSource implements Closeable {

    /** The longest line accepted: logs of any size are read in constant memory. */
    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    /** The 1-based line the next character belongs to. */
    private long line = 1;
    /** Whether the last line returned ended with a line feed. */
    private boolean terminated = true;
    private final StringBuilder sb = new StringBuilder(256);

    LineSource(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The name used in messages. */
    String source() {
        return source;
    }

    /** The line of the next character to be read. */
    long line() {
        return line;
    }

    /** Whether the last line returned by {@link #readLine()} ended with a line feed. */
    boolean lastTerminated() {
        return terminated;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    /** The next character (0–255), or -1 at the end. */
    int read() throws IOException {
        if (pos >= end && !fill()) {
            return -1;
        }
        int c = buf[pos++] & 0xff;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** The next character without consuming it, or -1 at the end. */
    int peek() throws IOException {
        if (pos >= end && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    /**
     * The next line without its terminator, or null at the end.
     *
     * @throws TraceFormatException when the line is longer than {@link #MAX_LINE}
     */
    String readLine() throws IOException {
        sb.setLength(0);
        long at = line;
        while (true) {
            if (pos >= end && !fill()) {
                if (sb.length() == 0) {
                    return null;
                }
                terminated = false;
                return sb.toString();
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            for (int i = start; i < pos; i++) {
                sb.append((char) (buf[i] & 0xff));
            }
            if (sb.length() > MAX_LINE) {
                sb.setLength(0);
                skipRestOfLine();
                throw new TraceFormatException(new SourceLocation(source, at),
                        "a line longer than " + MAX_LINE + " characters; expected a text log with line breaks");
            }
            if (pos < end) {
                pos++;
                line++;
                terminated = true;
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
        }
    }

    /** Passes over what is left of an overlong line without keeping it, so reading can go on after it. */
    private void skipRestOfLine() throws IOException {
        while (true) {
            if (pos >= end && !fill()) {
                terminated = false;
                return;
            }
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            if (pos < end) {
                pos++;
                line++;
                terminated = true;
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
