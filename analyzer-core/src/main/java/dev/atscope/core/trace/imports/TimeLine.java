package dev.atscope.core.trace.imports;

import java.time.Instant;

/**
 * Turns a log's time stamps into a trace's microseconds since its start: the first stamp is time
 * 0 (and its date, when it has one, the trace's start); a time of day that jumps back by more
 * than twelve hours has crossed midnight; a stamp earlier than the one before is held at the
 * earlier time (traces never go back) and counted. Logs without stamps get made-up times 1 ms
 * apart that keep only the order, and the trace is marked synthetic.
 */
final class TimeLine {

    /** The step between made-up times. */
    static final long SYNTHETIC_STEP = 1000;
    private static final long DAY = 86_400_000_000L;

    /** Stamps are ignored ({@code --time none}): every entry gets made-up time. */
    private final boolean ignoreStamps;
    private LogTime.Stamp first;
    private long dayOffset;
    private long last = -1;
    private long backwards;
    private boolean synthetic;
    private boolean stamped;
    private boolean expected;

    /** A time line that reads stamps. */
    TimeLine() {
        this(false);
    }

    /** A time line that reads stamps, or ignores them all when told to. */
    TimeLine(boolean ignoreStamps) {
        this.ignoreStamps = ignoreStamps;
    }

    /** The trace time of a stamp. */
    long at(LogTime.Stamp s) {
        if (ignoreStamps) {
            return next();
        }
        stamped = true;
        if (first == null) {
            first = s;
        }
        long t = s.micros() - first.micros() + dayOffset;
        if (s.kind() == LogTime.Kind.TIME_OF_DAY && t < last - DAY / 2) {
            dayOffset += DAY;
            t += DAY;
        }
        if (t < last) {
            backwards++;
            t = last;
        }
        if (t < 0) {
            t = 0;
        }
        last = t;
        return t;
    }

    /** A made-up time just after the previous one, for a line without a stamp. */
    long next() {
        synthetic = true;
        last = last < 0 ? 0 : last + SYNTHETIC_STEP;
        return last;
    }

    /** The time of the previous entry (0 before any), for a line that continues it. */
    long current() {
        return Math.max(0, last);
    }

    /** The wall-clock instant of time 0, when the first stamp had a date; else null. */
    Instant start() {
        return first == null ? null : first.instant();
    }

    /** Whether made-up times were used and no real stamp was seen. */
    boolean synthetic() {
        return synthetic && !stamped && !expected;
    }

    /**
     * Says that the log has stamps, though not on its first lines: the trace is not marked
     * synthetic for the made-up times of those lines (which keep the order between real stamps).
     */
    void expectStamps() {
        expected = !ignoreStamps;
    }

    /** How many stamps went back in time and were held. */
    long backwards() {
        return backwards;
    }
}
