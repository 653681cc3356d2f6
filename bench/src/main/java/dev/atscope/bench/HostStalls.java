package dev.atscope.bench;

/**
 * How often the host takes the processor away from a thread that never sleeps: what no pacing
 * can undo (a virtual machine's processors preempted by its host). Sampled between passes, not
 * during them, since a spinning thread would take one of the processors the replay needs.
 *
 * @param spunNanos how long the probe spun
 * @param over1ms stalls longer than 1 ms
 * @param over2ms stalls longer than 2 ms
 * @param longestNanos the longest stall
 * @param lostNanos the time lost in stalls longer than 0.5 ms
 */
record HostStalls(long spunNanos, int over1ms, int over2ms, long longestNanos, long lostNanos) {
    static final HostStalls NONE = new HostStalls(0, 0, 0, 0, 0);

    /** Spins for {@code nanos}, noting every gap between two readings of the clock longer than 0.5 ms. */
    static HostStalls measure(long nanos) {
        long start = System.nanoTime();
        long prev = start;
        int over1 = 0;
        int over2 = 0;
        long longest = 0;
        long lost = 0;
        while (prev - start < nanos) {
            long now = System.nanoTime();
            long gap = now - prev;
            if (gap > 500_000) {
                lost += gap;
                over1 += gap > 1_000_000 ? 1 : 0;
                over2 += gap > ReplayTiming.LATE_MICROS * 1000 ? 1 : 0;
                longest = Math.max(longest, gap);
            }
            prev = now;
        }
        return new HostStalls(prev - start, over1, over2, longest, lost);
    }

    HostStalls plus(HostStalls o) {
        return new HostStalls(spunNanos + o.spunNanos, over1ms + o.over1ms, over2ms + o.over2ms,
                Math.max(longestNanos, o.longestNanos), lostNanos + o.lostNanos);
    }

    double perSecond(int count) {
        return spunNanos == 0 ? 0 : count / (spunNanos / 1e9);
    }
}
