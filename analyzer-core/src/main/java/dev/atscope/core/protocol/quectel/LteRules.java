package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.basic.NetworkState;
import java.util.HashSet;
import java.util.Set;

/**
 * The session rules of the Quectel LTE modules over one trace: which SSL context a connection
 * uses and whether its CA certificate is there, HTTPS without SSL settings, a PDP context opened
 * before registration. The results of AT+QMTOPEN and AT+QMTCONN (and every other completion) are
 * explained by the checker's {@code result.completion} from the grammar's tables.
 */
final class LteRules implements SessionRuleSet {

    /**
     * The SSL context HTTPS uses when AT+QHTTPCFG="sslctxid" never set one (BG96 HTTP(S) V1.0,
     * AT+QHTTPCFG: the default of {@code <sslctxID>} is 1).
     */
    private static final String DEFAULT_HTTP_SSL_CONTEXT = "1";

    private final RuleContext context;
    private final LteState state;
    /** The configurations already judged (a context, its version, the contexts configured), so that each is judged once. */
    private final Set<String> judged = new HashSet<>();

    LteRules(RuleContext context) {
        this.context = context;
        this.state = context.states().get(LteState.class);
    }

    @Override
    public void transaction(Transaction t, boolean valid) {
        for (AtCommand c : t.commands()) {
            if (c.form() != CommandForm.WRITE && c.form() != CommandForm.EXECUTE) {
                continue;
            }
            switch (c.name()) {
                case "+QSSLOPEN" -> {
                    String ctx = state.param(c, "sslctxID");
                    if (ctx != null) {
                        uses(ctx, t, RuleContext.param(t, c, 1), "AT+QSSLOPEN");
                    }
                }
                case "+QHTTPGET", "+QHTTPPOST" -> https(t);
                case "+QMTOPEN" -> {
                    String client = state.param(c, "client_idx");
                    Setting ssl = client == null ? null : state.mqttSsl(client);
                    if (ssl != null) {
                        uses(ssl.value(), t, RuleContext.param(ssl.t(), ssl.command(), ssl.param()), "MQTT client "
                                + client);
                    }
                }
                case "+QIACT" -> activation(t, c);
                default -> {
                    // no rule of the notes
                }
            }
        }
    }

    /** An HTTPS request: the SSL context it uses, or none configured at all. */
    private void https(Transaction t) {
        if (!state.https()) {
            return;
        }
        Setting chosen = state.httpSslContext();
        if (chosen == null && state.sslConfigured().isEmpty()) {
            context.report(LteRule.HTTPS_NO_SSL_CONTEXT.at(t.command().text() + " requests " + state.url()
                    + " but no SSL context was configured: HTTPS runs on SSL context " + DEFAULT_HTTP_SSL_CONTEXT
                    + " with the module's defaults, which do not authenticate the server; configure one with"
                    + " AT+QSSLCFG and name it with AT+QHTTPCFG=\"sslctxid\"", Where.NONE.at(t)));
            return;
        }
        String ctx = chosen == null ? DEFAULT_HTTP_SSL_CONTEXT : chosen.value();
        Where where = chosen == null ? Where.NONE.at(t) : RuleContext.param(chosen.t(), chosen.command(), chosen.param());
        uses(ctx, t, where, "HTTPS");
    }

    /** A connection uses an SSL context: it must be the one configured, and its CA certificate must be there. */
    private void uses(String ctx, Transaction t, Where where, String who) {
        Set<String> configured = state.sslConfigured();
        if (judged.size() >= LteState.MAX_ENTRIES || !judged.add(ctx + "/" + state.sslVersion(ctx) + "/" + configured)) {
            return;
        }
        if (!state.sslConfigured(ctx) && !configured.isEmpty()) {
            context.report(LteRule.SSL_CONTEXT_MISMATCH.at(who + " uses SSL context " + ctx + " (" + t.command().text()
                    + "), but AT+QSSLCFG configured context " + String.join(", ", configured) + ": the connection"
                    + " runs on context " + ctx + "'s defaults, without the certificates and settings meant for it",
                    where));
            return;
        }
        Setting ca = state.ssl(ctx, "cacert");
        if (ca != null && state.knownMissing(ca.value())) {
            context.report(LteRule.SSL_CA_NOT_UPLOADED.at("SSL context " + ctx + " names the CA certificate "
                    + state.fileKey(ca.value()) + ", which the trace shows is not on the module (deleted, or not"
                    + " listed by AT+QFLST) and AT+QFUPL did not upload since; " + t.command().text() + " cannot"
                    + " verify the server", RuleContext.param(ca.t(), ca.command(), ca.param())));
        }
    }

    /** AT+QIACT=n while the registration reports say not registered. */
    private void activation(Transaction t, AtCommand c) {
        NetworkState network = state.network();
        if (c.form() != CommandForm.WRITE || !Boolean.FALSE.equals(network.registeredAnywhere())) {
            return;
        }
        NetworkState.Registration r = network.lastRegistration();
        context.report(LteRule.PDP_BEFORE_REGISTRATION.at(t.command().text() + " opens a PDP context while the last"
                + " registration report said " + r.line().strip() + (r.meaning() == null ? "" : " (" + r.meaning() + ")")
                + ": wait for registration (+CEREG: 1 or 5, or poll AT+CEREG?) before activating", Where.NONE.at(t)));
    }
}
