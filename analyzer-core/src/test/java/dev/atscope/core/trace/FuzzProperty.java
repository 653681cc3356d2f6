package dev.atscope.core.trace;

/**
 * A property that a fuzz target checks on every input: a plain test and message, as these run
 * millions of times while fuzzing, failing with an {@link AssertionError} that Jazzer reports.
 */
public final class FuzzProperty {

    private FuzzProperty() {}

    /** Fails with the formatted message when {@code ok} is false. */
    public static void expect(boolean ok, String what, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(what, args));
        }
    }
}
