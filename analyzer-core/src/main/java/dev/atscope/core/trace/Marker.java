package dev.atscope.core.trace;

import java.util.Objects;

/**
 * Something the recorder noticed that is not a byte on the wire: a gap (a port vanished), a line
 * error reported by the driver, or a free-form note.
 *
 * @param timeMicros microseconds since the trace's start time
 * @param direction the line it concerns, or null for both
 * @param kind what happened
 * @param text a message for a person
 * @param line line in the source file, or -1 when unknown
 */
public record Marker(long timeMicros, Direction direction, Kind kind, String text, long line)
        implements TraceEntry {

    /** What a marker records. */
    public enum Kind {
        /** Recording was interrupted; bytes may be missing from here on until data resumes. */
        GAP("gap"),
        /** The serial driver reported a framing, parity, overrun or break condition. */
        LINE_ERROR("line-error"),
        /** A remark for a person, changing nothing in the decoding. */
        NOTE("note");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The word used in trace files. */
        public String code() {
            return code;
        }

        /** Parses the word used in trace files; null for anything else. */
        public static Kind fromCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            return null;
        }
    }

    public Marker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (timeMicros < 0) {
            throw new IllegalArgumentException("negative time: " + timeMicros);
        }
    }

    /** A marker with no source line. */
    public Marker(long timeMicros, Direction direction, Kind kind, String text) {
        this(timeMicros, direction, kind, text, -1);
    }

    /** The same marker without its source line. */
    public Marker withoutLine() {
        return line == -1 ? this : new Marker(timeMicros, direction, kind, text, -1);
    }
}
