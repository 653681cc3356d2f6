package dev.atscope.core.session;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits a decoded trace into sessions and gives each its outcome, as the decoder's items stream
 * past: nothing proportional to the trace is kept. A session ends at a module restart or power
 * down (the transaction that the restart interrupted still belongs to it), after a successful
 * AT+QIDEACT (the end of a PDP context's life), or at a recording gap.
 *
 * <p>The outcome comes from transactions and error codes only (PROTOCOL-NOTES: the HTTP error
 * codes of the Quectel GSM HTTP manual): the first failure of the most serious kind decides.
 */
public final class SessionTracker {

    private final ProtocolRegistry registry;
    private final Consumer<SessionSummary> sink;

    private int index = 1;
    private long start = -1;
    private long end;
    private long transactions;
    private long failed;
    private SessionOutcome outcome = SessionOutcome.OK;
    private String detail = "";
    private int errorCode = -1;
    private List<Long> deciding = new ArrayList<>();
    /** A restart or power-down was seen: the session closes at the next item that is not its victim. */
    private String closing;
    private long closingTime;

    // what the session has shown so far
    private Boolean registered;
    private Boolean attached;
    private Transaction pdpFailure;
    private boolean pdpFailureWhileUnregistered;
    private String url = "";

    public SessionTracker(ProtocolRegistry registry, Consumer<SessionSummary> sink) {
        this.registry = registry;
        this.sink = sink;
    }

    /** Feeds one decoded item. */
    public void accept(Decoded d) {
        if (d instanceof Transaction t) {
            if (closing != null && !(t.outcome() == Outcome.INTERRUPTED && t.startMicros() <= closingTime)) {
                close(closing);
            }
            transaction(t);
            if (t.outcome() == Outcome.OK && t.commands().stream().anyMatch(c -> c.name().equals("+QIDEACT"))) {
                close("pdp-deactivated");
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
        if (e.kind() == EventKind.URC) {
            UrcKind kind = registry.urcKind(e.text());
            if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
                if (closing == null && (transactions > 0 || start >= 0)) {
                    closing = kind == UrcKind.RESTART ? "restart" : "power-down";
                    closingTime = e.startMicros();
                }
                touch(e.startMicros(), e.endMicros(), closing == null);
                return;
            }
            if (closing != null) {
                close(closing);
            }
        }
        touch(e.startMicros(), e.endMicros(), true);
    }

    /** The number of the session that items fed now belong to. */
    public int currentIndex() {
        return index;
    }

    /** The end of the trace: the last session is closed. */
    public void finish() {
        if (transactions > 0 || start >= 0) {
            close(closing != null ? closing : "end of trace");
        }
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
        AtCommand c = t.last();
        String name = c.name();
        switch (name) {
            case "+CGREG", "+CREG" -> {
                for (Event r : t.informationLines()) {
                    List<String> p = AtArguments.split(r.text().substring(r.text().indexOf(':') + 1));
                    if (p.size() >= 2) {
                        registered = p.get(1).equals("1") || p.get(1).equals("5");
                    }
                }
            }
            case "+CGATT" -> {
                for (Event r : t.informationLines()) {
                    attached = !r.text().endsWith("0");
                }
            }
            case "+QHTTPURL" -> t.payloads().stream().findFirst().ifPresent(p -> url = p.text().strip());
            default -> {
                // the rest is judged below
            }
        }
        if (t.outcome() == Outcome.INTERRUPTED && isRequest(name)) {
            decide(SessionOutcome.RESET_DURING_REQUEST, "the module restarted during " + t.command().text(), t);
            return;
        }
        switch (name) {
            case "+QIACT" -> {
                if (t.outcome() == Outcome.OK) {
                    pdpFailure = null;
                } else if (pdpFailure == null) {
                    pdpFailure = t;
                    pdpFailureWhileUnregistered = Boolean.FALSE.equals(registered) || Boolean.FALSE.equals(attached)
                            || code(t) == 30;
                }
            }
            case "+QHTTPGET", "+QHTTPREAD", "+QHTTPPOST" -> request(t);
            case "+QSECWRITE" -> upload(t);
            case "+QSECREAD" -> {
                for (Event r : t.informationLines()) {
                    if (r.text().replace(" ", "").startsWith("+QSECREAD:0,")) {
                        decide(SessionOutcome.UPLOAD_CORRUPTED, "AT+QSECREAD reports the stored file damaged: "
                                + r.text(), t);
                    }
                }
            }
            default -> {
                if (t.outcome() == Outcome.NO_RESPONSE) {
                    decide(SessionOutcome.NO_RESPONSE, t.command().text() + " got no answer", t);
                } else if (t.outcome() == Outcome.ERROR) {
                    decide(SessionOutcome.UNKNOWN, t.command().text() + " failed: " + t.resultText(), t);
                }
            }
        }
    }

    private void request(Transaction t) {
        if (t.outcome() == Outcome.NO_RESPONSE) {
            decide(SessionOutcome.REQUEST_TIMEOUT, t.command().text() + " got no answer", t);
            return;
        }
        if (t.outcome() != Outcome.ERROR) {
            return;
        }
        int code = code(t);
        String what = errorText(t, code) + (url.isEmpty() ? "" : " for " + url);
        boolean https = url.toLowerCase(Locale.ROOT).startsWith("https:");
        boolean beforeResponse = !t.last().name().equals("+QHTTPREAD");
        if (code == 3813) {
            decide(SessionOutcome.DNS_FAILED, what, t);
        } else if ((code == 3815 || code == 3822 || code == 3816 || code == 3817 || code == 3818) && https
                && beforeResponse) {
            decide(SessionOutcome.TLS_HANDSHAKE_FAILED, what, t);
        } else if (code == 3801 || code == 3821 || code == 3826 || code == 3827) {
            decide(SessionOutcome.REQUEST_TIMEOUT, what, t);
        } else {
            decide(SessionOutcome.HTTP_ERROR, what, t);
        }
    }

    private void upload(Transaction t) {
        List<String> params = t.last().params();
        List<Event> payloads = t.payloads();
        if (params.size() < 2 || payloads.isEmpty() || t.outcome() != Outcome.OK) {
            return;
        }
        byte[] data = payloads.get(0).bytes();
        String announced = params.get(1).strip();
        if (!announced.equals(Integer.toString(data.length))) {
            decide(SessionOutcome.UPLOAD_CORRUPTED, "AT+QSECWRITE announced " + announced + " bytes but "
                    + data.length + " were sent", t);
            return;
        }
        for (Event r : t.informationLines()) {
            List<String> p = AtArguments.split(r.text().substring(r.text().indexOf(':') + 1));
            if (r.text().startsWith("+QSECWRITE:") && p.size() >= 2) {
                if (!p.get(0).equals(Integer.toString(data.length))) {
                    decide(SessionOutcome.UPLOAD_CORRUPTED, "the module stored " + p.get(0) + " of " + data.length
                            + " bytes", t);
                } else if (!p.get(1).equalsIgnoreCase(UploadChecksum.hex(data))) {
                    decide(SessionOutcome.UPLOAD_CORRUPTED, "the module's checksum " + p.get(1)
                            + " differs from the captured bytes' " + UploadChecksum.hex(data), t);
                }
            }
        }
    }

    private int code(Transaction t) {
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        return code;
    }

    private String errorText(Transaction t, int code) {
        String meaning = code >= 0 ? registry.cmeMeaning(code) : null;
        return t.command().text() + " failed with " + t.resultText() + (meaning == null || t.resultText()
                .contains(meaning) ? "" : " (" + meaning + ")");
    }

    private static boolean isRequest(String name) {
        return switch (name) {
            case "+QHTTPGET", "+QHTTPREAD", "+QHTTPURL", "+QHTTPPOST", "+QIACT", "+QSECWRITE" -> true;
            default -> false;
        };
    }

    private void decide(SessionOutcome o, String why, Transaction t) {
        if (o.rank() > outcome.rank()) {
            outcome = o;
            detail = why;
            errorCode = code(t);
            deciding = new ArrayList<>(List.of(t.id()));
        } else if (o == outcome && o != SessionOutcome.OK) {
            deciding.add(t.id());
        }
    }

    /** Failures of a request that a missing data connection explains (not a restart, not a damaged upload). */
    private static boolean isRequestFailure(SessionOutcome o) {
        return switch (o) {
            case HTTP_ERROR, DNS_FAILED, TLS_HANDSHAKE_FAILED, REQUEST_TIMEOUT -> true;
            default -> false;
        };
    }

    private void close(String endedBy) {
        if (pdpFailure != null) {
            // an activation that never recovered is the cause of the request failures after it (3808
            // "network deactive" and the like): it decides even over a failure already recorded later
            if (isRequestFailure(outcome) && !deciding.isEmpty() && deciding.get(0) > pdpFailure.id()) {
                outcome = SessionOutcome.OK;
                deciding = new ArrayList<>();
            }
            decide(pdpFailureWhileUnregistered ? SessionOutcome.NOT_REGISTERED : SessionOutcome.PDP_ACTIVATION_FAILED,
                    pdpFailure.command().text() + " failed with " + pdpFailure.resultText()
                            + (pdpFailureWhileUnregistered ? " while the module was not registered or attached" : ""),
                    pdpFailure);
        }
        if (transactions > 0 || start >= 0) {
            sink.accept(new SessionSummary(index, Math.max(0, start), end, transactions, failed, outcome, detail,
                    errorCode, deciding, endedBy));
            index++;
        }
        // after a restart the next session begins with the restart's URC
        start = closing != null ? closingTime : -1;
        end = 0;
        transactions = 0;
        failed = 0;
        outcome = SessionOutcome.OK;
        detail = "";
        errorCode = -1;
        deciding = new ArrayList<>();
        closing = null;
        registered = null;
        attached = null;
        pdpFailure = null;
        url = "";
    }
}
