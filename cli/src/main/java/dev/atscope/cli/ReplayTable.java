package dev.atscope.cli;

import dev.atscope.core.replay.LineDiff;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.TransactionDiff;
import java.io.PrintWriter;

/** The readable table of {@code atscope replay}: one compared transaction a line, differing lines under it. */
final class ReplayTable {

    private static final String INDENT = "                  ";

    private ReplayTable() {}

    static void print(PrintWriter o, ReplayResult r, String title) {
        o.println(title);
        o.printf("%4s  %-12s %s%n", "#", "STATUS", "COMMAND");
        for (TransactionDiff d : r.diffs()) {
            o.printf("%4d  %-12s %s%n", d.index(), d.status().word(), d.index() == 0 ? "(before the first command)"
                    : d.command());
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
        }
        o.println(r.summary());
    }
}
