package dev.atscope.core.replay;

import java.util.List;

/**
 * Counts of a replay's verdicts.
 *
 * @param transactions recorded transactions compared
 * @param same answered the same, after masks
 * @param differs answered differently
 * @param missing not answered in the replay
 * @param urcsDiffer answered the same with other URCs around (the slot before the first command counts
 *     here too)
 * @param edited sent edited by a what-if replay, and answered the same but for the echo (an edited
 *     transaction whose answer changed counts as differing)
 */
public record ReplaySummary(int transactions, int same, int differs, int missing, int urcsDiffer, int edited) {

    /** Counts of a replay without edits. */
    public ReplaySummary(int transactions, int same, int differs, int missing, int urcsDiffer) {
        this(transactions, same, differs, missing, urcsDiffer, 0);
    }

    /** Counts the diffs. */
    public static ReplaySummary of(List<TransactionDiff> diffs) {
        int n = 0;
        int same = 0;
        int differs = 0;
        int missing = 0;
        int urcs = 0;
        int edited = 0;
        for (TransactionDiff d : diffs) {
            if (d.index() > 0) {
                n++;
            }
            switch (d.status()) {
                case SAME -> same += d.index() > 0 ? 1 : 0;
                case DIFFERS -> differs++;
                case MISSING -> missing++;
                case URCS_DIFFER -> urcs++;
                case EDITED -> edited++;
            }
        }
        return new ReplaySummary(n, same, differs, missing, urcs, edited);
    }

    /** True when nothing differs beyond the masks. */
    public boolean clean() {
        return differs == 0 && missing == 0 && urcsDiffer == 0;
    }

    @Override
    public String toString() {
        return transactions + " transactions: " + same + " same, " + (edited > 0 ? edited + " edited, " : "") + differs
                + " differ, " + missing + " missing, " + urcsDiffer + " with other URCs";
    }
}
