package dev.atscope.core.replay;

import java.util.Locale;

/**
 * Where the host did something else than the recorded host.
 *
 * @param kind what it did
 * @param hostCommand the number of the host's command line, from 1 (0 for the end of the session)
 * @param received the host's command line, or empty
 * @param expectedId the id of the recorded transaction the mock expected next, or -1 when the
 *     recording was exhausted
 * @param expected that transaction's command line, or empty
 * @param expectedLine its line in the trace file, or -1
 */
public record Divergence(Kind kind, int hostCommand, String received, long expectedId, String expected,
        long expectedLine) {

    /** The kinds of divergence. */
    public enum Kind {
        /** The host sent the previous command again (a retry); the mock answered it as recorded again. */
        RETRY,
        /** The recording retried a command the host sent once; the mock skipped the recorded retries. */
        SKIPPED_RETRY,
        /** The host sent a command the recording does not have at this point. */
        UNEXPECTED,
        /** The host stopped before the recording ended. */
        NOT_REACHED;

        /** The lower-case word used in JSON and messages. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A sentence for a person. */
    public String describe() {
        String where = expectedId < 0 ? "after the end of the recording"
                : "where the recording has " + expected + " (transaction " + expectedId
                        + (expectedLine > 0 ? ", trace line " + expectedLine : "") + ")";
        return switch (kind) {
            case RETRY -> "host command " + hostCommand + " " + received + " repeats the previous command; answered as"
                    + " recorded again";
            case SKIPPED_RETRY -> "host command " + hostCommand + " " + received + " skips the recorded retry " + expected
                    + " (transaction " + expectedId + ")";
            case UNEXPECTED -> "host command " + hostCommand + " " + received + " diverges " + where;
            case NOT_REACHED -> "the host stopped after " + (hostCommand - 1) + " commands " + where;
        };
    }
}
