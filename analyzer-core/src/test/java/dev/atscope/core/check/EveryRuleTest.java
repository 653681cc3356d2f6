package dev.atscope.core.check;

import static dev.atscope.core.check.TraceCheckerTest.CERT;
import static dev.atscope.core.check.TraceCheckerTest.httpsGet;
import static dev.atscope.core.check.TraceCheckerTest.online;
import static dev.atscope.core.check.TraceCheckerTest.step;
import static dev.atscope.core.check.TraceCheckerTest.upload;
import static dev.atscope.core.check.TraceCheckerTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of every loaded library, with a trace that breaks it and a neighbour that does not:
 * the first gives a finding of the rule, the second none. A rule added to a library without its
 * pair here fails {@link #everyListedRuleHasItsPair()}.
 */
class EveryRuleTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** A rule's pair of traces. */
    record Pair(Supplier<ScriptedTraffic> breaks, Supplier<ScriptedTraffic> keeps) {}

    static final Map<String, Pair> PAIRS = new TreeMap<>();

    static void pair(String rule, Supplier<ScriptedTraffic> breaks, Supplier<ScriptedTraffic> keeps) {
        PAIRS.put(rule, new Pair(breaks, keeps));
    }

    static Supplier<ScriptedTraffic> one(String command, String... answer) {
        return () -> step(new ScriptedTraffic(), command, answer);
    }

    /** An LTE module with its PDP context 1 active. */
    static ScriptedTraffic lte() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY");
        step(t, "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK");
        return step(t, "AT+QIACT=1", "OK");
    }

    static ScriptedTraffic lteUpload(ScriptedTraffic t, String name, byte[] data) {
        t.pause(50_000).command("AT+QFUPL=\"" + name + "\"," + data.length + ",100").answer(10_000, "CONNECT");
        t.hostBytes(10_000, data);
        return t.answer(20_000, "+QFUPL: " + data.length + "," + UploadChecksum.hex(data), "OK");
    }

    static ScriptedTraffic sslOpen(ScriptedTraffic t, String ctx) {
        return step(t, "AT+QSSLOPEN=1," + ctx + ",0,\"example.net\",443,0", "OK");
    }

    static ScriptedTraffic lteHttpsGet(String... config) {
        ScriptedTraffic t = lte();
        for (String c : config) {
            step(t, c, "OK");
        }
        t.pause(50_000).command("AT+QHTTPURL=23,80").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "https://example.net/a/b".getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
        step(t, "AT+QHTTPGET=80", "OK");
        return t.pause(800_000).urc("+QHTTPGET: 0,200,1024");
    }

    static {
        // the checker's own
        pair("command.unknown", one("AT+XYZ=1", "ERROR"), one("AT+CSQ", "+CSQ: 20,99", "OK"));
        pair("command.form", one("AT+CSQ?", "ERROR"), one("AT+CSQ", "+CSQ: 20,99", "OK"));
        pair("command.extension", one("AT+CSQ?", "+CSQ: 15,6", "OK"), one("AT+CSQ?", "ERROR"));
        pair("command.space", one("AT+ QIFGCNT=0", "ERROR"), one("AT+QIFGCNT=0", "OK"));
        pair("param.count", one("AT+CMEE=1,2", "ERROR"), one("AT+CMEE=1", "OK"));
        pair("param.missing", one("AT+QSECWRITE=,100", "ERROR"), one("AT+QSECDEL=\"RAM:a.pem\"", "OK"));
        pair("param.type", one("AT+CMEE=\"1\"", "ERROR"), one("AT+CMEE=1", "OK"));
        pair("param.value", one("AT+QSSLCFG=\"sslversion\",0,5", "ERROR"), one("AT+QSSLCFG=\"sslversion\",0,3", "OK"));
        pair("param.range", one("AT+QSSLCFG=\"sslversion\",9,3", "ERROR"), one("AT+QSSLCFG=\"sslversion\",5,3", "OK"));
        pair("param.spelling", () -> step(online(), "AT+QSSLCFG=\"seclevel\",0,1", "OK"),
                () -> step(online(), "AT+QSSLCFG=\"secllevel\",0,1", "OK"));
        pair("file.storage", () -> step(online(), "AT+QSSLCFG=\"cacert\",0,\"FLASH:ca.pem\"", "ERROR"),
                () -> step(online(), "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "OK"));
        pair("file.name", () -> upload(new ScriptedTraffic(), "NVRAM:CA3", CERT),
                () -> upload(new ScriptedTraffic(), "NVRAM:CA1", CERT));
        pair("file.size", () -> upload(new ScriptedTraffic(), "NVRAM:CA0", NoteExamples.pem("CERTIFICATE", 2100, 1)),
                () -> upload(new ScriptedTraffic(), "RAM:big.pem", NoteExamples.pem("CERTIFICATE", 2100, 1)));
        pair("response.count", one("AT+CSQ", "+CSQ: 20,99,7", "OK"), one("AT+CSQ", "+CSQ: 20,99", "OK"));
        pair("response.value", one("AT+QSSLCFG=\"sslversion\",0", "+QSSLCFG: \"sslversion\",9", "OK"),
                one("AT+QSSLCFG=\"sslversion\",0", "+QSSLCFG: \"sslversion\",3", "OK"));
        pair("result.error", one("AT+CSQ", "+CME ERROR: 100"), one("AT+CSQ", "+CSQ: 20,99", "OK"));
        pair("result.completion", () -> step(lte(), "AT+QIOPEN=1,0,\"TCP\",\"example.net\",80,0,0", "OK")
                .pause(2_000_000).urc("+QIOPEN: 0,565"),
                () -> step(lte(), "AT+QIOPEN=1,0,\"TCP\",\"example.net\",80,0,0", "OK").pause(2_000_000)
                        .urc("+QIOPEN: 0,0"));
        pair("result.no-response", () -> {
            ScriptedTraffic t = new ScriptedTraffic();
            t.command("AT+CSQ").pause(10_000_000);
            return step(t, "AT", "OK");
        }, one("AT+CSQ", "+CSQ: 20,99", "OK"));
        pair("result.interrupted", () -> online().pause(50_000).command("AT+QHTTPGET=60").pause(5_000_000).urc("RDY"),
                () -> step(online(), "AT+QHTTPGET=60", "OK").pause(5_000_000).urc("RDY"));
        pair("result.slow", () -> online().pause(50_000).command("AT+QILOCIP").answer(900_000, "10.1.2.3"),
                () -> online().pause(50_000).command("AT+QILOCIP").answer(20_000, "10.1.2.3"));
        pair("urc.burst", () -> {
            ScriptedTraffic t = new ScriptedTraffic().command("AT+CSQ");
            for (int i = 0; i < 6; i++) {
                t.urc("+CREG: 1");
            }
            return t.answer(20_000, "+CSQ: 20,99", "OK");
        }, () -> new ScriptedTraffic().command("AT+CSQ").urc("+CREG: 1").answer(20_000, "+CSQ: 20,99", "OK"));
        pair("library.mixed", () -> step(online(), "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK"),
                () -> step(online(), "AT+QICSGP=1,\"internet\"", "OK"));

        // 3GPP TS 27.007
        pair("sim.missing", () -> new ScriptedTraffic().urc("+CPIN: NOT INSERTED"),
                () -> new ScriptedTraffic().urc("+CPIN: READY"));
        pair("sim.locked", one("AT+CPIN?", "+CPIN: SIM PIN", "OK"), one("AT+CPIN?", "+CPIN: READY", "OK"));
        pair("registration.denied", one("AT+CEREG?", "+CEREG: 0,3", "OK"), one("AT+CEREG?", "+CEREG: 0,2", "OK"));

        // Quectel GSM HTTPS (M-series)
        pair("https.ca-missing", () -> httpsGet("1"), () -> httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""));
        pair("https.client-missing", () -> httpsGet("2", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""),
                () -> httpsGet("2", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\"", "AT+QSSLCFG=\"clientcert\",0,\"NVRAM:CC0\"",
                        "AT+QSSLCFG=\"clientkey\",0,\"NVRAM:CK0\""));
        pair("https.cert-not-uploaded", () -> httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\""),
                () -> httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""));
        pair("https.not-enabled", () -> {
            ScriptedTraffic t = online();
            url(t, TraceCheckerTest.URL);
            return step(t, "AT+QHTTPGET=60", "OK");
        }, () -> httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""));
        pair("upload.exists", () -> upload(upload(new ScriptedTraffic(), "RAM:ca.pem", CERT), "RAM:ca.pem", CERT),
                () -> upload(step(upload(new ScriptedTraffic(), "RAM:ca.pem", CERT), "AT+QSECDEL=\"RAM:ca.pem\"", "OK"),
                        "RAM:ca.pem", CERT));
        pair("upload.size", () -> upload(new ScriptedTraffic(), "RAM:ca.pem", CERT, 601, "+QSECWRITE: 600,"
                + UploadChecksum.hex(CERT)), () -> upload(new ScriptedTraffic(), "RAM:ca.pem", CERT));
        pair("upload.checksum", () -> upload(new ScriptedTraffic(), "RAM:ca.pem", CERT, CERT.length,
                "+QSECWRITE: 600,1234"), () -> upload(new ScriptedTraffic(), "RAM:ca.pem", CERT));
        pair("upload.damaged", one("AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 0,4c30", "OK"),
                one("AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK"));
        pair("upload.read-checksum", () -> step(step(new ScriptedTraffic(), "AT+QSECREAD=\"NVRAM:CA0\"",
                "+QSECREAD: 1,4c30", "OK"), "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c31", "OK"),
                () -> step(step(new ScriptedTraffic(), "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK"),
                        "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK"));
        pair("http.url-length", () -> {
            ScriptedTraffic t = online();
            t.pause(50_000).command("AT+QHTTPURL=30,60").answer(10_000, "CONNECT");
            return t.hostBytes(10_000, TraceCheckerTest.URL.getBytes(StandardCharsets.US_ASCII)).answer(900_000, "OK");
        }, () -> url(online(), TraceCheckerTest.URL));
        pair("http.no-pdp", () -> step(url(new ScriptedTraffic(), "http://example.net/"), "AT+QHTTPGET=60", "OK"),
                () -> step(url(online(), "http://example.net/"), "AT+QHTTPGET=60", "OK"));
        pair("http.read-without-get", () -> step(url(online(), "http://example.net/"), "AT+QHTTPREAD=30",
                "+CME ERROR: 3804"), () -> {
                    ScriptedTraffic t = step(url(online(), "http://example.net/"), "AT+QHTTPGET=60", "OK");
                    t.pause(50_000).command("AT+QHTTPREAD=30").answer(10_000, "CONNECT");
                    return t.moduleBytes(1000, "<html></html>\r\n".getBytes(StandardCharsets.US_ASCII))
                            .answer(1000, "OK");
                });
        pair("pdp.activation-failed", one("AT+QIACT", "ERROR"), one("AT+QIACT", "OK"));
        pair("pdp.limit", () -> step(step(step(step(new ScriptedTraffic(), "AT+CGACT=1,1", "OK"), "AT+CGACT=1,2", "OK"),
                "AT+CGACT=1,3", "OK"), "AT+QIACT", "OK"),
                () -> step(step(step(new ScriptedTraffic(), "AT+CGACT=1,1", "OK"), "AT+CGACT=1,2", "OK"), "AT+QIACT",
                        "OK"));
        pair("pdp.restart-interval", () -> TraceCheckerTest.PdpContext.restarts(4),
                () -> TraceCheckerTest.PdpContext.restarts(11));
        pair("security.ssl3", one("AT+QSSLCFG=\"sslversion\",0,0", "OK"), one("AT+QSSLCFG=\"sslversion\",0,3", "OK"));
        pair("security.weak-cipher", one("AT+QSSLCFG=\"ciphersuite\",0,0X0004", "OK"),
                one("AT+QSSLCFG=\"ciphersuite\",0,0X003D", "OK"));
        pair("security.no-auth", () -> httpsGet("0"), () -> httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""));
        pair("security.ignore-rtc", one("AT+QSSLCFG=\"ignorertctime\",1", "OK"),
                one("AT+QSSLCFG=\"ignorertctime\",0", "OK"));

        // Quectel LTE
        pair("ssl.context-mismatch", () -> sslOpen(step(lte(), "AT+QSSLCFG=\"seclevel\",2,0", "OK"), "1"),
                () -> sslOpen(step(lte(), "AT+QSSLCFG=\"seclevel\",2,0", "OK"), "2"));
        pair("ssl.ca-not-uploaded", () -> {
            ScriptedTraffic t = step(lte(), "AT+QFLST", "+QFLST: \"UFS:other.pem\",600", "OK");
            return sslOpen(step(step(t, "AT+QSSLCFG=\"seclevel\",1,1", "OK"), "AT+QSSLCFG=\"cacert\",1,\"UFS:ca.pem\"",
                    "OK"), "1");
        }, () -> {
            ScriptedTraffic t = lteUpload(step(lte(), "AT+QFLST", "+QFLST: \"UFS:other.pem\",600", "OK"), "ca.pem",
                    CERT);
            return sslOpen(step(step(t, "AT+QSSLCFG=\"seclevel\",1,1", "OK"), "AT+QSSLCFG=\"cacert\",1,\"UFS:ca.pem\"",
                    "OK"), "1");
        });
        pair("https.no-ssl-context", EveryRuleTest::lteHttpsGet,
                () -> lteHttpsGet("AT+QHTTPCFG=\"sslctxid\",1", "AT+QSSLCFG=\"seclevel\",1,0"));
        pair("pdp.before-registration", () -> step(step(new ScriptedTraffic(), "AT+CEREG?", "+CEREG: 0,2", "OK"),
                "AT+QIACT=1", "ERROR"), () -> step(step(new ScriptedTraffic(), "AT+CEREG?", "+CEREG: 0,1", "OK"),
                "AT+QIACT=1", "OK"));
    }

    static List<String> ids(ScriptedTraffic t) {
        return TraceChecker.check(TraceCheckerTest.decode(t), REGISTRY).stream().map(Diagnostic::ruleId).toList();
    }

    @Test
    void everyListedRuleHasItsPair() {
        List<String> listed = new ArrayList<>();
        RuleCatalogue.of(REGISTRY).byLibrary().values().forEach(rules -> rules.forEach(r -> listed.add(r.id())));
        assertThat(PAIRS.keySet()).containsExactlyInAnyOrderElementsOf(listed);
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFiresOnItsTraceAndNotOnItsNeighbour() {
        return PAIRS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assertThat(ids(e.getValue().breaks().get())).as("the trace that breaks " + e.getKey()).contains(e.getKey());
            assertThat(ids(e.getValue().keeps().get())).as("its neighbour").doesNotContain(e.getKey());
        }));
    }
}
