package dev.atscope.core.trace.imports;

import java.util.Locale;

/**
 * What the user says about a text log's layout, for the cases learning cannot settle: which marker
 * is the host's ({@code --host-marker}) and how to read the log's time ({@code --time}).
 *
 * @param hostMarker the marker whose lines the host sent, as printed in the log, or null to learn it
 * @param time how to read time stamps
 */
public record LayoutHints(String hostMarker, TimeHint time) {

    /** Nothing said: everything is learned. */
    public static final LayoutHints NONE = new LayoutHints(null, TimeHint.AUTO);

    public LayoutHints {
        if (time == null) {
            time = TimeHint.AUTO;
        }
        if (hostMarker != null && hostMarker.isBlank()) {
            hostMarker = null;
        }
    }

    /** How to read the time of a log's lines. */
    public enum TimeHint {
        /** Learned from the lines: stamps with a unit are read as they say, a bare count as learned. */
        AUTO,
        /** Ignore the stamps: made-up times that keep the order. */
        NONE,
        /** A bare count ({@code (15318)}, {@code [8972]}) is seconds. */
        S,
        /** A bare count is milliseconds. */
        MS,
        /** A bare count is microseconds. */
        US;

        /**
         * The hint of that name, in any case ({@code auto}, {@code none}, {@code s}, {@code ms}, {@code us}).
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static TimeHint byName(String name) {
            for (TimeHint t : values()) {
                if (t.name().equalsIgnoreCase(name.strip())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown time hint '" + name + "'; expected auto, none, s, ms or us");
        }

        /** The name used on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
