package dev.atscope.core.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds realistic traffic from a script of commands and answers: each side's bytes take their
 * time on the wire at the given baud rate (10 bits a byte) and arrive in chunks of at most {@code
 * chunkBytes}, as a USB-UART adapter delivers them. Used for samples, tests and the benchmark
 * generator.
 */
public final class ScriptedTraffic {

    private final List<TraceEntry> entries = new ArrayList<>();
    private final int baud;
    private final int chunkBytes;
    private boolean echo = true;
    private long now;

    /**
     * @param baud line speed, for the time each byte takes
     * @param chunkBytes the largest chunk an adapter delivers at once
     */
    public ScriptedTraffic(int baud, int chunkBytes) {
        if (baud <= 0 || chunkBytes <= 0) {
            throw new IllegalArgumentException("baud and chunk size must be positive");
        }
        this.baud = baud;
        this.chunkBytes = chunkBytes;
    }

    /** 115200 baud, 64-byte chunks. */
    public ScriptedTraffic() {
        this(115_200, 64);
    }

    /** Whether the module echoes command lines (ATE1); on by default, as after a restart. */
    public ScriptedTraffic echo(boolean on) {
        this.echo = on;
        return this;
    }

    /** The current time in microseconds. */
    public long now() {
        return now;
    }

    /** Lets time pass. */
    public ScriptedTraffic pause(long micros) {
        now += micros;
        return this;
    }

    /** The host sends a command line ({@code AT...}, CR added); the module echoes it when echo is on. */
    public ScriptedTraffic command(String line) {
        byte[] b = (line + "\r").getBytes(StandardCharsets.ISO_8859_1);
        send(Direction.HOST_TO_MODULE, b);
        if (echo) {
            now += 300;
            send(Direction.MODULE_TO_HOST, b);
        }
        return this;
    }

    /** The module answers lines, each framed as CR LF text CR LF, after {@code latencyMicros}. */
    public ScriptedTraffic answer(long latencyMicros, String... lines) {
        now += latencyMicros;
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append("\r\n").append(l).append("\r\n");
        }
        send(Direction.MODULE_TO_HOST, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The module sends an unsolicited result code. */
    public ScriptedTraffic urc(String line) {
        return answer(0, line);
    }

    /** Raw bytes from the host (an upload in data mode), after {@code thinkMicros}. */
    public ScriptedTraffic hostBytes(long thinkMicros, byte[] data) {
        now += thinkMicros;
        send(Direction.HOST_TO_MODULE, data);
        return this;
    }

    /** Raw bytes from the module (a body in data mode), after {@code latencyMicros}. */
    public ScriptedTraffic moduleBytes(long latencyMicros, byte[] data) {
        now += latencyMicros;
        send(Direction.MODULE_TO_HOST, data);
        return this;
    }

    /** A recorder's marker at the current time. */
    public ScriptedTraffic marker(Marker.Kind kind, Direction direction, String text) {
        entries.add(new Marker(now, direction, kind, text));
        return this;
    }

    private void send(Direction dir, byte[] data) {
        long perByte = 10_000_000L / baud;
        for (int off = 0; off < data.length; off += chunkBytes) {
            int n = Math.min(chunkBytes, data.length - off);
            byte[] piece = new byte[n];
            System.arraycopy(data, off, piece, 0, n);
            entries.add(new Chunk(now, dir, piece));
            now += Math.max(1, n * perByte);
        }
    }

    /** The entries so far, in time order. */
    public List<TraceEntry> entries() {
        return List.copyOf(entries);
    }
}
