package dev.atscope.core.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes seen on one direction of the wire at one instant. Chunk boundaries carry no meaning: the
 * decoder gives the same result however the bytes are split.
 *
 * @param timeMicros microseconds since the trace's start time
 * @param direction who sent the bytes
 * @param data the bytes, never empty; not copied, so do not change them after construction
 * @param line line in the source file, or -1 when unknown
 */
public record Chunk(long timeMicros, Direction direction, byte[] data, long line) implements TraceEntry {

    public Chunk {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(data, "data");
        if (timeMicros < 0) {
            throw new IllegalArgumentException("negative time: " + timeMicros);
        }
    }

    /** A chunk with no source line. */
    public Chunk(long timeMicros, Direction direction, byte[] data) {
        this(timeMicros, direction, data, -1);
    }

    /** A chunk of ASCII text, for tests and scripted traffic. */
    public static Chunk ofText(long timeMicros, Direction direction, String text) {
        return new Chunk(timeMicros, direction, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The same chunk without its source line, to compare content only. */
    public Chunk withoutLine() {
        return line == -1 ? this : new Chunk(timeMicros, direction, data, -1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk c
                && c.timeMicros == timeMicros
                && c.direction == direction
                && c.line == line
                && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeMicros, direction, line) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Chunk[" + timeMicros + "us " + direction.code() + " " + ByteEscaper.escape(data) + "]";
    }
}
