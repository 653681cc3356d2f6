package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSL rules of 2.2.1: weak settings when they are made, and what an HTTPS request needs of the
 * SSL context it uses when it is made (a finding about a setting points at the setting).
 */
final class GsmSslRules {

    private final RuleContext context;
    private final GsmHttpsState state;
    /** Per SSL context: the version of its settings already reported, so that each configuration is judged once. */
    private final Map<String, Integer> reported = new HashMap<>();

    GsmSslRules(RuleContext context, GsmHttpsState state) {
        this.context = context;
        this.state = state;
    }

    /** AT+QSSLCFG: SSL 3.0, weak suites, ignored certificate dates. */
    void config(Transaction t, AtCommand c) {
        ProtocolRegistry registry = context.registry();
        var sub = registry.subcommand(c);
        if (sub.isEmpty() || t.outcome() != dev.atscope.core.decode.Outcome.OK) {
            return;
        }
        List<NamedParam> ps = registry.parameters(c);
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).name().equals(sub.get().name())) {
                value(t, c, sub.get().name(), ps.get(i), i);
            }
        }
    }

    private void value(Transaction t, AtCommand c, String name, NamedParam value, int index) {
        switch (name) {
            case "sslversion" -> {
                if (value.meaning() != null && value.meaning().startsWith("SSL 3")) {
                    context.report(GsmHttpsRule.SECURITY_SSL3.at("SSL 3.0 is broken (POODLE) and most servers"
                            + " refuse it; use 3 (TLS 1.2)", RuleContext.param(t, c, index)));
                }
            }
            case "ciphersuite" -> {
                Grammar.ParamSpec spec = context.registry().paramSpecs(c).get(index);
                List<String> weak = new ArrayList<>();
                for (String item : ProtocolRegistry.items(spec, value.value())) {
                    String suite = ProtocolRegistry.valueMeaning(spec, item);
                    // the suites' names say their algorithms (1.1, Table 2): RC4, MD5 and 3DES are broken
                    if (suite != null && (suite.contains("_RC4_") || suite.endsWith("_MD5") || suite.contains("_3DES_"))) {
                        weak.add(suite);
                    }
                }
                if (!weak.isEmpty()) {
                    context.report(GsmHttpsRule.SECURITY_WEAK_CIPHER.at(String.join(", ", weak)
                            + (weak.size() == 1 ? " is" : " are") + " weak (RC4, MD5 and 3DES are broken); use an AES"
                            + " suite", RuleContext.param(t, c, index)));
                }
            }
            case "ignorertctime" -> {
                if (value.value().equals("1")) {
                    context.report(GsmHttpsRule.SECURITY_IGNORE_RTC.at("ignoring the RTC time accepts expired and"
                            + " not-yet-valid certificates; set the clock instead", RuleContext.param(t, c, index)));
                }
            }
            default -> {
                // the rest is judged when a request uses it
            }
        }
    }

    /** An HTTPS request: HTTPS enabled, and the level, certificates and keys of the context it uses. */
    void request(Transaction t) {
        if (!state.https()) {
            return;
        }
        if (!state.httpsEnabled()) {
            context.report(GsmHttpsRule.HTTPS_NOT_ENABLED.at("the URL is https:// but HTTPS was not enabled: send"
                    + " AT+QSSLCFG=\"https\",1 first", Where.NONE.at(t)));
        }
        String index = state.httpsContext();
        GsmSslContexts.SslContext ctx = state.context(index);
        if (ctx == null || ctx.secllevel() == null || Integer.valueOf(ctx.version()).equals(reported.get(index))) {
            return;
        }
        reported.put(index, ctx.version());
        String level = ctx.secllevel().value();
        Where levelWhere = where(ctx.secllevel());
        switch (level) {
            case "0" -> context.report(GsmHttpsRule.SECURITY_NO_AUTH.at("HTTPS with security level 0 in SSL context "
                    + index + ": the server is not authenticated, so anyone on the path can pose as it; set level 1"
                    + " with a CA certificate", levelWhere));
            case "1", "2" -> {
                if (ctx.file("cacert") == null) {
                    context.report(GsmHttpsRule.HTTPS_CA_MISSING.at("security level " + level + " in SSL context "
                            + index + " needs a CA certificate, and none was configured: send AT+QSSLCFG=\"cacert\","
                            + index + ",\"RAM:...\"", levelWhere));
                }
                notUploaded(ctx, "cacert", "CA certificate");
                if (level.equals("2")) {
                    notUploaded(ctx, "clientcert", "client certificate");
                    notUploaded(ctx, "clientkey", "client key");
                    clientMissing(ctx, index, levelWhere);
                }
            }
            default -> {
                // not a level the grammar knows: the validator said so
            }
        }
    }

    private void clientMissing(GsmSslContexts.SslContext ctx, String index, Where levelWhere) {
        boolean cert = ctx.file("clientcert") != null;
        boolean key = ctx.file("clientkey") != null;
        if (!cert || !key) {
            String missing = !cert && !key ? "a client certificate and key" : !cert ? "a client certificate"
                    : "a client key";
            context.report(GsmHttpsRule.HTTPS_CLIENT_MISSING.at("security level 2 in SSL context " + index + " needs "
                    + missing + ", and none was configured (AT+QSSLCFG=\"clientcert\" and \"clientkey\")", levelWhere));
        }
    }

    /**
     * A configured file in a storage that a restart empties (RAM), not written since the restart
     * this trace shows: the module has no such file. Before any restart the trace cannot know.
     */
    private void notUploaded(GsmSslContexts.SslContext ctx, String role, String what) {
        Setting file = ctx.file(role);
        if (file == null || !state.restartSeen()) {
            return;
        }
        String key = GsmHttpsState.fileKey(file.value());
        int colon = key.indexOf(':');
        if (colon <= 0 || context.registry().storage(key.substring(0, colon)).isEmpty() || state.keptAtRestart(key)
                || state.written(key)) {
            return;
        }
        context.report(GsmHttpsRule.HTTPS_CERT_NOT_UPLOADED.at("the " + what + " " + key + " was configured but not"
                + " written with AT+QSECWRITE since the module restarted, and " + key.substring(0, colon)
                + " loses its files at a restart: the module has no such file", where(file)));
    }

    private static Where where(Setting s) {
        return RuleContext.param(s.t(), s.command(), s.param());
    }
}
