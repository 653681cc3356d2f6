package dev.atscope.capture;

import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceRecorder;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a capture records: how often the trace reaches the operating system and the disk, when it
 * continues in a new file, how often a vanished port is tried again, the tags written into the
 * trace, and who watches the entries as they are recorded.
 *
 * @param flushEvery the longest time a recorded chunk waits before it is handed to the operating
 *     system: what a crash or {@code kill -9} can lose at most
 * @param forceEvery the longest time before it is forced to the disk: what a power cut can lose
 * @param rotation when the trace continues in a new file
 * @param reopenEvery how often a vanished port is tried again
 * @param tags free-form name/value pairs for the trace (device, site, firmware)
 * @param listener sees each entry as it is recorded (a live decoder), or null; called while the
 *     recorder is locked, so it must be quick
 */
public record CaptureOptions(Duration flushEvery, Duration forceEvery, TraceRecorder.Rotation rotation,
        Duration reopenEvery, Map<String, String> tags, Consumer<TraceEntry> listener) {

    /** Flush every 100 ms, force every second, one file, retry a vanished port every 500 ms. */
    public static final CaptureOptions DEFAULTS = new CaptureOptions(Duration.ofMillis(100), Duration.ofSeconds(1),
            TraceRecorder.Rotation.NONE, Duration.ofMillis(500), Map.of(), null);

    public CaptureOptions {
        if (flushEvery.isNegative() || flushEvery.isZero() || forceEvery.isNegative() || forceEvery.isZero()
                || reopenEvery.isNegative() || reopenEvery.isZero()) {
            throw new IllegalArgumentException("flush, force and reopen intervals must be positive");
        }
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags)); // in the order given
    }

    /** The same options with other flush and force intervals. */
    public CaptureOptions withSync(Duration newFlushEvery, Duration newForceEvery) {
        return new CaptureOptions(newFlushEvery, newForceEvery, rotation, reopenEvery, tags, listener);
    }

    /** The same options with another rotation. */
    public CaptureOptions withRotation(TraceRecorder.Rotation newRotation) {
        return new CaptureOptions(flushEvery, forceEvery, newRotation, reopenEvery, tags, listener);
    }

    /** The same options with another reopen interval. */
    public CaptureOptions withReopenEvery(Duration newReopenEvery) {
        return new CaptureOptions(flushEvery, forceEvery, rotation, newReopenEvery, tags, listener);
    }

    /** The same options with these tags. */
    public CaptureOptions withTags(Map<String, String> newTags) {
        return new CaptureOptions(flushEvery, forceEvery, rotation, reopenEvery, newTags, listener);
    }

    /** The same options with a listener. */
    public CaptureOptions withListener(Consumer<TraceEntry> newListener) {
        return new CaptureOptions(flushEvery, forceEvery, rotation, reopenEvery, tags, newListener);
    }
}
