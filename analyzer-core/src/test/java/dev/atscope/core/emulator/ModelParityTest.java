package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.emulator.LoopbackHttpsServer.ClientAuth;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.basic.NetworkState;
import dev.atscope.core.protocol.quectel.GsmHttpsState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Given a scripted session against the emulated module, when the checker reads the trace recorded
 * at the host's end, then the model of the module it builds is the emulator's own state: the URL,
 * the SSL contexts, the files, the PDP context, registration and error reporting, before and after
 * a restart.
 */
class ModelParityTest {

    private static final List<String> FILES = List.of("RAM:ca.pem", "RAM:cc.pem", "RAM:ck.pem", "NVRAM:CA0");

    @Test
    void theCheckersModelOfTheRecordingIsTheEmulatorsState() throws Exception {
        try (ModuleBench b = TlsTest.bench();
                LoopbackHttpsServer s = TlsTest.serve(TlsTest.server, List.of("TLSv1.2"), ClientAuth.NONE)) {
            b.send("AT+CMEE=1");
            assertThat(TlsTest.get(b, s, TlsTest.ca, "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"sslversion\",0,3"))
                    .containsExactly("OK");
            assertThat(b.send("AT+QHTTPREAD=30").body()).isEqualTo(TlsTest.PAGE);
            assertThat(b.send("AT+QSECDEL=\"RAM:ck.pem\"").ok()).isTrue();
            assertSameModel(b);
            Map<String, Object> before = facts(b.emulated.model().states());
            assertThat(before).containsEntry("url", s.url(TlsTest.HOST, "/page.html")).containsEntry("httpsEnabled", true)
                    .containsEntry("pdpActive", true).containsEntry("ctx0.secllevel", "1")
                    .containsEntry("written RAM:ca.pem", true).containsEntry("written RAM:ck.pem", false);
            for (String f : FILES) {
                assertThat(b.emulated.stores(f)).as("the emulator's storage of %s", f)
                        .isEqualTo(before.get("written " + f));
            }
            assertThat(b.emulated.pdpActive()).isTrue();

            b.send("AT+CFUN=1,1"); // a restart: RAM, the SSL contexts and the URL are gone
            b.host.awaitUrc("SMS Ready", java.time.Duration.ofSeconds(5));
            b.send("AT");
            assertSameModel(b);
            Map<String, Object> after = facts(b.emulated.model().states());
            assertThat(after).containsEntry("url", null).containsEntry("httpsEnabled", false)
                    .containsEntry("pdpActive", false).containsEntry("written RAM:ca.pem", false)
                    .containsEntry("restartSeen", true);
            assertThat(b.emulated.stores("RAM:ca.pem")).isFalse();
            assertThat(b.emulated.pdpActive()).isFalse();
            assertThat(b.answer("AT+QHTTPGET=60")).as("no URL after the restart").hasSize(1)
                    .allSatisfy(l -> assertThat(l).startsWith("+CME ERROR: "));
        }
    }

    private static void assertSameModel(ModuleBench b) {
        TraceChecker checker = new TraceChecker(b.registry, d -> { });
        b.decoded().forEach(checker::accept);
        assertThat(facts(b.emulated.model().states())).as("the emulator's model against the checker's")
                .isEqualTo(facts(checker.states()));
    }

    /** What the models hold, by name, for comparison and for messages that say what differs. */
    static Map<String, Object> facts(ModuleStates states) {
        GsmHttpsState h = states.get(GsmHttpsState.class);
        NetworkState n = states.get(NetworkState.class);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", h.url());
        m.put("httpsEnabled", h.httpsEnabled());
        m.put("httpsContext", h.httpsContext());
        m.put("pdpActive", h.pdpActive());
        m.put("activeContexts", h.activeContexts());
        m.put("foregroundActive", h.foregroundActive());
        m.put("apnSetBy", h.apnSetBy());
        m.put("getDone", h.getDone());
        m.put("restartSeen", h.restartSeen());
        for (int i = 0; i < 6; i++) {
            GsmHttpsState.SslContext c = h.context(Integer.toString(i));
            m.put("ctx" + i + ".secllevel", c == null || c.secllevel() == null ? null : c.secllevel().value());
            for (String role : List.of("cacert", "clientcert", "clientkey")) {
                m.put("ctx" + i + "." + role, c == null || c.file(role) == null ? null : c.file(role).value());
            }
        }
        for (String f : FILES) {
            m.put("written " + f, h.written(f));
        }
        m.put("registered", n.registered());
        m.put("attach", n.attach());
        m.put("activeCids", n.activeCids());
        m.put("errorCodesOn", n.errorCodesOn());
        m.put("sim", n.sim());
        return m;
    }
}
