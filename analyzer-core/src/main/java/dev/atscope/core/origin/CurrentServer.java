package dev.atscope.core.origin;

import dev.atscope.core.emulator.TlsSettings;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a server of today accepts, as the stand-ins do: TLS 1.2 and 1.3 (RFC 8996 retired 1.0 and
 * 1.1) and the cipher suites this JDK enables by default (no RC4, no 3DES).
 */
final class CurrentServer {

    /** The protocols a stand-in speaks. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The suites a stand-in accepts, by JDK name. */
    static final Set<String> SUITES = defaultSuites();

    private CurrentServer() {}

    /** Whether a module with these settings offers a protocol a current server speaks. */
    static boolean speaksAnyOf(TlsSettings tls) {
        return tls.version().protocols().stream().anyMatch(PROTOCOLS::contains);
    }

    /** Whether a module with these settings offers a cipher suite a current server accepts. */
    static boolean acceptsAnyOf(TlsSettings tls) {
        return tls.suiteNames().stream().anyMatch(SUITES::contains);
    }

    private static Set<String> defaultSuites() {
        try {
            return Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has a default TLS context", e);
        }
    }
}
