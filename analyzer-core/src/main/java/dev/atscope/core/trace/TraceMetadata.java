package dev.atscope.core.trace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about a trace besides its bytes.
 *
 * @param source where it came from (file path, capture command), or null
 * @param hostPort the host-side port or device name, or null
 * @param modulePort the module-side port or device name, or null
 * @param baudRate the line speed, or 0 when unknown
 * @param start the wall-clock instant that time 0 stands for, or null when unknown
 * @param synthetic true when the timestamps were made up to keep only the order (imported logs
 *     without times)
 * @param tags free-form name/value pairs (device id, site, firmware version)
 */
public record TraceMetadata(
        String source,
        String hostPort,
        String modulePort,
        int baudRate,
        Instant start,
        boolean synthetic,
        Map<String, String> tags) {

    /** Nothing known. */
    public static final TraceMetadata EMPTY = new TraceMetadata(null, null, null, 0, null, false, Map.of());

    public TraceMetadata {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags));
    }

    /** The same metadata with another source. */
    public TraceMetadata withSource(String newSource) {
        return new TraceMetadata(newSource, hostPort, modulePort, baudRate, start, synthetic, tags);
    }

    /** The same metadata with another start instant. */
    public TraceMetadata withStart(Instant newStart) {
        return new TraceMetadata(source, hostPort, modulePort, baudRate, newStart, synthetic, tags);
    }

    /** The same metadata with one more tag. */
    public TraceMetadata withTag(String name, String value) {
        Map<String, String> t = new LinkedHashMap<>(tags);
        t.put(name, value);
        return new TraceMetadata(source, hostPort, modulePort, baudRate, start, synthetic, t);
    }
}
