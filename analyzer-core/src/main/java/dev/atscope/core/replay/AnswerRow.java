package dev.atscope.core.replay;

/**
 * One row of a recorded answer and its replay side by side, with the masks applied.
 *
 * @param op how the two lines differ, or null when they are the same after masks ({@link LineDiff.Op#EDITED}:
 *     the echo of an edited command line beside the recorded one)
 * @param recorded the recorded line, or null when only the replay has one here
 * @param replayed the replayed line, or null when only the recording has one here
 */
public record AnswerRow(LineDiff.Op op, String recorded, String replayed) {

    /** True when both sides have this line, the same after masks. */
    public boolean same() {
        return op == null;
    }
}
