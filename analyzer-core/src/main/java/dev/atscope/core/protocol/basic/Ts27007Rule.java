package dev.atscope.core.protocol.basic;

import dev.atscope.core.check.Rule;
import dev.atscope.core.check.Severity;

/** The session rules of 3GPP TS 27.007: the SIM and the registration as the module reports them; sections are the specification's. */
public enum Ts27007Rule implements Rule.Listed {
    /** See {@link Rule#summary()} of each constant. */
    SIM_MISSING("sim.missing", Severity.ERROR, "TS 27.007 8.3",
            "the module reports no SIM (`+CPIN: NOT INSERTED`, as an answer or a URC)"),
    SIM_LOCKED("sim.locked", Severity.WARNING, "TS 27.007 8.3",
            "the SIM waits for a PIN or PUK (`+CPIN: SIM PIN`, `SIM PUK`, ...): nothing that needs the network works"
                    + " until `AT+CPIN=` gives it"),
    REGISTRATION_DENIED("registration.denied", Severity.ERROR, "TS 27.007 7.2, 10.1.22",
            "a registration report (`+CREG`, `+CGREG`, `+CEREG`) says the network denied registration, with the"
                    + " reject cause when the report carries one");

    private final Rule rule;

    Ts27007Rule(String id, Severity severity, String section, String summary) {
        this.rule = new Rule(id, severity, section, summary);
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
