package dev.atscope.core.decode;

import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded unit with its place in the trace. A value: two events with the same parts are
 * equal. Its text is made once, when first asked for (or handed in by the decoder, which has read
 * the line already): the checker, the states and the rules each read the text of every answer line.
 */
public final class Event implements Decoded {

    private final EventKind kind;
    private final Direction direction;
    private final long startOffset;
    private final long endOffset;
    private final long startMicros;
    private final long endMicros;
    private final long line;
    private final byte[] bytes;
    private final String note;
    /** {@link #text()}, made on first use. */
    private String text;

    /**
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
    public Event(EventKind kind, Direction direction, long startOffset, long endOffset, long startMicros,
            long endMicros, long line, byte[] bytes, String note) {
        this(kind, direction, startOffset, endOffset, startMicros, endMicros, line, bytes, note, null);
    }

    /** An event whose text is known already: {@code text} is its bytes read one char per byte, or null. */
    Event(EventKind kind, Direction direction, long startOffset, long endOffset, long startMicros,
            long endMicros, long line, byte[] bytes, String note, String text) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.direction = direction;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.startMicros = startMicros;
        this.endMicros = endMicros;
        this.line = line;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.note = note;
        this.text = text;
    }

    /** What it is. */
    public EventKind kind() {
        return kind;
    }

    /** Who sent it (null for a marker that concerns both lines). */
    public Direction direction() {
        return direction;
    }

    /** Offset of its first byte in its direction's byte stream, framing before it included. */
    public long startOffset() {
        return startOffset;
    }

    /** Offset just past its last byte. */
    public long endOffset() {
        return endOffset;
    }

    /** Time of the chunk that carried its first byte. */
    public long startMicros() {
        return startMicros;
    }

    /** Time of the chunk that carried its last byte. */
    public long endMicros() {
        return endMicros;
    }

    /** Line in the source file where its first byte was read, or -1. */
    public long line() {
        return line;
    }

    /** Its content: a line without its terminators, or a payload's bytes. */
    public byte[] bytes() {
        return bytes;
    }

    /** Why it is flagged (a half line at the end, an upload cut short), or null. */
    public String note() {
        return note;
    }

    /** The content as text, one char per byte (ISO-8859-1), so nothing is lost. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(bytes, StandardCharsets.ISO_8859_1);
            text = t;
        }
        return t;
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
