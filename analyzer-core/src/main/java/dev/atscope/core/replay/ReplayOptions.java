package dev.atscope.core.replay;

import java.util.Objects;

/**
 * How a recorded host is replayed.
 *
 * @param timing when each piece is sent
 * @param masks volatile values that do not count as differences
 * @param responseTimeoutMillis how long to wait for a final result or a {@code CONNECT} at least
 *     (twice the recorded time when that is longer)
 * @param urcTimeoutMillis how long to wait for a URC that the recorded host waited for, beyond its
 *     recorded think time
 */
public record ReplayOptions(Timing timing, Masks masks, long responseTimeoutMillis, long urcTimeoutMillis) {

    /** Lockstep, the built-in masks, 10 s for answers, 5 s for URCs. */
    public static final ReplayOptions DEFAULTS = new ReplayOptions(Timing.LOCKSTEP, Masks.BUILT_IN, 10_000, 5_000);

    public ReplayOptions {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(masks, "masks");
        if (responseTimeoutMillis <= 0 || urcTimeoutMillis < 0) {
            throw new IllegalArgumentException("time-outs must be positive");
        }
    }

    /** The same options with another timing. */
    public ReplayOptions withTiming(Timing t) {
        return new ReplayOptions(t, masks, responseTimeoutMillis, urcTimeoutMillis);
    }

    /** The same options with other time-outs. */
    public ReplayOptions withTimeouts(long responseMillis, long urcMillis) {
        return new ReplayOptions(timing, masks, responseMillis, urcMillis);
    }

    /** The same options with other masks. */
    public ReplayOptions withMasks(Masks m) {
        return new ReplayOptions(timing, m, responseTimeoutMillis, urcTimeoutMillis);
    }
}
