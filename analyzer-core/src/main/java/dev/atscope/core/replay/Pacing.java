package dev.atscope.core.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting for the moment a recorded byte is due, for the replay's sender and the mock's.
 *
 * <p>A park on Linux wakes about 0.1 ms late (0.2 ms at the 99th percentile, measured on the
 * 2-core test machine), so the wait parks until {@link #YIELD_NANOS} before the deadline and
 * yields the processor for the rest. Yielding rather than spinning matters on a small machine: the
 * bytes still have to pass the relay (socat, the pty driver, the other end's reader), and a thread
 * that held a core for the last milliseconds of every gap kept them waiting for theirs.
 */
public final class Pacing {

    /** How long before the deadline the wait stops parking. */
    static final long YIELD_NANOS = 300_000;

    private Pacing() {}

    /** Returns at {@code deadlineNanos} of {@link System#nanoTime()}, or at once if that has passed. */
    public static void sleepUntilNanos(long deadlineNanos) throws InterruptedException {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (left > YIELD_NANOS) {
                LockSupport.parkNanos(left - YIELD_NANOS);
            } else {
                Thread.yield();
            }
        }
    }
}
