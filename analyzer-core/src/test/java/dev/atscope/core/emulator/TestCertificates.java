package dev.atscope.core.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The certificates the tests share, made once per test run: RSA keys take seconds each on a busy
 * machine. The server certificate covers every name the tests resolve to 127.0.0.1.
 */
final class TestCertificates {

    static final Pki.Issued CA = Pki.authority("atscope test CA");
    static final Pki.Issued OTHER_CA = Pki.authority("some other CA");
    static final Pki.Issued SERVER = Pki.server(CA, "tls.test", "note.test", "server.test", "127.0.0.1");
    static final Pki.Issued EXPIRED_SERVER = Pki.server(CA, SERVER.keys(), Instant.now().minus(Duration.ofDays(30)),
            Instant.now().minus(Duration.ofDays(1)), "tls.test");
    static final Pki.Issued CLIENT = Pki.client(CA, "device-0001");

    private TestCertificates() {}
}
