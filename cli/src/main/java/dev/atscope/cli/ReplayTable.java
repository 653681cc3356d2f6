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

    static void print(PrintWriter o, ReplayResult r, List<ReplayNote> notes, String title) {
        o.println(title);
        o.printf("%4s  %-12s %s%n", "#", "STATUS", "COMMAND");
        for (TransactionDiff d : r.diffs()) {
            o.printf("%4d  %-12s %s%n", d.index(), d.status().word(), d.index() == 0 ? "(before the first command)"
                    : d.command());
            if (d.edited()) {
                o.println(INDENT + "> sent " + d.sent());
            }
            for (LineDiff l : d.lines()) {
                if (l.recorded() != null) {
                    o.println(INDENT + "- " + l.recorded());
                }
                if (l.replayed() != null) {
                    o.println(INDENT + "+ " + l.replayed());
                }
            }
            d.missingUrcs().forEach(u -> o.println(INDENT + "- URC " + u));
            d.extraUrcs().forEach(u -> o.println(INDENT + "+ URC " + u));
            if (d.index() > 0) {
                notes.stream().filter(n -> n.index() == d.index() && n.kind() != ReplayNote.Kind.ASSUMED)
                        .forEach(n -> o.println(INDENT + "(" + n.kind().word() + ") " + n.text()));
            }
        }
        o.println(r.summary());
        notes.stream().filter(n -> n.index() == 0).forEach(n -> o.println("(" + n.kind().word() + ") " + n.text()));
    }
}
