package dev.atscope.core.replay;

import java.util.Locale;

/** How a replayed transaction compares with the recorded one. */
public enum DiffStatus {
    /** The same answer, after masks, and the same URCs. */
    SAME,
    /** The answer differs in at least one line after masks. */
    DIFFERS,
    /** The recording had an answer and the replay got none (or never sent the command). */
    MISSING,
    /** The answer is the same but URCs came that the recording does not have, or did not come. */
    URCS_DIFFER,
    /** A what-if replay sent the command line edited, and the answer is the same but for the echo. */
    EDITED;

    /** Whether it counts as a difference: anything but the same answer (an edit alone is none). */
    public boolean differs() {
        return this != SAME && this != EDITED;
    }

    /** The lower-case word used in JSON and tables: {@code urcs-differ}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
