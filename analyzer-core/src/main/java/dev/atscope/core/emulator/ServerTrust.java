package dev.atscope.core.emulator;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the module's TLS client judges the server's certificate, by security level: not at all
 * (level 0), against the uploaded CA at the module's clock (levels 1 and 2), never (no CA stored,
 * or the fault "TLS handshake failure").
 */
final class ServerTrust {

    private ServerTrust() {}

    /** How the module judges the server under the SSL context's settings (§2.2.1). */
    static TrustManager of(TlsSettings tls, Network network) throws IOException {
        if (tls.level() == SecurityLevel.NONE) {
            return new AnyServer();
        }
        if (tls.caPem() == null) {
            // the handshake still happens: the server's certificate arrives and cannot be verified
            return new NoCa("server authentication is on (secllevel " + tls.level().ordinal()
                    + ") but no CA certificate is configured and stored");
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (X509Certificate c : PemDecoder.certificates(tls.caPem())) {
            cas.add(network.trustAnchor(c));
        }
        if (cas.isEmpty()) {
            return new NoCa("the CA certificate file holds no certificate");
        }
        return new CaServer(cas, tls.ignoreRtc(), tls.rtc());
    }

    /** The fault "TLS handshake failure": no server is trusted. */
    static TrustManager failing() {
        return new FailingServer();
    }

    /**
     * The module's side of a handshake: it only ever judges servers. The socket and engine variants
     * judge as the plain one does, and a client certificate is never asked of the module.
     */
    private abstract static class ServerJudge extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the module is a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("the module is a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("the module is a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Security level 0: the server is not authenticated (§2.2.1). */
    private static final class AnyServer extends ServerJudge {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // secllevel 0: no authentication
        }
    }

    /** Server authentication without a CA to authenticate against: no server is trusted. */
    private static final class NoCa extends ServerJudge {
        private final String why;

        NoCa(String why) {
            this.why = why;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(why);
        }
    }

    /** The fault "TLS handshake failure": no server is trusted. */
    private static final class FailingServer extends ServerJudge {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the handshake is made to fail (fault profile)");
        }
    }

    /**
     * Security levels 1 and 2: the server's chain must lead to the uploaded CA certificate, valid at
     * the module's RTC time unless "ignorertctime" is set, in which case the check is made at a moment
     * inside the server certificate's validity.
     */
    private static final class CaServer extends ServerJudge {
        private final List<X509Certificate> cas;
        private final boolean ignoreRtc;
        private final java.time.Instant rtc;

        CaServer(List<X509Certificate> cas, boolean ignoreRtc, java.time.Instant rtc) {
            this.cas = cas;
            this.ignoreRtc = ignoreRtc;
            this.rtc = rtc;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                Set<TrustAnchor> anchors = new HashSet<>();
                for (X509Certificate ca : cas) {
                    anchors.add(new TrustAnchor(ca, null));
                }
                List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
                // a server that sends the root as well: the anchor itself is not part of the path
                path.removeIf(c -> cas.stream().anyMatch(ca -> ca.equals(c)));
                PKIXParameters params = new PKIXParameters(anchors);
                params.setRevocationEnabled(false);
                params.setDate(ignoreRtc ? chain[0].getNotBefore() : Date.from(rtc));
                CertPathValidator.getInstance("PKIX")
                        .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the server's certificate does not verify against the uploaded CA"
                        + (ignoreRtc ? "" : " at the module's time " + rtc) + ": " + e.getMessage(), e);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return cas.toArray(X509Certificate[]::new);
        }
    }
}
