package dev.atscope.core.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way a test waits for what another thread or process does (a port announced, a file
 * written, bytes arrived): poll a condition until it holds or a deadline passes, then fail with
 * what was awaited. Every wait has a deadline; none sleeps a fixed time in the hope that it was
 * long enough.
 */
public final class Await {

    /** How long a wait lasts unless the caller says otherwise: ample on a loaded machine, and finite. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    /** Time between two looks at the condition. */
    private static final long POLL_MILLIS = 5;

    /** A condition that may throw: an exception ends the wait as a failure that says what was awaited. */
    @FunctionalInterface
    public interface Condition {
        boolean met() throws Exception;
    }

    /** A probe that gives a value once there is one. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private Await() {}

    /** Waits up to {@link #DEFAULT} until the condition holds. */
    public static void until(String what, Condition condition) {
        until(what, DEFAULT, condition);
    }

    /**
     * Waits until the condition holds.
     *
     * @param what what is awaited, for the failure message ("the emulator's port")
     * @throws AssertionError when the deadline passes, the condition throws, or the thread is interrupted
     */
    public static void until(String what, Duration timeout, Condition condition) {
        value(what, timeout, () -> condition.met() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Waits up to {@link #DEFAULT} until the probe gives a value, and returns it. */
    public static <T> T value(String what, Probe<T> probe) {
        return value(what, DEFAULT, probe);
    }

    /**
     * Waits until the probe gives a value, and returns it.
     *
     * @throws AssertionError when the deadline passes, the probe throws, or the thread is interrupted
     */
    public static <T> T value(String what, Duration timeout, Probe<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> v;
            try {
                v = probe.get();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("while waiting for " + what + ": " + e, e);
            }
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + ", in vain");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
