package dev.atscope.core.text;

import java.util.Locale;

/**
 * The one way atscope shows a duration to a person, on the command line and in the HTML report
 * alike (the report's script follows the same rule): microseconds under a millisecond,
 * milliseconds under 10 s, seconds with one decimal under 10 minutes, then minutes, then hours and
 * minutes; each rounded half up.
 */
public final class Durations {

    private Durations() {}

    /** {@code 850 us}, {@code 15 ms}, {@code 13.3 s}, {@code 42 min}, {@code 49 h 1 min}. */
    public static String format(long micros) {
        if (micros < 0) {
            return "-" + format(-micros);
        }
        if (micros < 1000) {
            return micros + " us";
        }
        if (micros < 10_000_000) {
            return Math.round(micros / 1000.0) + " ms";
        }
        if (micros < 600_000_000) {
            return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
        }
        long minutes = Math.round(micros / 60e6);
        return minutes < 120 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
