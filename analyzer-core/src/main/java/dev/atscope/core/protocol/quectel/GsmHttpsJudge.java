package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ErrorClass;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import dev.atscope.core.session.Verdict;
import java.util.List;
import java.util.Set;

/**
 * How an M-series session ends, from its HTTP requests, PDP activations and uploads. The error
 * codes are read by their class in the grammar (PROTOCOL-NOTES: the HTTP error codes of the Quectel
 * GSM HTTP manual), never by number.
 */
final class GsmHttpsJudge implements OutcomeJudge {

    /** The outcomes it names. */
    static final List<SessionOutcome> OUTCOMES = List.of(SessionOutcome.NOT_REGISTERED,
            SessionOutcome.PDP_ACTIVATION_FAILED, SessionOutcome.DNS_FAILED, SessionOutcome.TLS_HANDSHAKE_FAILED,
            SessionOutcome.HTTP_ERROR, SessionOutcome.REQUEST_TIMEOUT, SessionOutcome.UPLOAD_CORRUPTED);

    /** Failures of a request that a missing data connection explains (not a restart, not a damaged upload). */
    private static final Set<SessionOutcome> REQUEST_FAILURES = Set.of(SessionOutcome.HTTP_ERROR,
            SessionOutcome.DNS_FAILED, SessionOutcome.TLS_HANDSHAKE_FAILED, SessionOutcome.REQUEST_TIMEOUT);

    private final JudgeContext context;
    private final GsmHttpsState state;
    private Transaction pdpFailure;
    private boolean pdpFailureWhileUnregistered;

    GsmHttpsJudge(JudgeContext context) {
        this.context = context;
        this.state = context.states().get(GsmHttpsState.class);
    }

    /**
     * Whether a failure's error is of the class a failed TLS handshake shows as on an https request
     * before any response (PROTOCOL-NOTES: the M-series has no TLS error codes).
     */
    static boolean handshakeClass(ProtocolRegistry registry, Transaction t) {
        ErrorClass c = registry.errorClass(t);
        return c == ErrorClass.TLS_OR_CONNECT || c == ErrorClass.TLS;
    }

    @Override
    public boolean transaction(Transaction t, Verdict verdict) {
        switch (t.last().name()) {
            case "+QIACT" -> {
                if (t.outcome() == Outcome.OK) {
                    pdpFailure = null;
                } else if (pdpFailure == null) {
                    pdpFailure = t;
                    pdpFailureWhileUnregistered = Boolean.FALSE.equals(state.network().registered())
                            || "0".equals(state.network().attach())
                            || context.registry().errorClass(t) == ErrorClass.REGISTRATION;
                }
                return true;
            }
            case "+QHTTPGET", "+QHTTPREAD", "+QHTTPPOST" -> {
                request(t, verdict);
                return true;
            }
            case "+QSECWRITE" -> {
                upload(t, verdict);
                return true;
            }
            case "+QSECREAD" -> {
                for (Event r : t.informationLines()) {
                    if (r.text().replace(" ", "").startsWith("+QSECREAD:0,")) {
                        verdict.decide(SessionOutcome.UPLOAD_CORRUPTED, "AT+QSECREAD reports the stored file damaged: "
                                + r.text(), t);
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public boolean isRequest(Transaction t) {
        return switch (t.last().name()) {
            case "+QHTTPGET", "+QHTTPREAD", "+QHTTPURL", "+QHTTPPOST", "+QIACT", "+QSECWRITE" -> true;
            default -> false;
        };
    }

    @Override
    public String ends(Transaction t) {
        List<AtCommand> commands = t.commands();
        for (int i = 0; i < commands.size(); i++) { // by index: no iterator for every transaction
            if (commands.get(i).name().equals("+QIDEACT")) {
                return "pdp-deactivated";
            }
        }
        return null;
    }

    private void request(Transaction t, Verdict verdict) {
        if (t.outcome() == Outcome.NO_RESPONSE) {
            verdict.decide(SessionOutcome.REQUEST_TIMEOUT, t.command().text() + " got no answer", t);
            return;
        }
        if (t.outcome() != Outcome.ERROR) {
            return;
        }
        ProtocolRegistry registry = context.registry();
        String what = verdict.failedWith(t) + (state.url() == null ? "" : " for " + state.url());
        boolean beforeResponse = !t.last().name().equals("+QHTTPREAD");
        ErrorClass errorClass = registry.errorClass(t);
        if (errorClass == ErrorClass.DNS) {
            verdict.decide(SessionOutcome.DNS_FAILED, what, t);
        } else if (handshakeClass(registry, t) && state.https() && beforeResponse) {
            verdict.decide(SessionOutcome.TLS_HANDSHAKE_FAILED, what, t);
        } else if (errorClass == ErrorClass.TIMEOUT) {
            verdict.decide(SessionOutcome.REQUEST_TIMEOUT, what, t);
        } else {
            verdict.decide(SessionOutcome.HTTP_ERROR, what, t);
        }
    }

    private void upload(Transaction t, Verdict verdict) {
        List<String> params = t.last().params();
        List<Event> payloads = t.payloads();
        if (params.size() < 2 || payloads.isEmpty() || t.outcome() != Outcome.OK) {
            return;
        }
        byte[] data = payloads.get(0).bytes();
        String announced = params.get(1).strip();
        if (!announced.equals(Integer.toString(data.length))) {
            verdict.decide(SessionOutcome.UPLOAD_CORRUPTED, "AT+QSECWRITE announced " + announced + " bytes but "
                    + data.length + " were sent", t);
            return;
        }
        for (Event r : t.informationLines()) {
            List<String> p = AtArguments.split(r.text().substring(r.text().indexOf(':') + 1));
            if (r.text().startsWith("+QSECWRITE:") && p.size() >= 2) {
                if (!p.get(0).equals(Integer.toString(data.length))) {
                    verdict.decide(SessionOutcome.UPLOAD_CORRUPTED, "the module stored " + p.get(0) + " of "
                            + data.length + " bytes", t);
                } else if (!p.get(1).equalsIgnoreCase(UploadChecksum.hex(data))) {
                    verdict.decide(SessionOutcome.UPLOAD_CORRUPTED, "the module's checksum " + p.get(1)
                            + " differs from the captured bytes' " + UploadChecksum.hex(data), t);
                }
            }
        }
    }

    @Override
    public void close(Verdict verdict) {
        if (pdpFailure != null) {
            // an activation that never recovered is the cause of the request failures after it (3808
            // "network deactive" and the like): it decides even over a failure already recorded later
            if (REQUEST_FAILURES.contains(verdict.outcome()) && verdict.firstDeciding() > pdpFailure.id()) {
                verdict.retract();
            }
            verdict.decide(pdpFailureWhileUnregistered ? SessionOutcome.NOT_REGISTERED
                    : SessionOutcome.PDP_ACTIVATION_FAILED, pdpFailure.command().text() + " failed with "
                    + pdpFailure.resultText() + (pdpFailureWhileUnregistered
                            ? " while the module was not registered or attached" : ""), pdpFailure);
        }
        pdpFailure = null;
        pdpFailureWhileUnregistered = false;
    }
}
