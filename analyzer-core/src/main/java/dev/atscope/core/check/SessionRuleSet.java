package dev.atscope.core.check;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;

/**
 * One library's session rules over one trace: the rules that need what came before. They read the
 * module's state ({@link RuleContext#states()}) as it was before the item they are given; the
 * checker applies the item to the state after every rule set has seen it.
 */
public interface SessionRuleSet {

    /** An event outside any transaction: a URC, noise, a command line as it starts. */
    default void event(Event e) {}

    /**
     * A transaction.
     *
     * @param valid whether the grammar found nothing wrong with its commands
     */
    void transaction(Transaction t, boolean valid);

    /** The end of the trace. */
    default void finish() {}

    /** Words to add to the explanation of a failed transaction (what an error code usually means here), or empty. */
    default String errorHint(Transaction t, int code) {
        return "";
    }

    /** Whether the rules give this failed transaction a finding of their own, so that {@code result.error} stays silent. */
    default boolean explainsFailure(Transaction t) {
        return false;
    }
}
