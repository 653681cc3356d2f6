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
    URCS_DIFFER;

    /** The lower-case word used in JSON and tables: {@code urcs-differ}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
