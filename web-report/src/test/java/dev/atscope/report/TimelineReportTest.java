package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.ScriptedTraffic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a trace, when its report is written, then one safe HTML file holds everything the page needs. */
class TimelineReportTest {

    private static final Path SAMPLES = Path.of("../samples/traces");

    @TempDir
    Path dir;

    private String report(Path trace, ReportOptions options) throws IOException {
        Path html = dir.resolve(trace.getFileName() + ".html");
        new TimelineReport(ProtocolRegistry.loadDefault(), options).write(trace, html, n -> { });
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    private static JsonNode data(String html) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"atscope-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("data block").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    private Path hostileTrace() throws IOException {
        return ReportTraces.write(ReportTraces.handshakeThenHostileBody(), dir.resolve("field.csv"));
    }

    @Test
    void theHttpsSampleBecomesOneFileWithItsThirteenTransactions() throws IOException {
        String html = report(SAMPLES.resolve("https-get.csv"), ReportOptions.DEFAULT);
        JsonNode d = data(html);
        assertThat(d.get("transactions")).hasSize(13);
        assertThat(d.at("/meta/name").asText()).isEqualTo("https-get.csv");
        assertThat(d.at("/meta/tags/device").asText()).isEqualTo("bench-m66");
        assertThat(d.get("sessions")).hasSize(1);
        assertThat(d.at("/sessions/0/3").asText()).isEqualTo("ok");
        // nothing is fetched: no external reference, and a policy that forbids requests
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void aHostileBodyCannotLeaveTheDataBlock() throws IOException {
        String html = report(hostileTrace(), ReportOptions.DEFAULT);
        // the page's own two script elements are the only ones, however the body tries
        assertThat(countOf(html, "<script")).isEqualTo(2);
        assertThat(countOf(html, "</script")).isEqualTo(2);
        assertThat(html).doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<!--");
        // and the body is all there, byte for byte, once the JSON is read
        JsonNode read = findPayload(data(html), "\"AT+QHTTPREAD=30\"");
        assertThat(read.get(3).asText()).isEqualTo(ReportTraces.HOSTILE_BODY);
    }

    @Test
    void theFailingHandshakeEndsItsSessionAndItsErrorIsExplained() throws IOException {
        JsonNode d = data(report(hostileTrace(), ReportOptions.DEFAULT));
        assertThat(d.get("transactions")).hasSize(17);
        assertThat(d.at("/sessions/0/3").asText()).isEqualTo("tls-handshake-failed");
        assertThat(d.at("/sessions/1/3").asText()).isEqualTo("ok");
        assertThat(d.at("/meta/errorMeanings/3815").asText()).isEqualTo("HTTP socket connect error");
        assertThat(d.get("diagnostics").toString())
                .contains("result.error")
                .contains("AT+QHTTPGET=60 failed: +CME ERROR: 3815: HTTP socket connect error")
                .contains("TLS handshake failed")
                .contains("param.range");
    }

    @Test
    void parametersAreNamedFromTheGrammar() throws IOException {
        JsonNode d = data(report(hostileTrace(), ReportOptions.DEFAULT));
        JsonNode qicsgp = command(d, "AT+QICSGP");
        assertThat(qicsgp.at("/1/0/4/0/0").asText()).isEqualTo("mode");
        assertThat(qicsgp.at("/1/0/4/0/2").asText()).isEqualTo("GPRS");
        assertThat(qicsgp.at("/1/0/4/3/0").asText()).isEqualTo("password");
        JsonNode sslversion = command(d, "AT+QSSLCFG=\"sslversion\"");
        assertThat(sslversion.at("/1/0/4/1/0").asText()).isEqualTo("ctxindex");
        assertThat(sslversion.at("/1/0/4/2/0").asText()).isEqualTo("sslversion");
        assertThat(sslversion.at("/1/0/4/2/1").asText()).isEqualTo("3");
        assertThat(sslversion.at("/1/0/4/2/2").asText()).isEqualTo("TLS 1.2");
    }

    @Test
    void theUploadsChecksumIsCheckedAgainstWhatTheModuleReported() throws IOException {
        JsonNode upload = findPayload(data(report(hostileTrace(), ReportOptions.DEFAULT)), "\"AT+QSECWRITE");
        assertThat(upload.get(4).asInt()).isEqualTo(ReportTraces.KEY.length);
        assertThat(upload.get(6).asText()).isEqualTo(upload.get(7).asText()).isNotEmpty();
    }

    @Test
    void withoutRedactionSecretsAreShown() throws IOException {
        String html = report(hostileTrace(), ReportOptions.DEFAULT);
        assertThat(html).contains(ReportTraces.PASSWORD).contains(keyLine());
    }

    @Test
    void redactionMasksKeysPasswordsAndTheUsersPatterns() throws IOException {
        ReportOptions options = ReportOptions.DEFAULT.withRedact(true)
                .withPattern(Pattern.compile("198\\.51\\.100\\.\\d+"));
        String html = report(hostileTrace(), options);
        assertThat(html).doesNotContain(ReportTraces.PASSWORD).doesNotContain(keyLine())
                .doesNotContain("198.51.100.7");
        JsonNode d = data(html);
        assertThat(command(d, "AT+QICSGP").get(0).asText()).isEqualTo("AT+QICSGP=1,\"CMNET\",\"user\",\"***\"");
        assertThat(command(d, "AT+QICSGP").at("/1/0/4/3/1").asText()).isEqualTo("\"***\"");
        JsonNode upload = findPayload(d, "\"AT+QSECWRITE");
        assertThat(upload.get(3).asText()).isEmpty();
        assertThat(upload.get(5).asInt()).isEqualTo(1);
        assertThat(upload.get(4).asInt()).as("the length is still shown").isEqualTo(ReportTraces.KEY.length);
        assertThat(d.at("/meta/redacted").asBoolean()).isTrue();
    }

    @Test
    void theUsersPatternsReachTheTraceNameTagsAndMarkers() throws IOException {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT").answer(5_000, "OK").marker(Marker.Kind.NOTE, null, "bench unit m95-0042 reseated");
        Path trace = ReportTraces.write(t, dir.resolve("m95-0042.csv"));
        String html = report(trace, ReportOptions.DEFAULT.withPattern(Pattern.compile("m95-\\d+")));
        assertThat(html).doesNotContain("m95-0042").contains("<title>***.csv");
        assertThat(data(html).at("/meta/tags/device").asText()).isEqualTo("field-***");
    }

    @Test
    void aPemBlockInsideAnyPayloadIsMaskedToo() {
        Redactor r = new Redactor(ReportOptions.DEFAULT.withRedact(true), ProtocolRegistry.loadDefault());
        String body = "key follows\n" + new String(ReportTraces.KEY, StandardCharsets.US_ASCII) + "done";
        assertThat(r.text(body)).isEqualTo("key follows\n-----BEGIN RSA PRIVATE KEY-----\n***\n"
                + "-----END RSA PRIVATE KEY-----\ndone");
    }

    @Test
    void payloadsAreCutToTheLimitButKeepTheirLength() throws IOException {
        JsonNode read = findPayload(data(report(SAMPLES.resolve("https-get.csv"),
                ReportOptions.DEFAULT.withPayloadBytes(100))), "\"AT+QHTTPREAD=30\"");
        assertThat(read.get(3).asText()).hasSize(100);
        assertThat(read.get(4).asInt()).isGreaterThan(1900);
    }

    @Test
    void aRecordingGapIsKeptAsAMarkerAndEndsTheSession() throws IOException {
        ScriptedTraffic t = new ScriptedTraffic();
        t.pause(80_000).command("AT").answer(5_000, "OK");
        t.pause(1_000_000).marker(Marker.Kind.GAP, Direction.MODULE_TO_HOST, "module port vanished");
        t.pause(30_000_000).command("AT+CGATT?").answer(9_000, "+CGATT: 1", "OK");
        JsonNode d = data(report(ReportTraces.write(t, dir.resolve("gap.csv")), ReportOptions.DEFAULT));
        assertThat(d.get("events")).anySatisfy(e -> {
            assertThat(e.get(0).asText()).isEqualTo("m");
            assertThat(e.get(3).asText()).isEqualTo("gap: module port vanished");
        });
        assertThat(d.get("sessions")).hasSize(2);
        assertThat(d.at("/sessions/0/7").asText()).isEqualTo("gap");
    }

    @Test
    void theTitleIsEscapedAsHtml() {
        assertThat(HtmlPage.escape("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }

    private static String keyLine() {
        // the first base64 line of the key's body
        String pem = new String(ReportTraces.KEY, StandardCharsets.US_ASCII);
        return pem.split("\n")[1];
    }

    private static JsonNode command(JsonNode d, String prefix) {
        for (JsonNode c : d.get("commands")) {
            if (c.get(0).asText().startsWith(prefix)) {
                return c;
            }
        }
        throw new AssertionError("no command " + prefix);
    }

    /** The first payload of the first transaction whose command line starts with the quoted prefix. */
    private static JsonNode findPayload(JsonNode d, String quotedPrefix) {
        String prefix = quotedPrefix.replace("\"", "");
        int index = -1;
        for (int i = 0; i < d.get("commands").size(); i++) {
            if (d.get("commands").get(i).get(0).asText().startsWith(prefix)) {
                index = i;
            }
        }
        for (JsonNode t : d.get("transactions")) {
            if (t.get(4).asInt() == index) {
                for (JsonNode r : t.get(8)) {
                    if (r.get(0).asText().equals("p")) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no payload for " + prefix);
    }

    private static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
