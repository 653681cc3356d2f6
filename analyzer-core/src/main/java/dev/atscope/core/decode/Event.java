package dev.atscope.core.decode;

import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded unit with its place in the trace.
 *
 * @param kind what it is
 * @param direction who sent it (null for a marker that concerns both lines)
 * @param startOffset offset of its first byte in its direction's byte stream, counted from the
 *     start of the trace; framing bytes (the CR LF before a response) belong to the unit after them
 * @param endOffset offset just past its last byte
 * @param startMicros time of the chunk that carried its first byte
 * @param endMicros time of the chunk that carried its last byte
 * @param line line in the source file where its first byte was read, or -1
 * @param bytes its content: a line without its terminators, or a payload's bytes
 * @param note why it is flagged (a half line at the end, an upload cut short), or null
 */
public record Event(
        EventKind kind,
        Direction direction,
        long startOffset,
        long endOffset,
        long startMicros,
        long endMicros,
        long line,
        byte[] bytes,
        String note)
        implements Decoded {

    public Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The content as text, one char per byte (ISO-8859-1), so nothing is lost. */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The number of bytes of the trace this unit spans, framing included. */
    public long span() {
        return endOffset - startOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e
                && e.kind == kind
                && e.direction == direction
                && e.startOffset == startOffset
                && e.endOffset == endOffset
                && e.startMicros == startMicros
                && e.endMicros == endMicros
                && e.line == line
                && Arrays.equals(e.bytes, bytes)
                && Objects.equals(e.note, note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, direction, startOffset, endOffset, startMicros, endMicros, line, note) * 31
                + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return kind.word() + "[" + (direction == null ? "--" : direction.code()) + " " + startOffset + ".." + endOffset
                + " @" + startMicros + "us " + dev.atscope.core.trace.ByteEscaper.escape(bytes)
                + (note == null ? "" : " (" + note + ")") + "]";
    }
}
