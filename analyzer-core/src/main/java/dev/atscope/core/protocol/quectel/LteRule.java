package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.Rule;
import dev.atscope.core.check.Severity;

/** The session rules of the Quectel LTE modules; sections are those of the BG96 notes the grammar names. */
public enum LteRule implements Rule.Listed {
    /** See {@link Rule#summary()} of each constant. */
    SSL_CONTEXT_MISMATCH("ssl.context-mismatch", Severity.ERROR, "BG96 SSL V1.0 2.1.1",
            "a connection (AT+QSSLOPEN, HTTPS, MQTT over TLS) uses an SSL context that AT+QSSLCFG never configured,"
                    + " while it configured another one"),
    SSL_CA_NOT_UPLOADED("ssl.ca-not-uploaded", Severity.ERROR, "BG96 FILE V1.0 2.4, BG96 SSL V1.0 2.1.1",
            "a connection relies on a CA certificate path that the trace shows is not on the module (deleted, or"
                    + " absent from AT+QFLST) and that AT+QFUPL did not upload since"),
    HTTPS_NO_SSL_CONTEXT("https.no-ssl-context", Severity.WARNING, "BG96 HTTP(S) V1.0, AT+QHTTPCFG",
            "an `https://` request while no SSL context was configured: the module's defaults apply, and they do"
                    + " not authenticate the server"),
    PDP_BEFORE_REGISTRATION("pdp.before-registration", Severity.WARNING, "BG96 TCP/IP AN V1.2 2.2.2",
            "AT+QIACT sent while the last registration reports (+CREG, +CGREG, +CEREG) said the module was not"
                    + " registered");

    private final Rule rule;

    LteRule(String id, Severity severity, String section, String summary) {
        this.rule = new Rule(id, severity, section, summary);
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
