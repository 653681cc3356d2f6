package dev.atscope.core.replay;

import java.util.List;
import java.util.Objects;

/**
 * How a recorded host is replayed.
 *
 * @param timing when each piece is sent
 * @param masks volatile values that do not count as differences
 * @param responseTimeoutMillis how long to wait for a final result or a {@code CONNECT} at least
 *     (twice the recorded time when that is longer)
 * @param urcTimeoutMillis how long to wait for the URCs that the recorded host waited for before
 *     one piece, all together
 * @param skipBoot neither wait for nor compare the URCs before the first command (the recording
 *     starts with a boot, the module is already up)
 * @param edits changes to the recorded command lines, made in order (a what-if replay); none for a replay
 */
public record ReplayOptions(SendTiming timing, Masks masks, long responseTimeoutMillis, long urcTimeoutMillis,
        boolean skipBoot, List<CommandEdit> edits) {

    /** Lockstep, the built-in masks, 10 s for answers, 5 s for URCs, the boot compared, no edits. */
    public static final ReplayOptions DEFAULTS =
            new ReplayOptions(SendTiming.LOCKSTEP, Masks.BUILT_IN, 10_000, 5_000, false);

    public ReplayOptions {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(masks, "masks");
        edits = List.copyOf(edits);
        if (responseTimeoutMillis <= 0 || urcTimeoutMillis < 0) {
            throw new IllegalArgumentException("time-outs must be positive");
        }
    }

    /** Options without edits. */
    public ReplayOptions(SendTiming timing, Masks masks, long responseTimeoutMillis, long urcTimeoutMillis,
            boolean skipBoot) {
        this(timing, masks, responseTimeoutMillis, urcTimeoutMillis, skipBoot, List.of());
    }

    /** The same options with another timing. */
    public ReplayOptions withTiming(SendTiming t) {
        return new ReplayOptions(t, masks, responseTimeoutMillis, urcTimeoutMillis, skipBoot, edits);
    }

    /** The same options with other time-outs. */
    public ReplayOptions withTimeouts(long responseMillis, long urcMillis) {
        return new ReplayOptions(timing, masks, responseMillis, urcMillis, skipBoot, edits);
    }

    /** The same options with other masks. */
    public ReplayOptions withMasks(Masks m) {
        return new ReplayOptions(timing, m, responseTimeoutMillis, urcTimeoutMillis, skipBoot, edits);
    }

    /** The same options, skipping the boot's URCs or not. */
    public ReplayOptions withSkipBoot(boolean skip) {
        return new ReplayOptions(timing, masks, responseTimeoutMillis, urcTimeoutMillis, skip, edits);
    }

    /** The same options with these edits to the recorded command lines. */
    public ReplayOptions withEdits(List<CommandEdit> e) {
        return new ReplayOptions(timing, masks, responseTimeoutMillis, urcTimeoutMillis, skipBoot, e);
    }
}
