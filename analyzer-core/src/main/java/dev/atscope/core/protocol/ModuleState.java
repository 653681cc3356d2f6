package dev.atscope.core.protocol;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;

/**
 * A protocol library's model of the module's state as the traffic shows it: the settings, files,
 * contexts and registration that the commands and answers so far have set. The session rules and
 * the session tracker each keep one per trace and read it; only {@link #apply} changes it, so
 * they cannot disagree about what the module holds. It is bounded, never proportional to the trace.
 */
public interface ModuleState {

    /** Takes the next transaction, after the rules have judged it against the state from before it. */
    void apply(Transaction t);

    /** Takes an event outside any transaction: a URC, noise, a marker. Restarts come through {@link #restart()}. */
    default void event(Event e) {}

    /** The module restarted or powered down: it forgets what it does not keep over a restart. */
    void restart();
}
