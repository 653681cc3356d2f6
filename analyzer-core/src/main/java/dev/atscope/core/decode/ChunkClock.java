package dev.atscope.core.decode;

/**
 * The clock of one direction's chunks: for each chunk whose bytes are still held, the stream offset
 * of its first byte, its time and its source line, so that an event gets the time and line of the
 * bytes it is made of. A ring of parallel arrays rather than an object per chunk, as every chunk of
 * a trace passes through here; chunks are dropped once every byte they brought is decoded.
 */
final class ChunkClock {

    /** Stream offset of each chunk's first byte, in ring order. */
    private long[] starts = new long[64];
    /** Each chunk's time, microseconds since the trace's start. */
    private long[] times = new long[64];
    /** Each chunk's line in its source file, or -1. */
    private long[] lines = new long[64];
    /** Ring index of the oldest chunk. */
    private int head;
    /** Chunks held. */
    private int count;

    /** Records a chunk whose first byte is at stream offset {@code start}. */
    void add(long start, long timeMicros, long line) {
        if (count == starts.length) {
            grow();
        }
        int slot = slot(count);
        starts[slot] = start;
        times[slot] = timeMicros;
        lines[slot] = line;
        count++;
    }

    /** Drops the chunks whose bytes all lie before stream offset {@code offset}; the newest is always kept. */
    void dropBefore(long offset) {
        while (count > 1) {
            long first = starts[head];
            long second = starts[slot(1)];
            if (second <= offset && first < second) {
                head = slot(1);
                count--;
            } else {
                break;
            }
        }
    }

    /** The time of the chunk that brought the byte at {@code offset}, or {@code fallback} when none is held. */
    long timeAt(long offset, long fallback) {
        int c = chunkAt(offset);
        return c < 0 ? fallback : times[c];
    }

    /**
     * The time and the source line of the chunk that brought the byte at {@code offset}, found
     * once: {@code out[0]} the time ({@code fallback} when no chunk is held), {@code out[1]} the line
     * (-1 when none).
     */
    void timeAndLineAt(long offset, long fallback, long[] out) {
        int c = chunkAt(offset);
        out[0] = c < 0 ? fallback : times[c];
        out[1] = c < 0 ? -1 : lines[c];
    }

    /** The source line of the chunk that brought the byte at {@code offset}, or -1. */
    long lineAt(long offset) {
        int c = chunkAt(offset);
        return c < 0 ? -1 : lines[c];
    }

    /** The ring index of the chunk that brought the byte at {@code offset}, or -1 when none is held. */
    private int chunkAt(long offset) {
        if (count == 0) {
            return -1;
        }
        int found = head;
        for (int k = 1; k < count; k++) {
            int slot = slot(k);
            if (starts[slot] <= offset) {
                found = slot;
            } else {
                break;
            }
        }
        return found;
    }

    /** The ring index of the k-th oldest chunk; the capacity is a power of two. */
    private int slot(int k) {
        return (head + k) & (starts.length - 1);
    }

    private void grow() {
        int n = starts.length;
        long[] s = new long[n * 2];
        long[] t = new long[n * 2];
        long[] l = new long[n * 2];
        for (int k = 0; k < count; k++) {
            int slot = slot(k);
            s[k] = starts[slot];
            t[k] = times[slot];
            l[k] = lines[slot];
        }
        starts = s;
        times = t;
        lines = l;
        head = 0;
    }
}
