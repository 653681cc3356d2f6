package dev.atscope.samples;

import java.util.List;
import java.util.Locale;

/** The field-log corpus's score as text: logs right, commands matched, outcomes agreeing, then per log. */
final class FieldLogScore {

    private FieldLogScore() {}

    /**
     * The corpus's totals.
     *
     * @param right logs read right
     * @param matched the readings' commands found in order
     * @param agreeing of those, the outcomes that agree
     */
    record Totals(int right, int matched, int agreeing) {

        /** Whether none of the three is below the other's. */
        boolean atLeast(Totals floor) {
            return right >= floor.right && matched >= floor.matched && agreeing >= floor.agreeing;
        }
    }

    static Totals totals(List<FieldLogVerdict> verdicts) {
        int right = 0;
        int matched = 0;
        int agreeing = 0;
        for (FieldLogVerdict v : verdicts) {
            right += v.right() ? 1 : 0;
            matched += v.commandsMatched();
            agreeing += v.outcomesAgreeing();
        }
        return new Totals(right, matched, agreeing);
    }

    static String of(List<FieldLogVerdict> verdicts) {
        Totals totals = totals(verdicts);
        int right = totals.right();
        int matched = totals.matched();
        int agreeing = totals.agreeing();
        int commands = 0;
        StringBuilder perLog = new StringBuilder();
        for (FieldLogVerdict v : verdicts) {
            int n = v.reading().commands().size();
            commands += n;
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
