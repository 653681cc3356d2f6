package dev.atscope.cli;

import dev.atscope.core.replay.LineDiff;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.TransactionDiff;
import java.io.PrintWriter;

/** The readable table of {@code atscope replay}: one compared transaction a line, differing lines under it. */
final class ReplayTable {

    private static final String INDENT = "                  ";

    private ReplayTable() {}

    /** Prints the comparison, each line cut to {@code width} columns (the JSON has every byte). */
    static void print(PrintWriter o, ReplayResult r, String title, int width) {
        o.println(title);
        o.printf("%4s  %-12s %s%n", "#", "STATUS", "COMMAND");
        for (TransactionDiff d : r.diffs()) {
            o.println(fit(String.format("%4d  %-12s %s", d.index(), d.status().word(), d.index() == 0
                    ? "(before the first command)" : d.command()), width));
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
        }
        o.println(r.summary());
    }

    private static String fit(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(1, width - 1)) + "~";
    }
}
