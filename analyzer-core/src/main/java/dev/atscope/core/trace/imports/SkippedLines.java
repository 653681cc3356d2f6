package dev.atscope.core.trace.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a log that are not traffic, counted by reason with the first few as examples: what
 * {@code --explain} shows and the warnings sum up. Constant memory whatever the log's size.
 */
final class SkippedLines {

    /** Examples kept per reason. */
    static final int EXAMPLES = 3;
    /** Characters of an example shown. */
    private static final int SHOWN = 48;

    private static final class Tally {
        long count;
        final List<String> examples = new ArrayList<>(EXAMPLES);
    }

    private final Map<String, Tally> byReason = new LinkedHashMap<>();

    /** Counts a line left out for a reason; blank lines are not counted. */
    void add(String reason, long line, String text) {
        if (text.isBlank()) {
            return;
        }
        Tally t = byReason.computeIfAbsent(reason, r -> new Tally());
        t.count++;
        if (t.examples.size() < EXAMPLES) {
            String s = text.strip();
            t.examples.add("line " + line + ": '" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s) + "'");
        }
    }

    /** How many lines were left out in all. */
    long total() {
        long n = 0;
        for (Tally t : byReason.values()) {
            n += t.count;
        }
        return n;
    }

    /** The reasons with their counts and examples, in the order they first occurred. */
    List<LogLayout.Skipped> all() {
        List<LogLayout.Skipped> out = new ArrayList<>();
        byReason.forEach((reason, t) -> out.add(new LogLayout.Skipped(reason, t.count, t.examples)));
        return out;
    }
}
