package dev.atscope.core.protocol.basic;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ErrorClass;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import dev.atscope.core.session.Verdict;
import java.util.List;

/**
 * How a session ends as the 27.007 commands show it: no SIM, a locked SIM, no registration
 * (searching, or denied with its cause), no signal, a PDP context that AT+CGACT could not
 * activate. Error codes are read by their class in the grammar. What a vendor library says about
 * the same session comes first: this judge closes after it.
 */
final class Ts27007Judge implements OutcomeJudge {

    /** The outcomes it names. */
    static final List<SessionOutcome> OUTCOMES = List.of(SessionOutcome.SIM_MISSING, SessionOutcome.SIM_LOCKED,
            SessionOutcome.NOT_REGISTERED, SessionOutcome.PDP_ACTIVATION_FAILED, SessionOutcome.NO_SIGNAL);

    private final JudgeContext context;
    private final NetworkState state;
    /** AT+CGACT=1 failed and no retry worked yet. */
    private Transaction pdpFailure;
    /** A command failed with an error of the registration class. */
    private Transaction networkFailure;
    /** A command failed with an error of the SIM class. */
    private Transaction simFailure;
    /** {@code +CPIN:} asked for a PIN or PUK. */
    private Transaction simLocked;
    /** {@code +CPIN: NOT INSERTED} came as a URC. */
    private String simMissingUrc;

    Ts27007Judge(JudgeContext context) {
        this.context = context;
        this.state = context.states().get(NetworkState.class);
    }

    @Override
    public boolean transaction(Transaction t, Verdict verdict) {
        boolean judged = false;
        for (AtCommand c : t.commands()) {
            if (c.name().equals("+CPIN") && c.form() == CommandForm.READ) {
                String sim = NetworkState.answer(t, "+CPIN");
                if (sim != null) {
                    sim(sim.substring(sim.indexOf(':') + 1).strip(), t, verdict);
                }
            } else if (c.name().equals("+CGACT") && c.form() == CommandForm.WRITE && c.params().size() >= 1
                    && c.params().get(0).equals("1")) {
                if (t.outcome() == Outcome.OK) {
                    pdpFailure = null;
                } else if (t.outcome() == Outcome.ERROR && pdpFailure == null) {
                    pdpFailure = t;
                }
                judged |= t.outcome() == Outcome.ERROR;
            }
        }
        if (t.outcome() == Outcome.ERROR) {
            ErrorClass errorClass = context.registry().errorClass(t);
            if (errorClass == ErrorClass.SIM) {
                simFailure = simFailure == null ? t : simFailure;
                judged = true;
            } else if (errorClass == ErrorClass.REGISTRATION) {
                networkFailure = networkFailure == null ? t : networkFailure;
                judged = true;
            }
        }
        return judged;
    }

    private void sim(String value, Transaction t, Verdict verdict) {
        if (value.equalsIgnoreCase("NOT INSERTED")) {
            verdict.decide(SessionOutcome.SIM_MISSING, t.command().text() + " answers +CPIN: " + value, t);
        } else if (NetworkState.waitsForPin(value) && simLocked == null) {
            simLocked = t;
        }
    }

    @Override
    public void event(Event e, Verdict verdict) {
        if (e.kind() == EventKind.URC && e.text().startsWith("+CPIN:")
                && e.text().substring(6).strip().equalsIgnoreCase("NOT INSERTED")) {
            simMissingUrc = e.text();
        }
    }

    @Override
    public void close(Verdict verdict) {
        if (simMissingUrc != null) {
            verdict.decide(SessionOutcome.SIM_MISSING, "the module reports " + simMissingUrc, null);
        }
        String sim = state.sim();
        boolean locked = sim != null && NetworkState.waitsForPin(sim);
        if (simLocked != null && locked) {
            verdict.decide(SessionOutcome.SIM_LOCKED, simLocked.command().text() + " answers +CPIN: " + sim
                    + ", and no PIN was given", simLocked);
        }
        if (simFailure != null) {
            verdict.decide(locked ? SessionOutcome.SIM_LOCKED : SessionOutcome.SIM_MISSING, verdict.failedWith(simFailure),
                    simFailure);
        }
        registration(verdict);
        if (pdpFailure != null) {
            verdict.decide(SessionOutcome.PDP_ACTIVATION_FAILED, verdict.failedWith(pdpFailure), pdpFailure);
        }
        if (networkFailure != null) {
            verdict.decide(SessionOutcome.NOT_REGISTERED, verdict.failedWith(networkFailure), networkFailure);
        }
        pdpFailure = null;
        networkFailure = null;
        simFailure = null;
        simLocked = null;
        simMissingUrc = null;
    }

    /**
     * Not registered: when the network denied it, or when something failed while the last report
     * said the module was not registered; no signal when the last AT+CSQ said so too.
     */
    private void registration(Verdict verdict) {
        NetworkState.Registration r = state.lastRegistration();
        if (r == null || !r.notRegistered() || Boolean.TRUE.equals(state.registeredAnywhere())) {
            return;
        }
        boolean failed = pdpFailure != null || networkFailure != null || verdict.outcome().rank() > 0;
        if (!r.denied() && !failed) {
            return;
        }
        String why = r.command() + " stat " + r.stat() + (r.meaning() == null ? "" : " (" + r.meaning() + ")")
                + Registrations.cause(context.registry(), r);
        // 27.007 8.5: <rssi> 99 is "not known or not detectable", 0 is -113 dBm or less
        if (!r.denied() && ("99".equals(state.rssi()) || "0".equals(state.rssi()))) {
            verdict.decide(SessionOutcome.NO_SIGNAL, "not registered (" + why + ") with no usable signal (+CSQ: "
                    + state.rssi() + ")", pdpFailure != null ? pdpFailure : networkFailure);
        } else {
            verdict.decide(SessionOutcome.NOT_REGISTERED, (r.denied() ? "registration denied: " : "not registered: ")
                    + why, pdpFailure != null ? pdpFailure : networkFailure);
        }
    }
}
