package dev.atscope.core.decode;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One direction's bytes not framed yet, as Netty's cumulation buffer holds them: the bytes, the
 * index of the first one not framed ({@link #start}) and past the last received ({@link #end}),
 * their stream offsets, and the {@link ChunkClock} that gives each byte its chunk's time and line.
 * Framed bytes are consumed; the buffer is compacted or grown when a chunk does not fit.
 */
final class FrameBuffer {

    private final Direction direction;
    /** The time of the latest entry fed, for a byte whose chunk is no longer held. */
    private final LongSupplier lastTime;
    private final ChunkClock clock = new ChunkClock();
    /** The time and line of an event's first byte, as {@link ChunkClock#timeAndLineAt} gives them. */
    private final long[] firstAt = new long[2];

    byte[] buf = new byte[8192];
    /** Index in {@code buf} of the first byte not yet decoded. */
    int start;
    /** Index in {@code buf} just past the last byte received. */
    int end;
    /** Stream offset of {@code buf[start]}. */
    long offset;
    /** Stream offset where the next unit's span begins (framing before it included). */
    long spanStart;
    /** Last scan position: bytes in [start, scan) hold no line end. */
    int scan;

    FrameBuffer(Direction direction, LongSupplier lastTime) {
        this.direction = direction;
        this.lastTime = lastTime;
    }

    /**
     * Adds a chunk's bytes, keeping the bytes from {@code keepFrom} (at most {@link #start}) when the
     * buffer must be compacted.
     *
     * @return how far the kept bytes moved to the left (0 when nothing moved): indexes into {@code buf}
     *     held elsewhere must move by as much
     */
    int append(Chunk c, int keepFrom) {
        byte[] d = c.data();
        int shift = 0;
        if (end + d.length > buf.length) {
            shift = compact(d.length, keepFrom);
        }
        System.arraycopy(d, 0, buf, end, d.length);
        clock.add(offset + (end - start), c.timeMicros(), c.line());
        end += d.length;
        return shift;
    }

    private int compact(int extra, int keepFrom) {
        int live = end - start;
        int keep = end - keepFrom;
        byte[] target = buf;
        if (keep + extra > buf.length) {
            target = new byte[Math.max(buf.length * 2, keep + extra)];
        }
        System.arraycopy(buf, keepFrom, target, 0, keep);
        int shift = keepFrom;
        buf = target;
        start -= shift;
        end = start + live;
        scan -= shift;
        return shift;
    }

    /** The stream offset of {@code buf[index]}. */
    long offsetOf(int index) {
        return offset + (index - start);
    }

    /** Moves the decoded boundary to {@code index}, dropping chunk records behind it. */
    void consume(int index) {
        offset += index - start;
        start = index;
        if (scan < start) {
            scan = start;
        }
        clock.dropBefore(offset);
    }

    /** The time of the byte at stream offset {@code off}. */
    long timeAt(long off) {
        return clock.timeAt(off, lastTime.getAsLong());
    }

    /** The source line of the byte at stream offset {@code off}, or -1. */
    long lineAt(long off) {
        return clock.lineAt(off);
    }

    /** An event for buf[from, to) whose span runs from {@code spanFrom} to {@code spanTo}. */
    Event event(EventKind kind, long spanFrom, int from, int to, long spanTo, String note) {
        return event(kind, spanFrom, from, to, spanTo, note, null);
    }

    /** The same, for a line whose text is read already ({@code text}: buf[from, to) one char per byte, or null). */
    Event event(EventKind kind, long spanFrom, int from, int to, long spanTo, String note, String text) {
        long first = offsetOf(from);
        long last = Math.max(first, offsetOf(to) - 1);
        clock.timeAndLineAt(first, lastTime.getAsLong(), firstAt);
        return new Event(kind, direction, spanFrom, spanTo, firstAt[0], timeAt(Math.max(last, spanTo - 1)),
                firstAt[1], Arrays.copyOfRange(buf, from, to), note, text);
    }
}
