package dev.atscope.core.protocol.basic;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;

/**
 * The 27.007 session rules over one trace: what the SIM and the registration reports say, each
 * said once until it changes, and why a bare {@code ERROR} gives no reason.
 */
final class Ts27007Rules implements SessionRuleSet {

    private final RuleContext context;
    private final NetworkState state;
    private final Registrations.Reader reader = new Registrations.Reader();
    /** The SIM state last reported, so that a state is reported once. */
    private String simReported;
    /** The registration line last reported as denied, so that repeated reports are said once. */
    private String deniedReported;

    Ts27007Rules(RuleContext context) {
        this.context = context;
        this.state = context.states().get(NetworkState.class);
    }

    @Override
    public void event(Event e) {
        if (e.kind() != EventKind.URC) {
            return;
        }
        if (e.text().startsWith("+CPIN:")) {
            sim(e.text().substring(6).strip(), Where.of(e));
        }
        for (String command : Registrations.COMMANDS) {
            if (e.text().startsWith(command) && e.text().startsWith(":", command.length())) {
                registration(e.text(), Where.of(e), true, command);
            }
        }
    }

    @Override
    public void transaction(Transaction t, boolean valid) {
        for (AtCommand c : t.commands()) {
            if (c.form() != CommandForm.READ) {
                continue;
            }
            String name = c.name();
            for (Event r : t.responses()) {
                if (r.kind() != EventKind.RESPONSE || !r.text().startsWith(name) || !r.text().startsWith(":", name.length())) {
                    continue;
                }
                if (c.name().equals("+CPIN")) {
                    sim(r.text().substring(6).strip(), Where.NONE.at(t, r));
                } else if (Registrations.COMMANDS.contains(c.name())) {
                    registration(r.text(), Where.NONE.at(t, r), false, c.name());
                }
            }
        }
    }

    private void sim(String value, Where where) {
        if (value.equals(simReported)) {
            return;
        }
        simReported = value;
        if (value.equalsIgnoreCase("NOT INSERTED")) {
            context.report(Ts27007Rule.SIM_MISSING.at("the module reports no SIM card (+CPIN: " + value + "):"
                    + " nothing that needs the network can work", where));
        } else if (NetworkState.waitsForPin(value)) {
            context.report(Ts27007Rule.SIM_LOCKED.at("the SIM waits for " + value + " (+CPIN: " + value + "):"
                    + " registration and data need AT+CPIN=\"...\" first", where));
        }
    }

    private void registration(String line, Where where, boolean urc, String command) {
        NetworkState.Registration r = reader.parse(context.registry(), command, line, urc);
        if (r == null || !r.denied()) {
            deniedReported = null;
            return;
        }
        if (line.equals(deniedReported)) {
            return;
        }
        deniedReported = line;
        context.report(Ts27007Rule.REGISTRATION_DENIED.at("the network denied registration (" + line.strip()
                + (r.meaning() == null ? "" : ": " + r.meaning()) + ")" + Registrations.cause(context.registry(), r),
                where));
    }

    /** A bare ERROR with AT+CMEE off: the module could have said why. */
    @Override
    public String errorHint(Transaction t, int code) {
        return t.errorDetail() == null && "ERROR".equals(t.resultText()) && !state.errorCodesOn()
                ? " (no reason given: AT+CMEE=1 or AT+CMEE=2 makes the module say why)" : "";
    }
}
