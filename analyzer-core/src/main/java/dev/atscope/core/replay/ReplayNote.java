package dev.atscope.core.replay;

import java.util.Objects;

/**
 * A remark on a replay that its comparison alone does not show: an assumption it had to make where
 * the recording cannot tell, or a recorded outcome it reproduced rather than made.
 *
 * @param index the recorded transaction it is about (from 1, as in {@link TransactionDiff#index()}),
 *     or 0 for the replay as a whole
 * @param kind what sort of remark it is
 * @param text the remark, for a person
 */
public record ReplayNote(int index, Kind kind, String text) {

    /** What sort of remark a note is. */
    public enum Kind {
        /** The recording cannot tell; the replay assumed what the text says. */
        ASSUMED,
        /** A recorded failure that the recorded settings explain: the replay makes it happen for real. */
        EXPLAINED,
        /** A recorded outcome that nothing the host sent explains (the network's, the server's): reproduced as recorded. */
        REPRODUCED;

        /** The lower-case word used in JSON and tables. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ReplayNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
    }
}
