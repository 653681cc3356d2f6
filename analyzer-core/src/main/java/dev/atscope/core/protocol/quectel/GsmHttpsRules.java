package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;

/** The session rules of the GSM HTTPS note, one trace's worth: each command to the rules of its section. */
final class GsmHttpsRules implements SessionRuleSet {

    private final RuleContext context;
    private final GsmHttpsState state;
    private final GsmSslRules ssl;
    private final GsmCertificateRules certificates;
    private final GsmPdpRules pdp;
    private final GsmHttpRules http;

    GsmHttpsRules(RuleContext context) {
        this.context = context;
        this.state = context.states().get(GsmHttpsState.class);
        this.ssl = new GsmSslRules(context, state);
        this.certificates = new GsmCertificateRules(context, state);
        this.pdp = new GsmPdpRules(context, state);
        this.http = new GsmHttpRules(context, state);
    }

    @Override
    public void event(Event e) {
        http.event(e);
        if (e.kind() == EventKind.URC && context.registry().urcKind(e.text()) == UrcKind.RESTART) {
            pdp.restarted(e);
        }
    }

    @Override
    public void transaction(Transaction t, boolean valid) {
        http.transactionSeen();
        for (AtCommand c : t.commands()) {
            switch (c.name()) {
                case "+QSSLCFG" -> {
                    if (valid && c.form() == CommandForm.WRITE) {
                        ssl.config(t, c);
                    }
                }
                case "+QSECWRITE" -> certificates.upload(t, c);
                case "+QSECREAD" -> certificates.read(t, c);
                case "+QIACT" -> pdp.activate(t, c);
                case "+CGACT" -> pdp.cgact(t, c);
                case "+QHTTPURL" -> http.url(t, c);
                case "+QHTTPGET" -> {
                    http.get(t);
                    ssl.request(t);
                }
                case "+QHTTPREAD" -> http.read(t);
                default -> {
                    // no rule of the note
                }
            }
        }
    }

    /** AT+QIACT's failure has its own finding, which walks the checklist. */
    @Override
    public boolean explainsFailure(Transaction t) {
        return t.last().name().equals("+QIACT");
    }

    /** PROTOCOL-NOTES: a failed TLS handshake shows up as an HTTP error of the connection's class on an https request. */
    @Override
    public String errorHint(Transaction t, int code) {
        if (state.https() && t.last().name().equals("+QHTTPGET") && GsmHttpsJudge.handshakeClass(context.registry(), t)) {
            return "; with an https:// URL this usually means the TLS handshake failed (check the SSL version,"
                    + " cipher suites, certificates and the module's clock)";
        }
        return "";
    }
}
