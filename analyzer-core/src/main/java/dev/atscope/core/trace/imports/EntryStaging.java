package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The entries a {@link LogTraceReader} has read and not handed out yet, in file order: those of a
 * channel whose side is not known wait until the evidence ({@link ChannelSides}) decides it, and
 * everything after them waits too, so that the order stays the file's.
 */
final class EntryStaging {

    private record Staged(TraceEntry entry, String channel, long time, byte[] data, long line) {}

    private final ChannelSides sides;
    private final ArrayDeque<Staged> staged = new ArrayDeque<>();
    private boolean sidesKnown;
    private long chunks;
    /** The latest time of anything staged: a gap marker is never dated before what came ahead of it. */
    private long latest;

    EntryStaging(ChannelSides sides) {
        this.sides = sides;
    }

    private void stage(Staged s) {
        latest = Math.max(latest, s.time());
        staged.add(s);
    }

    /** Bytes of a known direction, counted under {@code name}, which gets that side with {@code why}. */
    void bytes(long t, Direction dir, byte[] data, long line, String name, Supplier<String> why) {
        if (data.length == 0) {
            return;
        }
        if (sides.side(name) == null) {
            sides.assign(name, dir, why.get());
        }
        sides.tally(name, data);
        stage(new Staged(new Chunk(t, dir, data, line), null, t, data, line));
    }

    /** A marker whose direction it says itself. */
    void marker(Marker m) {
        stage(new Staged(m, null, m.timeMicros(), null, m.line()));
    }

    /** A marker about a channel whose side may not be known yet (it gets that side). */
    void marker(String channel, Marker m) {
        if (sides.side(channel) == null) {
            sidesKnown = false;
        }
        stage(new Staged(m, channel, m.timeMicros(), null, m.line()));
    }

    /** Bytes of a channel whose side may not be known yet. */
    void bytes(long t, String channel, byte[] data, long line) {
        if (data.length == 0) {
            return;
        }
        sides.tally(channel, data);
        Direction d = sides.side(channel);
        if (d != null) {
            stage(new Staged(new Chunk(t, d, data, line), null, t, data, line));
            return;
        }
        sidesKnown = false;
        stage(new Staged(null, channel, t, data, line));
    }

    /**
     * The next entry whose side is known, or null; with {@code force} (the end, or too many
     * waiting) the sides are decided on the evidence so far, else by the format's default host.
     */
    TraceEntry take(boolean force, String defaultHostChannel) {
        if (staged.isEmpty()) {
            return null;
        }
        Staged s = staged.peekFirst();
        if (s.channel != null) {
            Direction d = sides.side(s.channel);
            if (d == null) {
                if (!sidesKnown) {
                    sidesKnown = sides.decide(force || staged.size() >= LogTraceReader.MAX_WAITING, defaultHostChannel);
                }
                d = sides.side(s.channel);
                if (d == null) {
                    return null;
                }
            }
            staged.pollFirst();
            if (s.entry instanceof Marker m) {
                return new Marker(m.timeMicros(), d, m.kind(), m.text(), m.line());
            }
            return count(new Chunk(s.time, d, s.data, s.line));
        }
        if (!force && staged.size() == 1 && s.entry instanceof Marker m && m.text().startsWith(LogTraceReader.NOT_IMPORTED)) {
            return null; // the next lines may be broken too and belong to the same gap
        }
        staged.pollFirst();
        return count(s.entry);
    }

    private TraceEntry count(TraceEntry e) {
        if (e instanceof Chunk) {
            chunks++;
        }
        return e;
    }

    boolean isEmpty() {
        return staged.isEmpty();
    }

    /** Whether any traffic was read: handed out, or still waiting. */
    boolean anyData() {
        return chunks > 0 || staged.stream().anyMatch(s -> s.data != null);
    }

    /** The last entry staged when it is a gap marker, else null. */
    Marker lastGap() {
        return staged.peekLast() != null && staged.peekLast().entry() instanceof Marker m
                && m.kind() == Marker.Kind.GAP ? m : null;
    }

    /** Drops the last entry staged (a gap marker about to be widened). */
    void dropLast() {
        staged.pollLast();
    }

    /** The latest time of anything staged. */
    long latest() {
        return latest;
    }
}
