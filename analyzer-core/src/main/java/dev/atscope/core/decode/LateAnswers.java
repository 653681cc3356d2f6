package dev.atscope.core.decode;

import java.util.function.Consumer;

/**
 * The answer of a command the host gave up on: the last command that ended without a result
 * because the host sent the next one, while no final result has come since. The module finishes
 * one command before it answers the next, so a line that names it ({@code +CWJAP:4} while a probe
 * {@code AT} waits), which the command now waiting does not claim, and the final result right
 * after it are still its. Both are handed out as lines of their own, with a note; the command
 * waiting keeps waiting for its own answer.
 */
final class LateAnswers {

    private final ResultFormat results;
    private final Consumer<Event> emit;
    /** The command given up on, the oldest while no final result has come since; or null. */
    private PendingCommand abandoned;
    /** A late answer of {@link #abandoned} came: the final result that follows is its too. */
    private boolean lateAnswer;

    LateAnswers(ResultFormat results, Consumer<Event> emit) {
        this.results = results;
        this.emit = emit;
    }

    /** The host sent the next command while this one had no result. */
    void gaveUp(PendingCommand p) {
        if (abandoned == null) {
            abandoned = p; // the oldest: the module is still working on it
        }
    }

    /** A final result came, or the module restarted: no command given up on is answered any more. */
    void forget() {
        abandoned = null;
        lateAnswer = false;
    }

    /** Whether the module line is a late answer (handed out here) rather than one for {@code target}. */
    boolean took(Framer lane, String text, PendingCommand target, long spanStart, int from, int to, long spanEnd) {
        if (abandoned == null || target == abandoned) {
            return false;
        }
        String what = abandoned.command.text();
        if (lateAnswer && results.finalOutcome(text, abandoned) != null) {
            emit.accept(lane.event(EventKind.FINAL, spanStart, from, to, spanEnd, "the late result of " + what
                    + ", which the trace ended without one when the next command came"));
            forget();
            return true;
        }
        if (!PendingCommand.claims(target, text) && abandoned.claimsOwn(text)) {
            emit.accept(lane.event(EventKind.URC, spanStart, from, to, spanEnd, "a late answer of " + what
                    + ", which the trace ended without a result when the next command came"));
            lateAnswer = true;
            return true;
        }
        lateAnswer = false;
        return false;
    }
}
