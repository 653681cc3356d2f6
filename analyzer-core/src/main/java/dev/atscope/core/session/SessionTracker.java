package dev.atscope.core.session;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits a decoded trace into sessions and gives each its outcome, as the decoder's items stream
 * past: nothing proportional to the trace is kept. A session ends at a module restart or power
 * down (the transaction that the restart interrupted still belongs to it), at what a library says
 * ends one (a successful AT+QIDEACT ends a PDP context's life), or at a recording gap.
 *
 * <p>The outcome comes from transactions and error codes only, as the libraries in use read them
 * ({@link LibraryOutcomes}): the first failure of the most serious kind decides. What no library
 * judges is a generic failure: no answer, or an error no outcome names.
 */
public final class SessionTracker {

    private static final Set<SessionOutcome> GENERIC = Set.copyOf(OutcomeCatalogue.TRACKER_OUTCOMES);

    private final LibrarySelection selection;
    private final Consumer<SessionSummary> sink;
    private final ModuleStates states;
    private final Verdict.Session session = new Verdict.Session();
    private final Verdict generic;
    private final List<Judge> judges = new ArrayList<>();

    private int index = 1;
    private long start = -1;
    private long end;
    private long transactions;
    private long failed;
    /** A restart or power-down was seen: the session closes at the next item that is not its victim. */
    private String closing;
    private long closingTime;

    private record Judge(JudgeContext context, OutcomeJudge judge, Verdict verdict) {}

    public SessionTracker(ProtocolRegistry registry, Consumer<SessionSummary> sink) {
        this(new LibrarySelection(registry), sink);
    }

    /**
     * @param selection the libraries the trace is read with; share it with the decoder and the
     *     checker of the same trace
     * @param sink receives each session as it closes
     */
    public SessionTracker(LibrarySelection selection, Consumer<SessionSummary> sink) {
        this.selection = selection;
        this.sink = sink;
        this.states = selection.states();
        this.generic = new Verdict(session, new JudgeContext(null, selection, states), GENERIC);
        for (ProtocolLibrary lib : selection.all().basesFirst()) {
            if (lib instanceof LibraryOutcomes o) {
                JudgeContext context = new JudgeContext(lib.id(), selection, states);
                Set<SessionOutcome> named = new LinkedHashSet<>(o.outcomes());
                named.add(SessionOutcome.OK);
                judges.add(new Judge(context, o.newJudge(context), new Verdict(session, context, named)));
            }
        }
    }

    /** Feeds one decoded item. */
    public void accept(Decoded d) {
        states.before(d); // what was judged before it is applied now, once for all readers
        if (d instanceof Transaction t) {
            if (closing != null && !(t.outcome() == Outcome.INTERRUPTED && t.startMicros() <= closingTime)) {
                close(closing);
            }
            selection.observe(t);
            states.settle(t);
            transaction(t);
            states.defer(t);
            if (t.outcome() == Outcome.OK) {
                for (int i = 0; i < judges.size(); i++) { // by index: no iterator for every transaction
                    Judge j = judges.get(i);
                    String ends = active(j) ? j.judge().ends(t) : null;
                    if (ends != null) {
                        close(ends);
                        break;
                    }
                }
            }
            return;
        }
        Event e = (Event) d;
        if (e.kind() == EventKind.MARKER) {
            if (e.text().startsWith("gap")) {
                close("gap");
            }
            return;
        }
        states.settle(e);
        if (e.kind() == EventKind.URC) {
            selection.observeUrc(e.text());
            UrcKind kind = selection.all().urcKind(e.text());
            if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
                if (closing == null && (transactions > 0 || start >= 0)) {
                    closing = kind == UrcKind.RESTART ? "restart" : "power-down";
                    closingTime = e.startMicros();
                }
                touch(e.startMicros(), e.endMicros(), closing == null);
                states.defer(e);
                return;
            }
            if (closing != null) {
                close(closing);
            }
            for (Judge j : judges) {
                j.judge().event(e, j.verdict());
            }
        }
        states.defer(e);
        touch(e.startMicros(), e.endMicros(), true);
    }

    /** The number of the session that items fed now belong to. */
    public int currentIndex() {
        return index;
    }

    /** The end of the trace: the last session is closed. */
    public void finish() {
        states.before(null);
        if (transactions > 0 || start >= 0) {
            close(closing != null ? closing : "end of trace");
        }
    }

    private boolean active(Judge j) {
        return selection.active(j.context().library());
    }

    private void touch(long from, long to, boolean counts) {
        if (start < 0 && counts) {
            start = from;
        }
        end = Math.max(end, to);
    }

    private void transaction(Transaction t) {
        touch(t.startMicros(), t.endMicros(), true);
        transactions++;
        if (t.outcome() != Outcome.OK) {
            failed++;
        }
        if (t.outcome() == Outcome.INTERRUPTED && judges.stream().anyMatch(j -> active(j) && j.judge().isRequest(t))) {
            generic.decide(SessionOutcome.RESET_DURING_REQUEST, "the module restarted during " + t.command().text(), t);
            return;
        }
        boolean judged = false;
        for (Judge j : judges) {
            judged |= j.judge().transaction(t, j.verdict()) && active(j);
        }
        if (judged) {
            return;
        }
        if (t.outcome() == Outcome.NO_RESPONSE) {
            generic.decide(SessionOutcome.NO_RESPONSE, t.command().text() + " got no answer", t);
        } else if (t.outcome() == Outcome.ERROR) {
            generic.decide(SessionOutcome.UNKNOWN, t.command().text() + " failed: " + t.resultText(), t);
        }
    }

    private void close(String endedBy) {
        // the vendor's reading first: it knows the session's own procedure, the base libraries the background
        for (int i = judges.size() - 1; i >= 0; i--) {
            judges.get(i).judge().close(judges.get(i).verdict());
        }
        if (transactions > 0 || start >= 0) {
            sink.accept(new SessionSummary(index, Math.max(0, start), end, transactions, failed, session.outcome,
                    session.detail, session.errorCode, session.deciding, endedBy));
            index++;
        }
        // after a restart the next session begins with the restart's URC
        start = closing != null ? closingTime : -1;
        end = 0;
        transactions = 0;
        failed = 0;
        session.clear();
        closing = null;
    }
}
