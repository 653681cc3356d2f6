package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Completion;
import dev.atscope.core.protocol.ErrorClass;
import dev.atscope.core.protocol.KnownError;
import dev.atscope.core.protocol.PendingCompletions;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import dev.atscope.core.session.Verdict;
import java.util.List;

/**
 * How a session of a Quectel LTE module ends: from the error codes of its sockets, SSL, HTTP(S)
 * and MQTT commands, whether in the final result or in the line that completes the command after
 * its {@code OK}, read by their class in the grammar; and from its PDP activations.
 */
final class LteJudge implements OutcomeJudge {

    /** The outcomes it names. */
    static final List<SessionOutcome> OUTCOMES = List.of(SessionOutcome.TLS_HANDSHAKE_FAILED,
            SessionOutcome.HTTP_ERROR, SessionOutcome.DNS_FAILED, SessionOutcome.SOCKET_CLOSED,
            SessionOutcome.MQTT_REFUSED, SessionOutcome.REQUEST_TIMEOUT, SessionOutcome.PDP_ACTIVATION_FAILED,
            SessionOutcome.NOT_REGISTERED);

    /** The service a command belongs to: what a failure of it is called when its class says no more. */
    private enum Service { SOCKET, SSL, HTTP, MQTT, PDP, OTHER }

    private final JudgeContext context;
    private final LteState state;
    /** AT+QIACT=n failed and no retry worked yet. */
    private Transaction pdpFailure;
    private boolean pdpFailureWhileUnregistered;

    LteJudge(JudgeContext context) {
        this.context = context;
        this.state = context.states().get(LteState.class);
    }

    private static Service service(AtCommand c) {
        String n = c.name();
        if (n.startsWith("+QSSL")) {
            return Service.SSL;
        } else if (n.startsWith("+QHTTP")) {
            return Service.HTTP;
        } else if (n.startsWith("+QMT")) {
            return Service.MQTT;
        } else if (n.equals("+QIACT") || n.equals("+QIDEACT")) {
            return Service.PDP;
        } else if (n.startsWith("+QI")) {
            return Service.SOCKET;
        }
        return Service.OTHER;
    }

    @Override
    public boolean transaction(Transaction t, Verdict verdict) {
        AtCommand c = t.last();
        Service s = service(c);
        if (s == Service.OTHER) {
            return false;
        }
        if (s == Service.PDP && c.name().equals("+QIACT") && c.form() == CommandForm.WRITE) {
            if (t.outcome() == Outcome.OK) {
                pdpFailure = null;
            } else if (pdpFailure == null) {
                pdpFailure = t;
                pdpFailureWhileUnregistered = Boolean.FALSE.equals(state.network().registeredAnywhere())
                        || context.registry().errorClass(t) == ErrorClass.REGISTRATION;
            }
            return t.outcome() != Outcome.OK;
        }
        if (t.outcome() == Outcome.NO_RESPONSE && s != Service.PDP) {
            verdict.decide(SessionOutcome.REQUEST_TIMEOUT, t.command().text() + " got no answer", t);
            return true;
        }
        if (t.outcome() != Outcome.ERROR) {
            return false;
        }
        KnownError e = context.registry().error(t.resultText()).orElse(null);
        String why = verdict.failedWith(t) + (s == Service.HTTP && state.url() != null ? " for " + state.url() : "");
        // SEND FAIL and bare errors carry no class: a send that fails means the connection is gone
        decide(verdict, s, t, e == null ? ErrorClass.UNKNOWN : e.errorClass(), why);
        return true;
    }

    @Override
    public void event(Event e, Verdict verdict) {
        if (e.kind() != EventKind.URC) {
            return;
        }
        PendingCompletions.Done done = context.states().completions().match(e.text()).orElse(null);
        if (done == null || done.completion().ok()) {
            return;
        }
        Completion c = done.completion();
        KnownError k = c.error();
        String why = done.t().command().text() + " failed: " + e.text().strip() + " (" + c.field() + " " + c.value()
                + (k == null || k.text() == null ? "" : ": " + k.text()) + ")"
                + (service(done.t().last()) == Service.HTTP && state.url() != null ? " for " + state.url() : "");
        decide(verdict, service(done.t().last()), done.t(), k == null ? ErrorClass.UNKNOWN : k.errorClass(), why);
    }

    /** A failure's outcome by its error class, and by the service when the class says no more. */
    private void decide(Verdict verdict, Service s, Transaction t, ErrorClass errorClass, String why) {
        SessionOutcome o = switch (errorClass) {
            case DNS -> SessionOutcome.DNS_FAILED;
            case TLS -> SessionOutcome.TLS_HANDSHAKE_FAILED;
            case TLS_OR_CONNECT -> tls(t) ? SessionOutcome.TLS_HANDSHAKE_FAILED : byService(s);
            case TIMEOUT -> SessionOutcome.REQUEST_TIMEOUT;
            case HTTP -> SessionOutcome.HTTP_ERROR;
            case MQTT -> SessionOutcome.MQTT_REFUSED;
            case PDP -> SessionOutcome.PDP_ACTIVATION_FAILED;
            case REGISTRATION -> SessionOutcome.NOT_REGISTERED;
            default -> byService(s);
        };
        verdict.decide(o, why, t);
    }

    private static SessionOutcome byService(Service s) {
        return switch (s) {
            case HTTP -> SessionOutcome.HTTP_ERROR;
            case MQTT -> SessionOutcome.MQTT_REFUSED;
            case PDP -> SessionOutcome.PDP_ACTIVATION_FAILED;
            default -> SessionOutcome.SOCKET_CLOSED;
        };
    }

    /** Whether the failed command's connection is a TLS one: AT+QSSLOPEN, an https request, an MQTT client over TLS. */
    private boolean tls(Transaction t) {
        AtCommand c = t.last();
        return switch (service(c)) {
            case SSL -> true;
            case HTTP -> state.https();
            case MQTT -> {
                String client = state.param(c, "client_idx");
                yield client != null && state.mqttSsl(client) != null;
            }
            default -> false;
        };
    }

    @Override
    public boolean isRequest(Transaction t) {
        return switch (t.last().name()) {
            case "+QIOPEN", "+QSSLOPEN", "+QHTTPGET", "+QHTTPPOST", "+QHTTPREAD", "+QMTOPEN", "+QMTCONN", "+QIACT",
                    "+QFUPL" -> true;
            default -> false;
        };
    }

    @Override
    public String ends(Transaction t) {
        return t.last().name().equals("+QIDEACT") ? "pdp-deactivated" : null;
    }

    @Override
    public void close(Verdict verdict) {
        if (pdpFailure != null) {
            verdict.decide(pdpFailureWhileUnregistered ? SessionOutcome.NOT_REGISTERED
                    : SessionOutcome.PDP_ACTIVATION_FAILED, verdict.failedWith(pdpFailure)
                    + (pdpFailureWhileUnregistered ? " while the module was not registered" : ""), pdpFailure);
        }
        pdpFailure = null;
        pdpFailureWhileUnregistered = false;
    }
}
