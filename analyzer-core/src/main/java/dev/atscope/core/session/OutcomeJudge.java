package dev.atscope.core.session;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;

/**
 * One library's reading of how a session ends, over one trace. It reads the module's state
 * ({@link JudgeContext#states()}) as it was before the item it is given, and puts what it decides
 * into the session's {@link Verdict}.
 */
public interface OutcomeJudge {

    /**
     * Judges a transaction.
     *
     * @return whether the library judged its failure, so that the tracker's generic reading (no
     *     answer, an unexplained error) stays silent
     */
    boolean transaction(Transaction t, Verdict verdict);

    /** An event outside any transaction (a URC). */
    default void event(Event e, Verdict verdict) {}

    /** Whether the transaction's command asks the network for something, so that a restart during it is a reset during a request. */
    default boolean isRequest(Transaction t) {
        return false;
    }

    /** What a successful transaction ends (the PDP context's life: {@code pdp-deactivated}), or null when it ends nothing. */
    default String ends(Transaction t) {
        return null;
    }

    /** The session closes: what the judge held back is decided now, and its per-session memory is cleared. */
    default void close(Verdict verdict) {}
}
