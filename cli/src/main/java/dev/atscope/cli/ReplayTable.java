package dev.atscope.cli;

import dev.atscope.core.replay.LineDiff;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.TransactionDiff;
import java.io.PrintWriter;
import java.util.List;

/**
 * The readable table of {@code atscope replay}: one compared transaction a line, the line a what-if
 * replay sent in its place, differing lines and notes under it; the notes on the whole replay last.
 */
final class ReplayTable {

    private static final String INDENT = "                  ";

    private ReplayTable() {}

    /**
     * Prints the comparison, each line cut to {@code width} columns (the JSON has every byte); notes
     * are wrapped, not cut.
     */
    static void print(PrintWriter o, ReplayResult r, List<ReplayNote> notes, String title, int width) {
        o.println(title);
        o.printf("%4s  %-12s %s%n", "#", "STATUS", "COMMAND");
        for (TransactionDiff d : r.diffs()) {
            o.println(fit(String.format("%4d  %-12s %s", d.index(), d.status().word(), d.index() == 0
                    ? "(before the first command)" : d.command()), width));
            if (d.edited()) {
                o.println(fit(INDENT + "> sent " + d.sent(), width));
            }
            for (LineDiff l : d.lines()) {
                if (l.recorded() != null) {
                    o.println(fit(INDENT + "- " + l.recorded(), width));
                }
                if (l.replayed() != null) {
                    o.println(fit(INDENT + "+ " + l.replayed(), width));
                }
            }
            d.missingUrcs().forEach(u -> o.println(fit(INDENT + "- URC " + u, width)));
            d.extraUrcs().forEach(u -> o.println(fit(INDENT + "+ URC " + u, width)));
            if (d.index() > 0) {
                notes.stream().filter(n -> n.index() == d.index() && n.kind() != ReplayNote.Kind.ASSUMED)
                        .forEach(n -> FindingPrinter.wrap(o, INDENT, "(" + n.kind().word() + ") " + n.text(), width));
            }
        }
        o.println(r.summary());
        notes.stream().filter(n -> n.index() == 0)
                .forEach(n -> FindingPrinter.wrap(o, "", "(" + n.kind().word() + ") " + n.text(), width));
    }

    private static String fit(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(1, width - 1)) + "~";
    }
}
