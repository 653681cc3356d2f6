package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What AT+QSSLCFG sets (§2.2.1): six SSL contexts and the settings shared by all of them (HTTPS on
 * or off, the context HTTPS uses, whether certificate dates are checked, the SMTP style). A restart
 * forgets them all. The emulated module answers AT+QSSLCFG with it, and {@link ObservedSettings}
 * follows a recording's host setting it.
 */
final class SslSettings {

    private final CipherSuites suites;
    /** §2.2.1: the SSL contexts, as many as the grammar's range of {@code <ctxindex>} numbers (6). */
    private final Context[] contexts;
    private boolean ignoreRtc;
    private boolean httpsEnabled;
    private int httpsCtx = -1;
    private int smtpStyle;
    private int smtpsCtx = -1;

    /** One SSL context's settings (§2.2.1). */
    private static final class Context {
        SslVersion version = SslVersion.ALL;
        List<Integer> suites = List.of(CipherSuites.ALL);
        SecurityLevel level = SecurityLevel.NONE;
        String caCert = "";
        String clientCert = "";
        String clientKey = "";
    }

    /** The settings after a restart, with the grammar's cipher-suite table and number of contexts. */
    SslSettings(CipherSuites suites, int contextCount) {
        this.suites = suites;
        this.contexts = new Context[contextCount];
        for (int i = 0; i < contextCount; i++) {
            contexts[i] = new Context();
        }
    }

    /** Whether {@code AT+QSSLCFG="https",1} is in effect. */
    boolean httpsEnabled() {
        return httpsEnabled;
    }

    /**
     * Carries out the read or write form of an AT+QSSLCFG.
     *
     * @param info receives the information lines of a read
     * @param log receives why a command is refused, when the reason is worth a line
     * @return false when the module answers {@code ERROR}
     * @throws NumberFormatException for a context or value that is not a number (also {@code ERROR})
     */
    boolean configure(AtCommand c, Consumer<String> info, Consumer<String> log) {
        List<String> p = c.params();
        String type = AtArguments.unquote(p.get(0)).toLowerCase(Locale.ROOT);
        switch (type) {
            case "ctxindex" -> {
                Context x = p.size() == 2 ? context(p.get(1)) : null;
                if (x == null) {
                    return false;
                }
                info.accept("+QSSLCFG: " + p.get(1).strip() + "," + x.version.code + "," + x.level.ordinal() + ",\""
                        + CipherSuites.format(x.suites) + "\",\"" + x.caCert + "\",\"" + x.clientCert + "\",\""
                        + x.clientKey + "\"");
                return true;
            }
            case "sslversion", "ciphersuite", "secllevel", "seclevel", "cacert", "clientcert", "clientkey" -> {
                Context x = p.size() >= 2 ? context(p.get(1)) : null;
                if (x == null) {
                    return false;
                }
                if (p.size() == 2) {
                    info.accept("+QSSLCFG: \"" + AtArguments.unquote(p.get(0)) + "\"," + contextValue(x, type));
                    return true;
                }
                return setContextValue(x, type, p.get(2));
            }
            case "ignorertctime", "https", "httpsctxi", "smtpstyle", "smtpsctxi" -> {
                if (p.size() == 1) {
                    info.accept("+QSSLCFG: \"" + AtArguments.unquote(p.get(0)) + "\"," + globalValue(type));
                    return true;
                }
                return p.size() == 2 && setGlobalValue(type, Integer.parseInt(p.get(1).strip()));
            }
            default -> {
                log.accept("AT+QSSLCFG has no type \"" + type + "\"");
                return false;
            }
        }
    }

    /**
     * What an HTTPS request takes from the context HTTPS uses, with the files it names as stored.
     *
     * @param rtc the module's clock
     */
    TlsSettings tls(CertificateStore store, CipherSuites names, Instant rtc) {
        // §3.3 never sets "httpsctxi" and configures context 0: unset (-1) means context 0
        Context x = contexts[httpsCtx < 0 ? 0 : httpsCtx];
        return new TlsSettings(x.version, x.suites, names.jdkNames(x.suites), x.level,
                store.data(x.caCert).orElse(null), store.data(x.clientCert).orElse(null),
                store.data(x.clientKey).orElse(null), ignoreRtc, rtc, x.caCert);
    }

    private Context context(String index) {
        int i = Integer.parseInt(index.strip());
        return i >= 0 && i < contexts.length ? contexts[i] : null;
    }

    private static String contextValue(Context x, String type) {
        return switch (type) {
            case "sslversion" -> Integer.toString(x.version.code);
            case "ciphersuite" -> "\"" + CipherSuites.format(x.suites) + "\"";
            case "secllevel", "seclevel" -> Integer.toString(x.level.ordinal());
            case "cacert" -> "\"" + x.caCert + "\"";
            case "clientcert" -> "\"" + x.clientCert + "\"";
            default -> "\"" + x.clientKey + "\"";
        };
    }

    private boolean setContextValue(Context x, String type, String raw) {
        String v = AtArguments.unquote(raw.strip());
        switch (type) {
            case "sslversion" -> {
                SslVersion s = SslVersion.of(Integer.parseInt(v));
                if (s == null) {
                    return false;
                }
                x.version = s;
            }
            case "ciphersuite" -> {
                List<Integer> codes = suites.parse(v);
                if (codes == null) {
                    return false;
                }
                x.suites = codes;
            }
            case "secllevel", "seclevel" -> {
                SecurityLevel s = SecurityLevel.of(Integer.parseInt(v));
                if (s == null) {
                    return false;
                }
                x.level = s;
            }
            case "cacert" -> x.caCert = v;
            case "clientcert" -> x.clientCert = v;
            default -> x.clientKey = v;
        }
        return true;
    }

    private int globalValue(String type) {
        return switch (type) {
            case "ignorertctime" -> ignoreRtc ? 1 : 0;
            case "https" -> httpsEnabled ? 1 : 0;
            case "httpsctxi" -> httpsCtx;
            case "smtpstyle" -> smtpStyle;
            default -> smtpsCtx;
        };
    }

    private boolean setGlobalValue(String type, int v) {
        switch (type) {
            case "ignorertctime", "https" -> {
                if (v != 0 && v != 1) {
                    return false;
                }
                if (type.equals("https")) {
                    httpsEnabled = v == 1;
                } else {
                    ignoreRtc = v == 1;
                }
            }
            case "smtpstyle" -> {
                if (v < 0 || v > 2) { // without SSL, SSL, STARTTLS (§2.2.1)
                    return false;
                }
                smtpStyle = v;
            }
            default -> {
                if (v < 0 || v >= contexts.length) {
                    return false;
                }
                if (type.equals("httpsctxi")) {
                    httpsCtx = v;
                } else {
                    smtpsCtx = v;
                }
            }
        }
        return true;
    }
}
