package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.Rule;
import dev.atscope.core.check.Severity;

/** The session rules of the Quectel GSM HTTPS application note (M66, M95, M10, M85); sections are the note's. */
public enum GsmHttpsRule implements Rule.Listed {
    /** See {@link Rule#summary()} of each constant. */
    HTTPS_CA_MISSING("https.ca-missing", Severity.ERROR, "2.2.1",
            "an HTTPS request with security level 1 or 2 and no CA certificate configured"),
    HTTPS_CLIENT_MISSING("https.client-missing", Severity.ERROR, "2.2.1",
            "an HTTPS request with security level 2 without client certificate and key"),
    HTTPS_CERT_NOT_UPLOADED("https.cert-not-uploaded", Severity.ERROR, "1.2, 2.2.2",
            "an HTTPS request relies on a RAM certificate or key not written since the restart the trace shows"
                    + " (RAM loses its files)"),
    HTTPS_NOT_ENABLED("https.not-enabled", Severity.ERROR, "2.2.1, 3.3",
            "an `https://` URL requested while `AT+QSSLCFG=\"https\",1` was not sent"),
    UPLOAD_EXISTS("upload.exists", Severity.ERROR, "2.2.2",
            "AT+QSECWRITE to a name already written (RAM: since the last restart) and not deleted"),
    UPLOAD_SIZE("upload.size", Severity.ERROR, "2.2.2",
            "the bytes sent differ from `<filesize>`, or the module's `<uploadsize>` from the bytes sent"),
    UPLOAD_CHECKSUM("upload.checksum", Severity.WARNING, "2.2.2",
            "the reported checksum differs from the captured bytes' (see below for how sure)"),
    UPLOAD_DAMAGED("upload.damaged", Severity.ERROR, "2.2.3",
            "`+QSECREAD: 0,...`: the stored file is damaged"),
    UPLOAD_READ_CHECKSUM("upload.read-checksum", Severity.WARNING, "2.2.3",
            "AT+QSECREAD's checksum of a file changed between two reads"),
    HTTP_URL_LENGTH("http.url-length", Severity.ERROR, "1.2",
            "the URL sent after AT+QHTTPURL is shorter or longer than the announced length"),
    HTTP_NO_PDP("http.no-pdp", Severity.ERROR, "1.2",
            "AT+QHTTPGET with no active PDP context (none activated, deactivated, or `+PDP DEACT`)"),
    HTTP_READ_WITHOUT_GET("http.read-without-get", Severity.ERROR, "1.2",
            "AT+QHTTPREAD with no successful AT+QHTTPGET since the URL was set"),
    PDP_ACTIVATION_FAILED("pdp.activation-failed", Severity.ERROR, "1.3.1",
            "AT+QIACT failed: which of the section's checks the trace shows done and which not"),
    PDP_LIMIT("pdp.limit", Severity.ERROR, "1.3.1",
            "more PDP contexts active (AT+QIACT, AT+CGACT) than the module keeps (3)"),
    PDP_RESTART_INTERVAL("pdp.restart-interval", Severity.WARNING, "1.3.1",
            "restarts after activation failures less than 10 minutes apart"),
    SECURITY_SSL3("security.ssl3", Severity.WARNING, "1.1, 2.2.1", "SSL 3.0 configured"),
    SECURITY_WEAK_CIPHER("security.weak-cipher", Severity.WARNING, "1.1, 2.2.1",
            "an RC4, MD5 or 3DES cipher suite configured"),
    SECURITY_NO_AUTH("security.no-auth", Severity.WARNING, "2.2.1",
            "an HTTPS request with security level 0: the server is not authenticated"),
    SECURITY_IGNORE_RTC("security.ignore-rtc", Severity.WARNING, "2.2.1",
            "certificates' validity dates ignored (`\"ignorertctime\",1`)");

    private final Rule rule;

    GsmHttpsRule(String id, Severity severity, String section, String summary) {
        this.rule = new Rule(id, severity, section, summary);
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
