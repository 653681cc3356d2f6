package dev.atscope.core.replay;

import dev.atscope.core.decode.Transaction;
import java.util.List;

/**
 * A recorded transaction and its replay, compared.
 *
 * @param index position in the recording, from 1; 0 for what came before the first command
 * @param recorded the recorded transaction, or null for the slot before the first command
 * @param replayed the replayed transaction, or null when the replay has none
 * @param status the verdict
 * @param lines the answer lines that differ, in order
 * @param missingUrcs URCs of the recording that did not come in the replay (after this command,
 *     before the next)
 * @param extraUrcs URCs that came in the replay and not in the recording
 * @param sent the command line a what-if replay sent in place of the recorded one, or null when it
 *     sent the recorded one
 */
public record TransactionDiff(
        int index,
        Transaction recorded,
        Transaction replayed,
        DiffStatus status,
        List<LineDiff> lines,
        List<String> missingUrcs,
        List<String> extraUrcs,
        String sent) {

    public TransactionDiff {
        lines = List.copyOf(lines);
        missingUrcs = List.copyOf(missingUrcs);
        extraUrcs = List.copyOf(extraUrcs);
    }

    /** Whether the replay sent this command line edited. */
    public boolean edited() {
        return sent != null;
    }

    /** The command line as recorded, or empty for the slot before the first command. */
    public String command() {
        return recorded == null ? "" : recorded.command().text();
    }
}
