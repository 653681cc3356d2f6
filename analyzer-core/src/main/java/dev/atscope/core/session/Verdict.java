package dev.atscope.core.session;

import dev.atscope.core.decode.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outcome of the session so far, as one library may change it: the first failure of the
 * highest rank decides, and later failures of the same outcome join the deciding transactions. A
 * vendor library's decisions count only while the trace is read with it.
 */
public final class Verdict {

    /** The session's outcome, shared by the verdicts of all libraries. */
    static final class Session {
        SessionOutcome outcome = SessionOutcome.OK;
        String detail = "";
        int errorCode = -1;
        List<Long> deciding = new ArrayList<>();

        void clear() {
            outcome = SessionOutcome.OK;
            detail = "";
            errorCode = -1;
            deciding = new ArrayList<>();
        }
    }

    private final Session session;
    private final JudgeContext context;
    private final Set<SessionOutcome> named;

    Verdict(Session session, JudgeContext context, Set<SessionOutcome> named) {
        this.session = session;
        this.context = context;
        this.named = named;
    }

    /**
     * Records a failure (or an outcome) that a transaction shows; {@code t} is null for one that
     * only a URC shows.
     *
     * @throws IllegalStateException when the library does not list the outcome as one it names
     */
    public void decide(SessionOutcome o, String why, Transaction t) {
        if (!named.contains(o)) {
            throw new IllegalStateException(context.library() + " decides " + o.word()
                    + ", which it does not list among its outcomes");
        }
        if (context.library() != null && !context.selection().active(context.library())) {
            return;
        }
        if (o.rank() > session.outcome.rank()) {
            session.outcome = o;
            session.detail = why;
            session.errorCode = t == null ? -1 : context.selection().view().errorCode(t);
            session.deciding = new ArrayList<>();
            if (t != null) {
                session.deciding.add(t.id());
            }
        } else if (o.equals(session.outcome) && o.rank() > 0 && t != null && !session.deciding.contains(t.id())) {
            session.deciding.add(t.id());
        }
    }

    /** The outcome decided so far. */
    public SessionOutcome outcome() {
        return session.outcome;
    }

    /** The id of the first transaction that decided the outcome, or -1 while nothing failed. */
    public long firstDeciding() {
        return session.deciding.isEmpty() ? -1 : session.deciding.get(0);
    }

    /** Takes back what was decided: a cause found later explains it (a failed activation explains the requests after it). */
    public void retract() {
        if (context.library() == null || context.selection().active(context.library())) {
            session.clear();
        }
    }

    /** {@code AT+QIACT failed with +CME ERROR: 30 (no network service)}: a failure in words, for the detail. */
    public String failedWith(Transaction t) {
        return t.command().text() + " failed with " + context.selection().view().resultWithMeaning(t);
    }
}
