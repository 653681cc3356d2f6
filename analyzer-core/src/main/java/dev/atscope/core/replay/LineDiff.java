package dev.atscope.core.replay;

import java.util.Locale;

/**
 * One line of an answer that differs between the recording and the replay.
 *
 * @param op what happened to it
 * @param recorded the recorded line, or null for an extra line
 * @param replayed the replayed line, or null for a missing line
 */
public record LineDiff(Op op, String recorded, String replayed) {

    /** What differs about a line. */
    public enum Op {
        /** The line is there on both sides with different text. */
        CHANGED,
        /** The recording has the line; the replay does not. */
        MISSING,
        /** The replay has the line; the recording does not. */
        EXTRA,
        /**
         * The echo of a command line that a what-if replay sent edited, beside the recorded echo: not
         * a difference (only side-by-side views show it).
         */
        EDITED;

        /** The lower-case word used in JSON. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
