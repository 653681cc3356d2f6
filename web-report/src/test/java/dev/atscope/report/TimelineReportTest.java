package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.ScriptedTraffic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static ReportData data(String html) throws IOException {
        return ReportData.of(html);
    }

    private Path hostileTrace() throws IOException {
        return ReportTraces.write(ReportTraces.handshakeThenHostileBody(), dir.resolve("field.csv"));
    }

    @Test
    void theHttpsSampleBecomesOneFileWithItsThirteenTransactions() throws IOException {
        String html = report(SAMPLES.resolve("https-get.csv"), ReportOptions.DEFAULT);
        ReportData d = data(html);
        assertThat(d.transactions()).isEqualTo(13);
        assertThat(d.root.at("/meta/name").asText()).isEqualTo("https-get.csv");
        assertThat(d.root.at("/meta/tags/device").asText()).isEqualTo("bench-m66");
        assertThat(d.sessions()).isEqualTo(1);
        assertThat(d.text("sessions", "outcome", 0)).isEqualTo("ok");
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
        assertThat(data(html).payload("AT+QHTTPREAD=30").kept()).isEqualTo(ReportTraces.HOSTILE_BODY);
    }

    @Test
    void theFailingHandshakeEndsItsSessionAndItsErrorIsExplained() throws IOException {
        ReportData d = data(report(hostileTrace(), ReportOptions.DEFAULT));
        assertThat(d.transactions()).isEqualTo(17);
        assertThat(d.text("sessions", "outcome", 0)).isEqualTo("tls-handshake-failed");
        assertThat(d.text("sessions", "outcome", 1)).isEqualTo("ok");
        assertThat(d.root.at("/meta/errorMeanings/3815").asText()).isEqualTo("HTTP socket connect error");
        assertThat(String.join("\n", d.diagnostics()))
                .contains("result.error")
                .contains("AT+QHTTPGET=60 failed: +CME ERROR: 3815: HTTP socket connect error")
                .contains("TLS handshake failed")
                .contains("param.range");
    }

    @Test
    void parametersAreNamedFromTheGrammar() throws IOException {
        ReportData d = data(report(hostileTrace(), ReportOptions.DEFAULT));
        JsonNode qicsgp = d.command("AT+QICSGP");
        assertThat(qicsgp.at("/parsed/0/params/0/name").asText()).isEqualTo("mode");
        assertThat(qicsgp.at("/parsed/0/params/0/meaning").asText()).isEqualTo("GPRS");
        assertThat(qicsgp.at("/parsed/0/params/3/name").asText()).isEqualTo("password");
        JsonNode sslversion = d.command("AT+QSSLCFG=\"sslversion\"");
        assertThat(sslversion.at("/parsed/0/params/1/name").asText()).isEqualTo("ctxindex");
        assertThat(sslversion.at("/parsed/0/params/2/name").asText()).isEqualTo("sslversion");
        assertThat(sslversion.at("/parsed/0/params/2/value").asText()).isEqualTo("3");
        assertThat(sslversion.at("/parsed/0/params/2/meaning").asText()).isEqualTo("TLS 1.2");
    }

    @Test
    void theUploadsChecksumIsCheckedAgainstWhatTheModuleReported() throws IOException {
        ReportData.Payload upload = data(report(hostileTrace(), ReportOptions.DEFAULT)).payload("AT+QSECWRITE");
        assertThat(upload.length()).isEqualTo(ReportTraces.KEY.length);
        assertThat(upload.computed()).isEqualTo(upload.reported()).isNotEmpty();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ReportTraces.KEY);
        assertThat(upload.crc32()).as("the CRC-32 of the whole payload").isEqualTo(crc.getValue());
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
        ReportData d = data(html);
        assertThat(d.command("AT+QICSGP").get("line").asText()).isEqualTo("AT+QICSGP=1,\"CMNET\",\"user\",\"***\"");
        assertThat(d.command("AT+QICSGP").at("/parsed/0/params/3/value").asText()).isEqualTo("\"***\"");
        ReportData.Payload upload = d.payload("AT+QSECWRITE");
        assertThat(upload.kept()).isEmpty();
        assertThat(upload.hidden()).isTrue();
        assertThat(upload.length()).as("the length is still shown").isEqualTo(ReportTraces.KEY.length);
        assertThat(d.root.at("/meta/redacted").asBoolean()).isTrue();
    }

    @Test
    void theUsersPatternsReachTheTraceNameTagsAndMarkers() throws IOException {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT").answer(5_000, "OK").marker(Marker.Kind.NOTE, null, "bench unit m95-0042 reseated");
        Path trace = ReportTraces.write(t, dir.resolve("m95-0042.csv"));
        String html = report(trace, ReportOptions.DEFAULT.withPattern(Pattern.compile("m95-\\d+")));
        assertThat(html).doesNotContain("m95-0042").contains("<title>***.csv");
        assertThat(data(html).root.at("/meta/tags/device").asText()).isEqualTo("field-***");
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
        ReportData.Payload read = data(report(SAMPLES.resolve("https-get.csv"),
                ReportOptions.DEFAULT.withPayloadBytes(100))).payload("AT+QHTTPREAD=30");
        assertThat(read.kept()).hasSize(100);
        assertThat(read.length()).isGreaterThan(1900);
    }

    @Test
    void pastTheBudgetPayloadsKeepTheirStartLengthAndChecksum() throws IOException {
        // a budget smaller than the first payload: every payload after it is cut to the short length
        ReportData d = data(report(hostileTrace(), ReportOptions.DEFAULT.withPayloadBudget(10)));
        ReportData.Payload read = d.payload("AT+QHTTPREAD=30");
        assertThat(read.kept()).isEqualTo(ReportTraces.HOSTILE_BODY.substring(0, ReportOptions.CUT_PAYLOAD_BYTES));
        assertThat(read.length()).isEqualTo(ReportTraces.HOSTILE_BODY.length());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ReportTraces.HOSTILE_BODY.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(read.crc32()).isEqualTo(crc.getValue());
        // the key came first, whole, and spent the budget; the URLs are shorter than the cut; the body is cut
        assertThat(d.root.at("/meta/payloadsCut").asInt()).isEqualTo(1);
    }

    @Test
    void repeatedTextsAreWrittenOnceInTheStringTable() throws IOException {
        ReportData d = data(report(SAMPLES.resolve("https-get.csv"), ReportOptions.DEFAULT));
        JsonNode strings = d.root.get("strings");
        java.util.Set<String> distinct = new java.util.HashSet<>();
        strings.forEach(s -> assertThat(distinct.add(s.asText())).as("once: %s", s).isTrue());
        // every "OK" result points at the same entry
        java.util.Set<String> okRefs = new java.util.HashSet<>();
        JsonNode results = d.root.at("/transactions/result");
        for (int k = 0; k < results.size(); k++) {
            if ("OK".equals(d.text(results.get(k)))) {
                okRefs.add(results.get(k).toString());
            }
        }
        assertThat(okRefs).hasSize(1);
        assertThat(okRefs.iterator().next()).matches("\\d+");
    }

    @Test
    void aRecordingGapIsKeptAsAMarkerAndEndsTheSession() throws IOException {
        ScriptedTraffic t = new ScriptedTraffic();
        t.pause(80_000).command("AT").answer(5_000, "OK");
        t.pause(1_000_000).marker(Marker.Kind.GAP, Direction.MODULE_TO_HOST, "module port vanished");
        t.pause(30_000_000).command("AT+CGATT?").answer(9_000, "+CGATT: 1", "OK");
        ReportData d = data(report(ReportTraces.write(t, dir.resolve("gap.csv")), ReportOptions.DEFAULT));
        assertThat(d.events()).contains("2 gap: module port vanished");
        assertThat(d.sessions()).isEqualTo(2);
        assertThat(d.text("sessions", "endedBy", 0)).isEqualTo("gap");
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

    private static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
