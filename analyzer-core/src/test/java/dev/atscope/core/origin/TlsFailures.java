package dev.atscope.core.origin;

import dev.atscope.core.emulator.LoopbackHttpsServer;
import dev.atscope.core.emulator.Pki;
import dev.atscope.core.index.FleetCorpus;
import dev.atscope.core.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recordings of a firmware whose HTTPS request failed in its handshake, made against the emulator
 * and a current server (TLS 1.2, a CA of its own) over real TLS on 127.0.0.1.
 */
public final class TlsFailures {

    /** The server's CA. */
    static final Pki.Issued CA = Pki.authority("config service CA");
    /** A CA that signed nothing the server presents. */
    static final Pki.Issued OTHER_CA = Pki.authority("an unrelated CA");
    private static final Pki.Issued SERVER = Pki.server(CA, FleetCorpus.HOST);

    /** The firmware's settings with TLS 1.0 (sslversion 1) in place of 1.2. */
    public static final List<String> TLS_1_0 = List.of("AT+QSSLCFG=\"sslversion\",0,1",
            "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "AT+QSSLCFG=\"https\",1");

    private TlsFailures() {}

    /** The firmware with TLS 1.0 against a server of today: {@code +CME ERROR: 3815}. */
    public static Trace wrongSslVersion() throws Exception {
        return record(CA, TLS_1_0);
    }

    /** The firmware that uploaded a CA that did not sign the server's certificate: {@code +CME ERROR: 3815}. */
    public static Trace unknownCa() throws Exception {
        return record(OTHER_CA, FleetCorpus.SERVER_AUTHENTICATION);
    }

    /** The firmware with these settings, uploading this CA. */
    static Trace record(Pki.Issued uploaded, List<String> settings) throws Exception {
        Path scratch = Files.createTempFile("atscope-tls-failure", ".csv");
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(SERVER, List.of("TLSv1.2", "TLSv1.3"),
                LoopbackHttpsServer.ClientAuth.NONE, null, "<p>config v8</p>".getBytes(StandardCharsets.US_ASCII))) {
            return FleetCorpus.session(null, server.url(FleetCorpus.HOST, "/v1/config"), uploaded, settings, scratch);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
