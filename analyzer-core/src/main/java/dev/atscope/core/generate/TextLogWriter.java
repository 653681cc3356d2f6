package dev.atscope.core.generate;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes traffic as the plain text log a device's firmware would print: one line per text line
 * on the wire, {@code [2026-11-23 10:00:00.123] >> AT+QIACT} for the host, {@code <<} for the
 * module, in time order. Lossy (line ends and non-text bytes are not kept), but atscope reads it
 * back as the same transactions: a side's unfinished line (an upload without a line end) ends
 * when the other side speaks. It exists as the grep baseline of the benchmarks.
 */
public final class TextLogWriter implements TraceWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Writer out;
    private final Instant start;
    private final StringBuilder[] pending = {new StringBuilder(), new StringBuilder()};
    private final long[] pendingTime = new long[2];

    public TextLogWriter(Writer out, Instant start) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.start = start;
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry instanceof Marker m) {
            end(0);
            end(1);
            line(m.timeMicros(), "--", m.kind().code() + ": " + m.text());
            return;
        }
        Chunk c = (Chunk) entry;
        int side = c.direction() == Direction.HOST_TO_MODULE ? 0 : 1;
        // the other side speaking ends what this side left unfinished: the URL after CONNECT has no line end
        end(1 - side);
        StringBuilder sb = pending[side];
        for (byte b : c.data()) {
            if (b == '\r' || b == '\n') {
                if (sb.length() > 0) {
                    if (side == 0 && b == '\n') {
                        // a host line ending in LF alone is upload data (a PEM line): the log says so, as \n
                        sb.append("\\n");
                    }
                    line(pendingTime[side], side == 0 ? ">>" : "<<", sb.toString());
                    sb.setLength(0);
                }
            } else {
                if (sb.length() == 0) {
                    pendingTime[side] = c.timeMicros();
                }
                if (b == '\\') {
                    sb.append('\\'); // so that a reader of C escapes gets the backslash back
                }
                sb.append((char) (b & 0xff));
            }
        }
    }

    /** Writes a side's unfinished line, if any. */
    private void end(int side) throws IOException {
        if (pending[side].length() > 0) {
            line(pendingTime[side], side == 0 ? ">>" : "<<", pending[side].toString());
            pending[side].setLength(0);
        }
    }

    private void line(long micros, String arrow, String text) throws IOException {
        out.write('[');
        out.write(TIME.format(start.plusNanos(micros * 1000)));
        out.write("] ");
        out.write(arrow);
        out.write(' ');
        out.write(new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        end(0);
        end(1);
        out.close();
    }
}
