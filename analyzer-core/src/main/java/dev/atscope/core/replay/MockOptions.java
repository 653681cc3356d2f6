package dev.atscope.core.replay;

/**
 * How the module-side mock answers.
 *
 * @param strict on a command the recording does not have: stop (true) or answer with the fallback
 *     and go on (false)
 * @param latencyScale the recorded latencies are multiplied by it (0 answers at once)
 * @param lingerMillis once every recorded command has been answered, the mock ends after the host
 *     has been quiet this long
 */
public record MockOptions(boolean strict, double latencyScale, long lingerMillis) {

    /** Strict, recorded latencies, 2 s of linger. */
    public static final MockOptions DEFAULTS = new MockOptions(true, 1.0, 2_000);

    public MockOptions {
        if (!(latencyScale >= 0) || Double.isInfinite(latencyScale) || lingerMillis < 0) {
            throw new IllegalArgumentException("the latency scale and the linger time must not be negative");
        }
    }
}
