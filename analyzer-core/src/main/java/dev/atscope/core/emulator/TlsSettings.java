package dev.atscope.core.emulator;

import java.time.Instant;
import java.util.List;

/**
 * What one HTTPS request takes from its SSL context (§2.2.1): the settings and the files they name,
 * as stored.
 *
 * @param version the protocols offered
 * @param suites the cipher-suite codes offered
 * @param suiteNames the names a JDK may know those suites by ({@link CipherSuites#jdkNames})
 * @param level who authenticates whom
 * @param caPem the CA certificate file, or null when none is configured or stored
 * @param clientCertPem the client certificate file, or null
 * @param clientKeyPem the client key file, or null
 * @param ignoreRtc whether certificate validity dates are ignored
 * @param rtc the module's clock, against which validity is checked otherwise
 * @param caName the CA certificate file the context names ({@code RAM:ca.pem}), empty when none
 */
public record TlsSettings(SslVersion version, List<Integer> suites, List<String> suiteNames, SecurityLevel level,
        byte[] caPem, byte[] clientCertPem, byte[] clientKeyPem, boolean ignoreRtc, Instant rtc, String caName) {}
