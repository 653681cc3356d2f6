package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a trace in the layout of {@code socat -x} (the hex form, which loses nothing): a header
 * {@code > 2026/11/23 10:00:00.000123  length=13 from=0 to=12} per chunk, {@code >} for the
 * host's bytes, then the bytes in hex on one line. Markers have no place in it and are left out.
 */
public final class SocatTraceWriter implements TraceWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Writer out;
    private final Instant start;
    private final long[] offsets = new long[2];
    private long lastTime = -1;

    /** The stream is closed with this writer. */
    public SocatTraceWriter(OutputStream out, TraceMetadata metadata) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        this.start = metadata.start() == null ? Instant.EPOCH : metadata.start();
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry.timeMicros() < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + entry.timeMicros() + " after " + lastTime);
        }
        lastTime = entry.timeMicros();
        if (!(entry instanceof Chunk c)) {
            return;
        }
        Instant t = start.plusNanos(c.timeMicros() * 1000);
        int side = c.direction() == Direction.HOST_TO_MODULE ? 0 : 1;
        long from = offsets[side];
        offsets[side] += c.data().length;
        StringBuilder sb = new StringBuilder(64 + c.data().length * 3);
        sb.append(side == 0 ? "> " : "< ").append(STAMP.format(t))
                .append(String.format(".%06d", t.getNano() / 1000))
                .append("  length=").append(c.data().length).append(" from=").append(from)
                .append(" to=").append(offsets[side] - 1).append('\n');
        for (byte b : c.data()) {
            sb.append(' ').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
