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
 * module. Lossy (line ends and non-text bytes are not kept); it exists as the grep baseline of
 * the benchmarks, the same traffic as the traces.
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
            line(m.timeMicros(), "--", m.kind().code() + ": " + m.text());
            return;
        }
        Chunk c = (Chunk) entry;
        int side = c.direction() == Direction.HOST_TO_MODULE ? 0 : 1;
        StringBuilder sb = pending[side];
        for (byte b : c.data()) {
            if (b == '\r' || b == '\n') {
                if (sb.length() > 0) {
                    line(pendingTime[side], side == 0 ? ">>" : "<<", sb.toString());
                    sb.setLength(0);
                }
            } else {
                if (sb.length() == 0) {
                    pendingTime[side] = c.timeMicros();
                }
                sb.append((char) (b & 0xff));
            }
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
        for (int side = 0; side < 2; side++) {
            if (pending[side].length() > 0) {
                line(pendingTime[side], side == 0 ? ">>" : "<<", pending[side].toString());
            }
        }
        out.close();
    }
}
