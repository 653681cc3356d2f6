package dev.atscope.samples;

import java.util.List;
import java.util.Locale;

/** The field-log corpus's score as text: logs right, commands matched, outcomes agreeing, then per log. */
final class FieldLogScore {

    private FieldLogScore() {}

    static String of(List<FieldLogVerdict> verdicts) {
        int right = 0;
        int commands = 0;
        int matched = 0;
        int agreeing = 0;
        StringBuilder perLog = new StringBuilder();
        for (FieldLogVerdict v : verdicts) {
            int n = v.reading().commands().size();
            right += v.right() ? 1 : 0;
            commands += n;
            matched += v.commandsMatched();
            agreeing += v.outcomesAgreeing();
            perLog.append(String.format(Locale.ROOT, "  %-5s  %-48s %4d/%-4d commands %4d/%-4d outcomes%n",
                    v.right() ? "right" : "wrong", v.reading().name(), v.commandsMatched(), n, v.outcomesAgreeing(), n));
        }
        return String.format(Locale.ROOT, "field-log corpus: %d logs%n", verdicts.size())
                + String.format(Locale.ROOT, "logs right:        %d / %d%n", right, verdicts.size())
                + String.format(Locale.ROOT, "commands matched:  %d / %d%n", matched, commands)
                + String.format(Locale.ROOT, "outcomes agreeing: %d / %d%n", agreeing, commands)
                + perLog;
    }
}
