package dev.atscope.core.origin;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.emulator.CipherSuites;
import dev.atscope.core.emulator.ObservedSettings;
import dev.atscope.core.emulator.SecurityLevel;
import dev.atscope.core.emulator.SslVersion;
import dev.atscope.core.emulator.TlsSettings;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.trace.Direction;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the HTTP requests of a recording that reached the network (a PDP context was active, a URL
 * set, HTTPS switched on for an https one: otherwise the module refused them itself), each with the
 * SSL settings it was made with and the body read back after it, grouped by the origin they went to,
 * and judges each outcome: what the server answered, a failure the settings explain, or one that
 * only the network or the server explains.
 */
final class RecordedExchanges {

    /** What the recording shows of one origin (scheme, host and port) and the requests it got. */
    static final class Host {
        final String origin;
        final List<RecordedExchange> exchanges = new ArrayList<>();
        /** Versions a current server refuses that this one accepted in a recorded handshake. */
        final Set<SslVersion> legacyVersions = new HashSet<>();
        /** Suite lists a current server refuses that this one accepted in a recorded handshake. */
        final Set<List<Integer>> legacySuites = new HashSet<>();
        /** The CA certificate a recorded handshake verified this server with, or null. */
        X509Certificate provenCa;
        /** How the CA is known: the phrase the notes give. */
        String provenCaWhere;

        Host(String origin) {
            this.origin = origin;
        }
    }

    private RecordedExchanges() {}

    /** The recording's requests by origin, in the order the recording made them, judged. */
    static Map<String, Host> read(Recording recording, ProtocolRegistry registry) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        Reader reader = new Reader(registry);
        List<Transaction> ts = recording.transactions();
        List<Event> urcs = recording.urcs();
        int u = 0;
        for (int i = 0; i < ts.size(); i++) {
            Transaction t = ts.get(i);
            while (u < urcs.size() && urcs.get(u).startMicros() < t.startMicros()) {
                reader.urc(urcs.get(u++));
            }
            reader.transaction(i + 1, t);
        }
        for (RecordedExchange x : reader.out) {
            hosts.computeIfAbsent(x.origin(), Host::new).exchanges.add(x);
        }
        for (Host h : hosts.values()) {
            learn(h);
            h.exchanges.replaceAll(x -> x.judged(judge(x, h, registry)));
        }
        return hosts;
    }

    /** The walk through the recording: the module's state as far as requests depend on it. */
    private static final class Reader {
        private final ProtocolRegistry registry;
        private final ObservedSettings settings;
        private boolean pdpActive;
        private String url = "";
        /** The requests so far, in order. */
        final List<RecordedExchange> out = new ArrayList<>();

        Reader(ProtocolRegistry registry) {
            this.registry = registry;
            this.settings = new ObservedSettings(registry);
        }

        void urc(Event e) {
            UrcKind k = registry.urcKind(e.text());
            if (k == UrcKind.RESTART || k == UrcKind.POWER_DOWN) {
                restart();
            }
        }

        private void restart() {
            settings.restart();
            pdpActive = false;
            url = "";
        }

        /** Takes the next transaction. */
        void transaction(int index, Transaction t) {
            settings.apply(t);
            boolean ok = t.outcome() == Outcome.OK;
            for (AtCommand c : t.commands()) {
                List<String> p = c.params();
                // a write form may come with no parameter at all (AT+CGATT=)
                String first = p.isEmpty() ? "" : p.get(0).strip();
                switch (c.name()) {
                    case "+QIACT" -> pdpActive |= ok && c.form() == CommandForm.EXECUTE;
                    case "+QIDEACT" -> pdpActive &= !ok;
                    case "+CGATT" -> pdpActive &= !(ok && c.form() == CommandForm.WRITE && first.equals("0"));
                    case "+CFUN" -> {
                        if (ok && c.form() == CommandForm.WRITE) {
                            if (p.size() > 1 && p.get(1).strip().equals("1")) {
                                restart();
                            } else if (!first.isEmpty() && !first.equals("1")) {
                                pdpActive = false;
                            }
                        }
                    }
                    case "+QHTTPURL" -> {
                        byte[] data = payload(t, Direction.HOST_TO_MODULE);
                        if (ok && c.form() == CommandForm.WRITE && data != null) {
                            url = new String(data, StandardCharsets.ISO_8859_1).strip();
                        }
                    }
                    case "+QHTTPGET" -> request(index, t, "GET");
                    case "+QHTTPPOST" -> {
                        byte[] data = payload(t, Direction.HOST_TO_MODULE);
                        // an upload cut short fails in the module (input timeout), not on the network
                        if (c.form() == CommandForm.WRITE && data != null
                                && first.matches("[0-9]{1,9}") && Integer.parseInt(first) == data.length) {
                            request(index, t, "POST");
                        }
                    }
                    case "+QHTTPREAD" -> {
                        // the module hands a response out once: the first read after the request takes it
                        byte[] body = payload(t, Direction.MODULE_TO_HOST);
                        int lastAt = out.size() - 1;
                        if (ok && body != null && lastAt >= 0 && out.get(lastAt).ok() && out.get(lastAt).body() == null) {
                            out.set(lastAt, out.get(lastAt).withBody(body));
                        }
                    }
                    default -> {
                        // nothing a request depends on
                    }
                }
            }
        }

        private void request(int index, Transaction t, String method) {
            if (!pdpActive || url.isEmpty() || t.outcome() != Outcome.OK && t.outcome() != Outcome.ERROR) {
                return;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean https = scheme.equals("https");
            if (uri.getHost() == null || !https && !scheme.equals("http") || https && !settings.httpsEnabled()) {
                return;
            }
            int code = 0;
            if (t.outcome() == Outcome.ERROR) {
                code = t.errorCode();
                if (code < 0 && t.errorDetail() != null) {
                    code = registry.cmeCodeOf(t.errorDetail()); // AT+CMEE=2 gives the text
                }
            }
            out.add(new RecordedExchange(index, method, uri, https ? settings.tls(Instant.now()) : null, code, null,
                    null));
        }
    }

    private static byte[] payload(Transaction t, Direction d) {
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD && e.direction() == d) {
                return e.bytes();
            }
        }
        return null;
    }

    /** What the successful handshakes show the server accepting. */
    private static void learn(Host h) {
        for (RecordedExchange x : h.exchanges) {
            if (!x.ok() || x.tls() == null) {
                continue;
            }
            if (!CurrentServer.speaksAnyOf(x.tls())) {
                h.legacyVersions.add(x.tls().version());
            }
            if (!CurrentServer.acceptsAnyOf(x.tls())) {
                h.legacySuites.add(x.tls().suites());
            }
            X509Certificate ca = firstCertificate(x.tls().caPem());
            if (x.tls().level() != SecurityLevel.NONE && ca != null && h.provenCa == null) {
                h.provenCa = ca;
                h.provenCaWhere = "the CA " + x.tls().caName() + " verified it with at transaction " + x.index();
            }
        }
        if (h.provenCa != null) {
            return;
        }
        // a handshake that failed on its protocol or suites never got to the certificate: the recording
        // cannot tell whether the uploaded CA is the right one, and a what-if replay needs it to be
        for (RecordedExchange x : h.exchanges) {
            X509Certificate ca = x.tls() == null ? null : firstCertificate(x.tls().caPem());
            if (!x.ok() && ca != null && x.tls().level() != SecurityLevel.NONE
                    && (!CurrentServer.speaksAnyOf(x.tls()) || !CurrentServer.acceptsAnyOf(x.tls()))) {
                h.provenCa = ca;
                h.provenCaWhere = "the CA " + x.tls().caName() + " names, assumed right: the handshake at transaction "
                        + x.index() + " failed before any certificate was checked";
                return;
            }
        }
    }

    private static RecordedExchange.Verdict judge(RecordedExchange x, Host h, ProtocolRegistry registry) {
        if (x.ok()) {
            return new RecordedExchange.Verdict(RecordedExchange.Kind.ANSWERED, "the server answered", false);
        }
        // what the recorded code means: the situations the grammar's error table names for it
        Grammar.ErrorSpec error = x.code() < 0 ? null : registry.cmeError(x.code()).orElse(null);
        boolean handshakeLike = x.code() < 0 || error != null && error.answers("handshake-failed");
        if (x.tls() != null && handshakeLike) {
            RecordedExchange.Verdict v = explain(x.tls(), h);
            if (v != null) {
                return v;
            }
        }
        if (error != null && error.answers("error-status")) {
            return new RecordedExchange.Verdict(RecordedExchange.Kind.SERVER_ERROR, "the server answered with an error"
                    + " status, which the module does not report; the stand-in answers 500", true);
        }
        String what = error != null && error.answers("name-not-resolved") ? "the name did not resolve"
                : x.tls() != null && handshakeLike ? "the connection or the handshake failed with settings that a"
                        + " current server accepts" : "the network or the server failed the request";
        return new RecordedExchange.Verdict(RecordedExchange.Kind.REPRODUCED, what, false);
    }

    /** Why a handshake with these settings fails against a current server, or null when nothing says it must. */
    private static RecordedExchange.Verdict explain(TlsSettings tls, Host h) {
        if (!CurrentServer.speaksAnyOf(tls) && !h.legacyVersions.contains(tls.version())) {
            return explained("it offers only " + versions(tls.version()) + ", which current servers refuse (they speak"
                    + " TLS 1.2 and 1.3)", false);
        }
        if (!CurrentServer.acceptsAnyOf(tls) && !h.legacySuites.contains(tls.suites())) {
            return explained("it offers only the cipher suites " + CipherSuites.format(tls.suites())
                    + ", which current servers refuse", false);
        }
        if (tls.level() == SecurityLevel.NONE) {
            return null;
        }
        String level = "server authentication (secllevel " + tls.level().ordinal() + ")";
        X509Certificate ca = firstCertificate(tls.caPem());
        if (ca == null) {
            return explained(level + " with no CA certificate: " + (tls.caName().isEmpty() ? "none configured"
                    : tls.caName() + " holds none (not uploaded, or lost at a restart)"), false);
        }
        if (!ca.equals(h.provenCa)) {
            return explained(level + " against " + tls.caName() + " (" + ca.getSubjectX500Principal().getName()
                    + "), which no recorded handshake with " + h.origin + " verified: the server's certificate is taken"
                    + " not to come from it", true);
        }
        return null;
    }

    private static RecordedExchange.Verdict explained(String why, boolean assumed) {
        return new RecordedExchange.Verdict(RecordedExchange.Kind.EXPLAINED, why, assumed);
    }

    /** {@code TLS 1.1 (sslversion 2)}. */
    static String versions(SslVersion v) {
        List<String> names = new ArrayList<>();
        for (String p : v.protocols()) {
            names.add(switch (p) {
                case "SSLv3" -> "SSL 3.0";
                case "TLSv1" -> "TLS 1.0";
                default -> p.replace("TLSv", "TLS ");
            });
        }
        return String.join(", ", names) + " (sslversion " + v.code() + ")";
    }

    /** The first certificate of a PEM file, or null when it holds none. */
    static X509Certificate firstCertificate(byte[] pem) {
        if (pem == null) {
            return null;
        }
        try {
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                if (c instanceof X509Certificate x) {
                    return x;
                }
            }
        } catch (CertificateException e) {
            return null;
        }
        return null;
    }
}
