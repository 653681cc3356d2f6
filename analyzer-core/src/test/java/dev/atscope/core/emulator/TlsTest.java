package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.emulator.LoopbackHttpsServer.ClientAuth;
import dev.atscope.core.session.SessionOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given a real TLS server on 127.0.0.1, when the emulated module makes its HTTPS request with the
 * SSL context the host configured, then the handshake succeeds or fails as it would for a module,
 * and the module answers {@code OK} or {@code +CME ERROR: 3815}.
 */
class TlsTest {

    static final String HOST = "tls.test";
    static final byte[] PAGE = "<html>secret</html>".getBytes(StandardCharsets.US_ASCII);

    static final Pki.Issued ca = TestCertificates.CA;
    static final Pki.Issued otherCa = TestCertificates.OTHER_CA;
    static final Pki.Issued server = TestCertificates.SERVER;
    static final Pki.Issued expired = TestCertificates.EXPIRED_SERVER;
    static final Pki.Issued client = TestCertificates.CLIENT;

    static ModuleBench bench() {
        return new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST).withHost(HOST, "127.0.0.1"));
    }

    /** Uploads the CA, client certificate and key to RAM as in §3.1, activates, configures and GETs. */
    static List<String> get(ModuleBench b, LoopbackHttpsServer s, Pki.Issued trusted, String... config)
            throws Exception {
        assertThat(b.upload("AT+QSECWRITE=\"RAM:ca.pem\"," + trusted.certificatePem().length + ",100",
                trusted.certificatePem()).ok()).isTrue();
        assertThat(b.upload("AT+QSECWRITE=\"RAM:cc.pem\"," + client.certificatePem().length + ",100",
                client.certificatePem()).ok()).isTrue();
        assertThat(b.upload("AT+QSECWRITE=\"RAM:ck.pem\"," + client.keyPem().length + ",100", client.keyPem()).ok())
                .isTrue();
        b.activate();
        b.send("AT+QSSLCFG=\"https\",1");
        b.send("AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"");
        b.send("AT+QSSLCFG=\"clientcert\",0,\"RAM:cc.pem\"");
        b.send("AT+QSSLCFG=\"clientkey\",0,\"RAM:ck.pem\"");
        for (String c : config) {
            assertThat(b.answer(c)).as(c).containsExactly("OK");
        }
        b.url(s.url(HOST, "/page.html"));
        return b.answer("AT+QHTTPGET=60");
    }

    static LoopbackHttpsServer serve(Pki.Issued identity, List<String> protocols, ClientAuth auth) throws Exception {
        return LoopbackHttpsServer.https(identity, protocols, auth, ca.certificate(), PAGE);
    }

    @Test
    void noAuthenticationAsInSection33() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, otherCa, "AT+QSSLCFG=\"sslversion\",0,3", "AT+QSSLCFG=\"secllevel\",0,0",
                    "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"")).containsExactly("OK");
            assertThat(b.send("AT+QHTTPREAD=30").body()).isEqualTo(PAGE);
            assertThat(b.log).anyMatch(l -> l.contains("-> 200") && l.contains("TLSv1.2 TLS_RSA_WITH_AES"));
            assertThat(b.sessions()).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(SessionOutcome.OK));
        }
    }

    @Test
    void serverAuthenticationWithTheUploadedCa() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"secllevel\",0,1")).containsExactly("OK");
            assertThat(s.requests()).isEqualTo(1);
        }
    }

    @Test
    void unknownCaFailsTheHandshake() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, otherCa, "AT+QSSLCFG=\"secllevel\",0,1")).containsExactly("+CME ERROR: 3815");
            assertThat(s.requests()).isZero();
            assertThat(b.log).anyMatch(l -> l.contains("does not verify against the uploaded CA"));
            assertThat(b.sessions()).singleElement()
                    .satisfies(x -> assertThat(x.outcome()).isEqualTo(SessionOutcome.TLS_HANDSHAKE_FAILED));
        }
    }

    @Test
    void aServerThatOnlySpeaksTls13IsOutOfReach() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.3"), ClientAuth.NONE)) {
            // "support all" still stops at TLS 1.2 (§1.1)
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"sslversion\",0,4")).containsExactly("+CME ERROR: 3815");
            assertThat(b.sessions().get(0).outcome()).isEqualTo(SessionOutcome.TLS_HANDSHAKE_FAILED);
        }
    }

    @Test
    void theNotesTls11IsRefusedByATls12Server() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"sslversion\",0,2")).containsExactly("+CME ERROR: 3815");
            assertThat(b.log).anyMatch(l -> l.contains("TLSv1.1"));
        }
    }

    @Test
    void rc4OnlyFindsNoCommonSuite() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"ciphersuite\",0,\"0X0005\"")).containsExactly("+CME ERROR: 3815");
        }
    }

    @Test
    void oneListedSuiteIsTheOneNegotiated() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"ciphersuite\",0,\"0X002F\"")).containsExactly("OK");
            assertThat(b.log).anyMatch(l -> l.contains("TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA)"));
        }
    }

    @Test
    void aServerThatRequiresAClientCertificateGetsTheUploadedOne() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NEED)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"secllevel\",0,2")).containsExactly("OK");
            assertThat(s.requests()).isEqualTo(1);
        }
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NEED)) {
            // level 1 authenticates the server only: no client certificate is sent
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"secllevel\",0,1")).containsExactly("+CME ERROR: 3815");
            assertThat(s.requests()).isZero();
        }
    }

    @Test
    void anExpiredCertificateFailsUnlessRtcTimeIsIgnored() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(expired, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(get(b, s, ca, "AT+QSSLCFG=\"secllevel\",0,1")).containsExactly("+CME ERROR: 3815");
            assertThat(b.answer("AT+QSSLCFG=\"ignorertctime\",1")).containsExactly("OK");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("OK");
        }
    }

    @Test
    void httpsMustBeSwitchedOn() throws Exception {
        try (ModuleBench b = bench(); LoopbackHttpsServer s = serve(server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            get(b, s, ca);
            assertThat(b.answer("AT+QSSLCFG=\"https\",0")).containsExactly("OK");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3810");
        }
    }
}
