package dev.atscope.samples;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a decoded field log agrees with its reading: the commands aligned in order (longest
 * common subsequence of the command lines, compared exactly), the outcomes and facts of the
 * aligned ones, and the time, with the differences line by line.
 *
 * @param reading the person's reading
 * @param commandsMatched how many of the reading's commands were decoded, in order
 * @param outcomesAgreeing how many of those got an outcome the reading allows
 * @param right true when everything agrees: same commands in the same order and nothing more,
 *     every outcome and fact, and the time
 * @param lines the comparison, one line per command of either side ({@code =} agrees, {@code -} only
 *     in the reading, {@code +} only decoded, {@code ~} aligned but different), then other findings
 */
record FieldLogVerdict(FieldLogReading reading, int commandsMatched, int outcomesAgreeing, boolean right,
        List<String> lines) {

    /** What the import and decoding produced, or why they produced nothing. */
    record Decoding(List<Transaction> transactions, boolean syntheticTime, String failure) {

        static Decoding failed(String why) {
            return new Decoding(List.of(), false, why);
        }
    }

    /** Compares a decoding with the reading. */
    static FieldLogVerdict of(FieldLogReading reading, Decoding decoding) {
        List<FieldLogReading.Expected> want = reading.commands();
        List<Transaction> got = decoding.transactions();
        int[][] lcs = commonLengths(want, got);
        List<String> lines = new ArrayList<>();
        if (decoding.failure() != null) {
            lines.add("! " + decoding.failure());
        }
        int matched = 0;
        int agreeing = 0;
        boolean right = decoding.failure() == null;
        int i = 0;
        int j = 0;
        while (i < want.size() || j < got.size()) {
            if (i < want.size() && j < got.size() && want.get(i).command().equals(command(got.get(j)))) {
                FieldLogReading.Expected w = want.get(i);
                Transaction t = got.get(j);
                matched++;
                List<String> wrong = new ArrayList<>();
                if (w.outcomes().contains(t.outcome().word())) {
                    agreeing++;
                } else {
                    wrong.add("decoded " + t.outcome().word());
                }
                for (Map.Entry<String, String> fact : w.facts()) {
                    String miss = missing(fact.getKey(), fact.getValue(), t);
                    if (miss != null) {
                        wrong.add(miss);
                    }
                }
                if (wrong.isEmpty()) {
                    lines.add("= " + w.shown());
                } else {
                    right = false;
                    lines.add("~ " + w.shown() + "   (reading line " + w.line() + "): " + String.join("; ", wrong));
                }
                i++;
                j++;
            } else if (j < got.size() && (i == want.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                right = false;
                lines.add("+ " + got.get(j).outcome().word() + " " + command(got.get(j)) + "   (decoded, not in the reading)");
                j++;
            } else {
                right = false;
                lines.add("- " + want.get(i).shown() + "   (reading line " + want.get(i).line() + ", not decoded)");
                i++;
            }
        }
        if (decoding.failure() == null && decoding.syntheticTime() == reading.timeInLog()) {
            right = false;
            lines.add(reading.timeInLog() ? "! the log has times, but the import made them up (synthetic-time)"
                    : "! the log has no times, but the import did not mark them synthetic");
        }
        return new FieldLogVerdict(reading, matched, agreeing, right, List.copyOf(lines));
    }

    /** The command line as the host sent it: the command event's text without its CR. */
    static String command(Transaction t) {
        return t.command().text();
    }

    /** Null when the fact holds for the transaction, else what was decoded instead. */
    private static String missing(String key, String value, Transaction t) {
        return switch (key) {
            case "answer" -> {
                List<String> answers = t.informationLines().stream().map(e -> e.text().strip()).toList();
                yield answers.contains(value) ? null : "answer \"" + value + "\" not among " + answers;
            }
            case "answers" -> {
                List<String> answers = t.informationLines().stream().map(Event::text).toList();
                yield value.equals(Integer.toString(answers.size())) ? null
                        : value + " information lines, decoded " + answers.size() + " " + answers;
            }
            case "result" -> t.resultText().strip().equals(value) ? null
                    : "result \"" + value + "\", decoded \"" + t.resultText() + "\"";
            case "cme", "cms" -> {
                String prefix = "+" + key.toUpperCase(java.util.Locale.ROOT) + " ERROR:";
                boolean holds = t.resultText().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)
                        && value.equals(t.errorDetail());
                yield holds ? null : key + " " + value + ", decoded result \"" + t.resultText() + "\"";
            }
            case "upload" -> {
                long sent = t.payloads().stream().filter(e -> e.direction() == Direction.HOST_TO_MODULE)
                        .mapToLong(Event::span).sum();
                String decoded = sent + " bytes";
                if (value.equals("not in log")) {
                    yield sent == 0 ? null : "upload not in the log, decoded " + decoded;
                }
                yield value.equals(decoded) ? null : "upload " + value + ", decoded " + decoded;
            }
            default -> throw new IllegalArgumentException("unknown fact " + key);
        };
    }

    /** lcs[i][j]: length of the longest common subsequence of want[i..] and got[j..], by command line. */
    private static int[][] commonLengths(List<FieldLogReading.Expected> want, List<Transaction> got) {
        int[][] lcs = new int[want.size() + 1][got.size() + 1];
        for (int i = want.size() - 1; i >= 0; i--) {
            for (int j = got.size() - 1; j >= 0; j--) {
                lcs[i][j] = want.get(i).command().equals(command(got.get(j)))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs;
    }
}
