package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.emulator.LoopbackHttpsServer.ClientAuth;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.SettingFacts;
import dev.atscope.core.protocol.basic.NetworkState;
import dev.atscope.core.protocol.quectel.GsmHttpsState;
import dev.atscope.core.protocol.quectel.GsmPdpContexts;
import dev.atscope.core.protocol.quectel.GsmSslContexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given a session against the emulated module (the note's procedures, a fault profile's bad day),
 * when the checker reads the trace recorded at the host's end, then the model of the module it
 * builds is the emulator's own, and the module's answers to every read command are what that
 * model says: the SSL contexts and shared settings, the foreground context and its bearer, how
 * registration is reported, which files exist; before and after a restart.
 */
@Timeout(60)
class ModelParityTest {

    private static final List<String> FILES = List.of("RAM:ca.pem", "RAM:cc.pem", "RAM:ck.pem", "NVRAM:CA0");
    private static final List<String> SHARED = List.of("https", "httpsctxi", "ignorertctime", "smtpstyle", "smtpsctxi");
    private static final String PASSWORD = "s3cret";

    @Test
    void theNotesProceduresAndARestart() throws Exception {
        try (ModuleBench b = TlsTest.bench();
                LoopbackHttpsServer s = TlsTest.serve(TlsTest.server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            b.send("AT+CMEE=1");
            NoteProceduresTest.uploads(b, "NVRAM:CA0");
            assertThat(TlsTest.get(b, s, TlsTest.ca, "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"sslversion\",0,3"))
                    .containsExactly("OK");
            assertThat(b.send("AT+QHTTPREAD=30").body()).isEqualTo(TlsTest.PAGE);
            assertThat(b.send("AT+QSECDEL=\"RAM:ck.pem\"").ok()).isTrue();
            Map<String, Object> before = assertParity(b);
            assertThat(before).containsEntry("url", s.url(TlsTest.HOST, "/page.html")).containsEntry("httpsEnabled", true)
                    .containsEntry("pdpActive", true).containsEntry("ctx0.secllevel", "1")
                    .containsEntry("ctx0.sslversion", "3").containsEntry("written RAM:ca.pem", true)
                    .containsEntry("written RAM:ck.pem", false).containsEntry("written NVRAM:CA0", true);
            for (String f : FILES) {
                assertThat(b.emulated.stores(f)).as("the contents of %s", f).isEqualTo(before.get("written " + f));
            }

            b.send("AT+CFUN=1,1"); // a restart: RAM, the SSL contexts, the PDP contexts and the URL are gone
            b.host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
            Map<String, Object> after = assertParity(b);
            assertForgotten(b, after);
            assertThat(after).containsEntry("written NVRAM:CA0", true).containsEntry("restartSeen", true);
            assertThat(b.answer("AT+QHTTPGET=60")).as("no URL after the restart").hasSize(1)
                    .allSatisfy(l -> assertThat(l).startsWith("+CME ERROR: "));
        }
    }

    /** Every built-in profile but the slow network's, with one script that touches every setting. */
    @ParameterizedTest
    @ValueSource(strings = {"pdp-fails-twice", "not-attached", "not-registered", "contexts-busy", "dns-failure",
        "handshake-failure", "http-500", "upload-drops-bytes", "upload-corrupts-bytes", "restart-during-get", "urc-burst"})
    void aFaultProfilesSession(String profile) throws Exception {
        try (ModuleBench b = FaultInjectionTest.bench(profile);
                LoopbackHttpsServer s = LoopbackHttpsServer.https(TlsTest.server, List.of("TLSv1.2"), ClientAuth.NONE,
                        null, TlsTest.PAGE)) {
            for (String c : List.of("AT+CMEE=1", "AT+CREG=2", "AT+CGREG=1", "AT+QIFGCNT=0",
                    "AT+QICSGP=1,\"CMNET\",\"user\",\"" + PASSWORD + "\"", "AT+QIREGAPP", "AT+QIACT")) {
                b.send(c);
            }
            byte[] ca = TlsTest.ca.certificatePem();
            b.upload("AT+QSECWRITE=\"RAM:ca.pem\"," + ca.length + ",20", ca);
            for (String c : List.of("AT+QSSLCFG=\"sslversion\",1,3", "AT+QSSLCFG=\"ciphersuite\",1,\"0X002F\"",
                    "AT+QSSLCFG=\"secllevel\",1,1", "AT+QSSLCFG=\"cacert\",1,\"RAM:ca.pem\"",
                    "AT+QSSLCFG=\"ignorertctime\",1", "AT+QSSLCFG=\"httpsctxi\",1", "AT+QSSLCFG=\"https\",1")) {
                assertThat(b.answer(c)).as(c).containsExactly("OK");
            }
            b.url(s.url("server.test", "/"));
            AtHost.Reply get = b.send("AT+QHTTPGET=60");
            if (get.interrupted() && !get.urcs().contains("SMS Ready")) {
                b.host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
            }
            Map<String, Object> facts = assertParity(b);
            if (get.interrupted()) {
                assertForgotten(b, facts);
            } else {
                assertThat(facts).containsEntry("ctx1.ciphersuite", "0X002F").containsEntry("httpsContext", "1")
                        .containsEntry("creg", "2").containsEntry("passwordSet", true);
            }
        }
    }

    @Test
    void aReadRightAfterAWriteAnswersTheNewValueAndTheHandshakeUsesIt() throws Exception {
        try (ModuleBench b = TlsTest.bench();
                LoopbackHttpsServer s = TlsTest.serve(TlsTest.server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0")).containsExactly("+QSSLCFG: \"sslversion\",4", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,3")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0")).containsExactly("+QSSLCFG: \"sslversion\",3", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,4")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0")).containsExactly("+QSSLCFG: \"sslversion\",4", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,1;+QSSLCFG=\"sslversion\",0")).as("on the same line")
                    .containsExactly("+QSSLCFG: \"sslversion\",1", "OK");
            assertThat(b.answer("AT+CGREG=2;+CGREG?").get(0)).startsWith("+CGREG: 2,");

            // TLS 1.1 set on the line before the request: the handshake offers it, and the server refuses it
            assertThat(TlsTest.get(b, s, TlsTest.ca, "AT+QSSLCFG=\"sslversion\",0,2")).containsExactly("+CME ERROR: 3815");
            assertThat(b.log).anyMatch(l -> l.contains("TLSv1.1"));
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,3")).containsExactly("OK");
            assertThat(b.answer("AT+QHTTPGET=60")).as("TLS 1.2, set on the line before").containsExactly("OK");
            assertParity(b);
        }
    }

    /** The checker's model of the recording is the emulator's, and the module answers every read as it says. */
    private static Map<String, Object> assertParity(ModuleBench b) throws Exception {
        b.send("AT"); // a line after the last one, so that both models have taken in everything before it
        TraceChecker checker = new TraceChecker(b.registry, d -> { });
        b.decoded().forEach(checker::accept);
        ModuleStates states = checker.states();
        Map<String, Object> facts = facts(states);
        assertThat(facts(b.emulated.model().states())).as("the emulator's model against the checker's")
                .isEqualTo(facts);
        Map<String, List<String>> want = reads(states);
        Map<String, List<String>> got = new LinkedHashMap<>();
        for (String command : want.keySet()) {
            got.put(command, b.answer(command));
        }
        assertThat(got).as("the module's answers to reads against the checker's model").isEqualTo(want);
        NetworkState n = states.get(NetworkState.class);
        for (String command : List.of("+CREG", "+CGREG")) {
            String line = b.answer("AT" + command + "?").get(0);
            assertThat(AtArguments.split(line.substring(line.indexOf(':') + 1).strip())).first()
                    .as("<n> of AT%s?", command).isEqualTo(n.reportMode(command));
        }
        GsmHttpsState h = states.get(GsmHttpsState.class);
        for (String f : FILES) {
            List<String> read = b.answer("AT+QSECREAD=\"" + f + "\"");
            assertThat(read.get(0).startsWith("+QSECREAD: 1,")).as("AT+QSECREAD of %s", f)
                    .isEqualTo(h.written(f));
        }
        return facts;
    }

    /** After a restart, both models hold nothing the host set, and the module answers the grammar's initial values. */
    private static void assertForgotten(ModuleBench b, Map<String, Object> facts) throws Exception {
        assertThat(facts).containsEntry("url", null).containsEntry("httpsEnabled", false)
                .containsEntry("pdpActive", false).containsEntry("written RAM:ca.pem", false)
                .containsEntry("ctx0.secllevel", null).containsEntry("ctx1.sslversion", null)
                .containsEntry("foreground", SettingFacts.initial(b.registry, "+QIFGCNT", "id"))
                .containsEntry("apn", "").containsEntry("passwordSet", false).containsEntry("creg", "0");
        assertThat(b.answer("AT+QSSLCFG=\"ctxindex\",1")).containsExactly("+QSSLCFG: 1,4,0,\"0XFFFF\",\"\",\"\",\"\"",
                "OK");
        assertThat(b.answer("AT+QSSLCFG=\"httpsctxi\"")).containsExactly("+QSSLCFG: \"httpsctxi\",-1", "OK");
        assertThat(b.answer("AT+QIREGAPP?")).containsExactly("+QIREGAPP: \"\",\"\",\"\"", "OK");
        assertThat(b.answer("AT+QILOCIP")).as("the context died with the restart").containsExactly("ERROR");
    }

    /**
     * The read commands the model answers and their answers by the model: each SSL context's
     * settings, each shared setting, the foreground context and its bearer.
     */
    private static Map<String, List<String>> reads(ModuleStates states) {
        GsmHttpsState h = states.get(GsmHttpsState.class);
        GsmSslContexts ssl = h.ssl();
        CipherSuites suites = new CipherSuites(states.registry());
        Map<String, List<String>> out = new LinkedHashMap<>();
        Grammar.ParamSpec index = SettingFacts.param(states.registry(), "+QSSLCFG", "ctxindex").orElseThrow();
        for (long i = index.min(); i <= index.max(); i++) {
            String x = Long.toString(i);
            out.put("AT+QSSLCFG=\"ctxindex\"," + x, List.of("+QSSLCFG: " + x + "," + ssl.value(x, "sslversion") + ","
                    + ssl.value(x, "secllevel") + ",\"" + CipherSuites.format(suites.parse(ssl.value(x, "ciphersuite")))
                    + "\",\"" + ssl.value(x, "cacert") + "\",\"" + ssl.value(x, "clientcert") + "\",\""
                    + ssl.value(x, "clientkey") + "\"", "OK"));
        }
        for (String name : SHARED) {
            out.put("AT+QSSLCFG=\"" + name + "\"", List.of("+QSSLCFG: \"" + name + "\"," + ssl.sharedValue(name), "OK"));
        }
        GsmPdpContexts pdp = h.pdp();
        GsmPdpContexts.PdpContext fg = pdp.context(pdp.foreground());
        out.put("AT+QIFGCNT?", List.of("+QIFGCNT: " + pdp.foreground(), "OK"));
        out.put("AT+QICSGP?", List.of("+QICSGP: " + pdp.mode(pdp.foreground()), "OK"));
        out.put("AT+QIREGAPP?", List.of("+QIREGAPP: \"" + fg.apn() + "\",\"" + fg.user() + "\",\""
                + (fg.passwordSet() ? PASSWORD : "") + "\"", "OK"));
        return out;
    }

    /** What the models hold, by name, for comparison and for messages that say what differs. */
    static Map<String, Object> facts(ModuleStates states) {
        GsmHttpsState h = states.get(GsmHttpsState.class);
        NetworkState n = states.get(NetworkState.class);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", h.url());
        m.put("httpsEnabled", h.httpsEnabled());
        m.put("httpsContext", h.httpsContext());
        for (String name : SHARED) {
            m.put(name, h.ssl().shared(name) == null ? null : h.ssl().shared(name).value());
        }
        m.put("pdpActive", h.pdpActive());
        m.put("activeContexts", h.activeContexts());
        m.put("foregroundActive", h.foregroundActive());
        m.put("apnSetBy", h.apnSetBy());
        GsmPdpContexts.PdpContext fg = h.pdp().context(h.pdp().foreground());
        m.put("foreground", h.pdp().foreground());
        m.put("mode", h.pdp().mode(h.pdp().foreground()));
        m.put("apn", fg.apn());
        m.put("user", fg.user());
        m.put("passwordSet", fg.passwordSet());
        m.put("registeredWithStack", fg.registered());
        m.put("getDone", h.getDone());
        m.put("restartSeen", h.restartSeen());
        for (int i = 0; i < 6; i++) {
            GsmSslContexts.SslContext c = h.context(Integer.toString(i));
            for (String name : List.of("sslversion", "ciphersuite", "secllevel", "cacert", "clientcert", "clientkey")) {
                m.put("ctx" + i + "." + name, c == null || c.setting(name) == null ? null : c.setting(name).value());
            }
        }
        for (String f : FILES) {
            m.put("written " + f, h.written(f));
        }
        m.put("registered", n.registered());
        m.put("creg", n.reportMode("+CREG"));
        m.put("cgreg", n.reportMode("+CGREG"));
        m.put("attach", n.attach());
        m.put("activeCids", new ArrayList<>(n.activeCids()));
        m.put("errorCodesOn", n.errorCodesOn());
        m.put("sim", n.sim());
        return m;
    }
}
