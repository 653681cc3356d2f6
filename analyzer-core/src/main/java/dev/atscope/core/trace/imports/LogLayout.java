package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a log as its reader worked it out: which marker is which side and why, where the
 * time is, what was stripped around the traffic, which lines were left out, and what the reader is
 * unsure of. {@code atscope import --explain} prints it; when the reader is unsure, every command
 * warns in one line naming the option that settles it.
 *
 * @param format the format that read the log
 * @param sides each marker (or channel) with its side and the evidence
 * @param time where the time is and its unit, in words
 * @param stripped what was taken off around the traffic (prefixes, wrappers, escapes), in words
 * @param skipped lines that were not traffic, by reason
 * @param doubts what the reader is unsure of, each naming the option that settles it
 */
public record LogLayout(String format, List<Side> sides, String time, List<String> stripped, List<Skipped> skipped,
        List<String> doubts) {

    public LogLayout {
        sides = List.copyOf(sides);
        stripped = List.copyOf(stripped);
        skipped = List.copyOf(skipped);
        doubts = List.copyOf(doubts);
    }

    /**
     * A marker and the side its lines were read as.
     *
     * @param marker the marker as the log prints it ({@code <-}, {@code [SEND]}), or a word for logs without
     * @param direction who sent its lines
     * @param commands its lines that are command lines ({@code AT...})
     * @param results its lines that are final results ({@code OK}, {@code ERROR}, {@code +CME ERROR})
     * @param lines all its lines
     * @param why how the side was decided
     */
    public record Side(String marker, Direction direction, long commands, long results, long lines, String why) {}

    /**
     * Lines left out of the traffic for one reason.
     *
     * @param reason why they are not traffic
     * @param count how many
     * @param examples the first few, with their line numbers
     */
    public record Skipped(String reason, long count, List<String> examples) {

        public Skipped {
            examples = List.copyOf(examples);
        }
    }

    /** Whether the reader is sure of everything it learned. */
    public boolean sure() {
        return doubts.isEmpty();
    }

    /** The one-line warning for an unsure layout, or null when it is sure. */
    public String warning() {
        return sure() ? null : "the layout is a guess: " + String.join("; ", doubts);
    }

    /** The layout for a person, a few lines. */
    public List<String> explain() {
        List<String> out = new ArrayList<>();
        out.add("format: " + format);
        if (sides.isEmpty()) {
            out.add("sides: none found");
        }
        for (Side s : sides) {
            out.add("side: " + s.marker() + " is the " + (s.direction() == Direction.HOST_TO_MODULE ? "host" : "module")
                    + " (" + s.lines() + (s.lines() == 1 ? " line: " : " lines: ") + s.commands() + " command"
                    + (s.commands() == 1 ? "" : "s") + ", " + s.results() + " result" + (s.results() == 1 ? "" : "s")
                    + "; " + s.why() + ")");
        }
        out.add("time: " + time);
        for (String s : stripped) {
            out.add("stripped: " + s);
        }
        for (Skipped s : skipped) {
            out.add("left out: " + s.count() + " " + s.reason() + (s.examples().isEmpty() ? ""
                    : ", e.g. " + String.join(" | ", s.examples())));
        }
        out.add(sure() ? "sure: yes" : "sure: no — " + String.join("; ", doubts));
        return out;
    }
}
