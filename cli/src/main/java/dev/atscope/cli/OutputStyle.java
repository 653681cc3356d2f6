package dev.atscope.cli;

import picocli.CommandLine.Option;

/**
 * How a command prints for a person, shared by every command that prints more than its result:
 * {@code --quiet} drops progress and summaries, {@code --color} says when to colour. Add {@code
 * @Mixin OutputStyle style;}.
 */
final class OutputStyle {

    /** When to colour. */
    enum When {
        /** On a terminal, unless NO_COLOR is set. */
        AUTO,
        /** Always, into pipes and files too. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    @Option(names = {"-q", "--quiet"}, description = "no progress and no summaries: only results, warnings and errors")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "colour: auto (the default: on a terminal, unless NO_COLOR is set), always or never")
    When color = When.AUTO;

    /** Whether to colour standard output. */
    boolean color() {
        return switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !Screen.colorRefused() && Screen.stdoutIsTerminal();
        };
    }

    /** The columns standard output should fit in. */
    int width() {
        return Screen.width();
    }

    /** A progress display for long work, silent under --quiet or when standard error is no terminal. */
    ProgressDisplay progress(String label, long total, ProgressDisplay.Unit unit) {
        return quiet ? ProgressDisplay.NONE : new ProgressDisplay(label, total, unit);
    }
}
