package dev.atscope.core.check;

import dev.atscope.core.trace.Direction;

/**
 * What a diagnostic is about: a transaction, a byte span of one direction, and a column range in
 * the command line (for a caret under a bad parameter). Unknown parts are -1 or null.
 *
 * @param transactionId the transaction's id, or -1
 * @param direction the direction of the span, or null
 * @param startOffset first byte of the span in its direction's stream, or -1
 * @param endOffset just past the span, or -1
 * @param timeMicros when it happened, or -1
 * @param line the source line, or -1
 * @param column 0-based column in the command line ({@code AT...}) where the problem starts, or -1
 * @param length how many columns the problem covers; 0 for something missing at {@code column}
 */
public record Where(
        long transactionId,
        Direction direction,
        long startOffset,
        long endOffset,
        long timeMicros,
        long line,
        int column,
        int length) {

    /** Nowhere in particular (a whole-trace finding). */
    public static final Where NONE = new Where(-1, null, -1, -1, -1, -1, -1, 0);

    /** A column range in a command line, not yet placed in a trace. */
    public static Where column(int column, int length) {
        return new Where(-1, null, -1, -1, -1, -1, column, length);
    }

    /** The span of an event outside any transaction (a URC), with no columns. */
    public static Where of(dev.atscope.core.decode.Event e) {
        return new Where(-1, e.direction(), e.startOffset(), e.endOffset(), e.startMicros(), e.line(), -1, 0);
    }

    /** The same columns placed at a transaction's command. */
    public Where at(dev.atscope.core.decode.Transaction t) {
        var e = t.command();
        return new Where(t.id(), e.direction(), e.startOffset(), e.endOffset(), e.startMicros(), e.line(), column,
                length);
    }

    /**
     * The same columns placed at one event of a transaction (an answer line): the transaction's
     * id, the event's direction, span, time and line.
     */
    public Where at(dev.atscope.core.decode.Transaction t, dev.atscope.core.decode.Event e) {
        return new Where(t.id(), e.direction(), e.startOffset(), e.endOffset(), e.startMicros(), e.line(), column,
                length);
    }

    /** The same place with the columns moved right by {@code n} (a command's place in a line of several). */
    public Where shifted(int n) {
        return column < 0 ? this : new Where(transactionId, direction, startOffset, endOffset, timeMicros, line,
                column + n, length);
    }
}
