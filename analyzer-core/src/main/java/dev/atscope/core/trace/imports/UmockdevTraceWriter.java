package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a trace as a umockdev serial script (umockdev {@code docs/script-format.txt}), so that
 * a recording can drive {@code umockdev-run --script}: the host's bytes become {@code w} lines, the
 * module's {@code r} lines, with the milliseconds since the previous line. Consecutive chunks of
 * one side are joined into one line, as umockdev-record does; markers have no place in a script
 * and are left out.
 */
public final class UmockdevTraceWriter implements TraceWriter {

    private final Writer out;
    private Direction dir;
    private final StringBuilder data = new StringBuilder();
    private long pendingTime;
    private long lastWritten;
    private long lastTime = -1;

    /** The stream is closed with this writer. */
    public UmockdevTraceWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry.timeMicros() < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + entry.timeMicros() + " after " + lastTime);
        }
        lastTime = entry.timeMicros();
        if (entry instanceof Marker) {
            return;
        }
        Chunk c = (Chunk) entry;
        if (c.direction() != dir) {
            flushLine();
            dir = c.direction();
            pendingTime = c.timeMicros();
        }
        data.append(Escapes.toUmockdev(c.data()));
    }

    private void flushLine() throws IOException {
        if (dir == null || data.length() == 0) {
            return;
        }
        long ms = (pendingTime - lastWritten) / 1000;
        lastWritten += ms * 1000;
        out.write(dir == Direction.HOST_TO_MODULE ? "w " : "r ");
        out.write(Long.toString(ms));
        out.write(' ');
        out.write(data.toString());
        out.write('\n');
        data.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flushLine();
        out.close();
    }
}
