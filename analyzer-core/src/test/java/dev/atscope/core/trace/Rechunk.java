package dev.atscope.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Splits the chunks of a trace differently, keeping each byte's time: what a serial port does. */
public final class Rechunk {

    private Rechunk() {}

    /** Every byte its own chunk. */
    public static List<TraceEntry> everyByte(List<TraceEntry> entries) {
        List<TraceEntry> out = new ArrayList<>();
        for (TraceEntry e : entries) {
            if (e instanceof Chunk c) {
                for (byte b : c.data()) {
                    out.add(new Chunk(c.timeMicros(), c.direction(), new byte[] {b}, c.line()));
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** Chunks split at random places, and neighbours of one direction and one time joined. */
    public static List<TraceEntry> random(List<TraceEntry> entries, long seed) {
        Random r = new Random(seed);
        List<TraceEntry> split = new ArrayList<>();
        for (TraceEntry e : entries) {
            if (e instanceof Chunk c) {
                int off = 0;
                byte[] d = c.data();
                while (off < d.length) {
                    int n = 1 + r.nextInt(Math.min(d.length - off, 1 + r.nextInt(40)));
                    byte[] piece = new byte[n];
                    System.arraycopy(d, off, piece, 0, n);
                    split.add(new Chunk(c.timeMicros(), c.direction(), piece, c.line()));
                    off += n;
                }
            } else {
                split.add(e);
            }
        }
        List<TraceEntry> out = new ArrayList<>();
        for (TraceEntry e : split) {
            TraceEntry prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (e instanceof Chunk c && prev instanceof Chunk p && p.direction() == c.direction()
                    && p.timeMicros() == c.timeMicros() && p.line() == c.line() && r.nextBoolean()) {
                byte[] joined = new byte[p.data().length + c.data().length];
                System.arraycopy(p.data(), 0, joined, 0, p.data().length);
                System.arraycopy(c.data(), 0, joined, p.data().length, c.data().length);
                out.set(out.size() - 1, new Chunk(p.timeMicros(), p.direction(), joined, p.line()));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
