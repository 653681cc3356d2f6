package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    static final Path SAMPLES = Path.of("../samples/traces");
    static final Path HTTPS = SAMPLES.resolve("https-get.csv");

    /** A field log that breaks a few rules: SSL 3.0, a refused security level, an HTTPS request without a CA. */
    static Path fieldLog(Path dir) throws Exception {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(3_000_000);
        t.pause(50_000).command("AT+QICSGP=1,\"CMNET\"").answer(10_000, "OK");
        t.pause(50_000).command("AT+QIACT").answer(2_000_000, "OK");
        t.pause(50_000).command("AT+QSSLCFG=\"sslversion\",0,0").answer(10_000, "OK");
        t.pause(50_000).command("AT+QSSLCFG=\"secllevel\",0,3").answer(10_000, "ERROR");
        t.pause(50_000).command("AT+QSSLCFG=\"secllevel\",0,1").answer(10_000, "OK");
        t.pause(50_000).command("AT+QSSLCFG=\"https\",1").answer(10_000, "OK");
        t.pause(50_000).command("AT+QHTTPURL=23,60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "https://example.net/a/b".getBytes()).answer(5_000, "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(2_000_000, "+CME ERROR: 3815");
        Path f = dir.resolve("pump-7.csv");
        new Trace(TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-23T09:00:00Z")), t.entries()).write(f);
        return f;
    }

    @Test
    void theSamplesCheckCleanButForTheHttpsExamplesLevelZero() throws Exception {
        List<String> files = new ArrayList<>();
        try (var s = Files.list(SAMPLES)) {
            s.sorted().forEach(p -> files.add(p.toString()));
        }
        List<String> args = new ArrayList<>(List.of("check", "--fail-on", "error"));
        args.addAll(files);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(HTTPS + ": 1 session, 0 errors, 1 warning")
                .contains("ssl-certificates-ram.csv: 1 session, 0 errors, 0 warnings")
                .contains("3 files: 0 errors, 1 warning");
        String[] lines = r.out().split("\n");
        int at = indexOf(lines, "warning security.no-auth");
        assertThat(lines[at]).contains("transaction 7").contains("(section 2.2.1)");
        assertThat(lines[at + 1]).isEqualTo("      AT+QSSLCFG=\"secllevel\",0,0");
        assertThat(lines[at + 2]).isEqualTo("      " + " ".repeat(25) + "^");
        assertThat(lines[at + 3]).contains("security level 0");
    }

    static int indexOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    @Test
    void failOnWarningGatesOnTheTrueWarning() {
        assertThat(CliRun.of("check", "--fail-on", "warning", HTTPS.toString()).code()).isEqualTo(1);
        assertThat(CliRun.of("check", HTTPS.toString()).code()).isZero();
    }

    @Test
    void aFieldLogsFindingsComeWithTheLineTheCaretAndTheSection(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("check", "--fail-on", "error", fieldLog(tmp).toString());
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).endsWith("pump-7.csv");
        assertThat(lines[1]).isEqualTo("  session 1");
        int bad = indexOf(lines, "error param.value");
        assertThat(lines[bad + 1]).isEqualTo("      AT+QSSLCFG=\"secllevel\",0,3");
        assertThat(lines[bad + 2]).isEqualTo("      " + " ".repeat(25) + "^");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(110));
        assertThat(r.out().replace("\n      ", " ")).contains("warning security.ssl3").contains("error https.ca-missing")
                .contains("+CME ERROR: 3815: HTTP socket connect error")
                .contains("(Quectel GSM HTTP AT Commands Manual)")
                .contains("pump-7.csv: 1 session, 3 errors, 1 warning");
    }

    @Test
    void jsonLinesCarryRuleSeverityPlaceAndText(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("check", "--json", fieldLog(tmp).toString());
        assertThat(r.code()).isZero();
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(m.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("rule").asText())
                .containsExactly("security.ssl3", "param.value", "result.error", "https.ca-missing");
        JsonNode ssl3 = lines.get(0);
        assertThat(ssl3.get("severity").asText()).isEqualTo("warning");
        assertThat(ssl3.get("session").asInt()).isEqualTo(1);
        assertThat(ssl3.get("transaction").asLong()).isEqualTo(3);
        assertThat(ssl3.get("text").asText()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,0");
        assertThat(ssl3.get("column").asInt()).isEqualTo(26);
        assertThat(ssl3.get("offset").asLong()).isPositive();
        assertThat(ssl3.get("time").asText()).startsWith("2026-11-23T09:00:0");
        assertThat(ssl3.get("section").asText()).isEqualTo("1.1, 2.2.1");
    }

    @Test
    void badOptionsAndBadFilesExitWithTwo(@TempDir Path tmp) throws Exception {
        CliRun opt = CliRun.of("check", "--fail-on", "sometimes", HTTPS.toString());
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.err()).contains("--fail-on sometimes: expected error or warning");
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "# atscope-trace: 1\ntime_us,dir,kind,data\n10,H>M,data,AT\\r\n5,M>H,data,OK\n");
        CliRun bad = CliRun.of("check", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(f + ":4: time goes backwards");
        assertThat(CliRun.of("check").code()).isEqualTo(2);
    }

    @Test
    void fieldLogsInOtherFormatsAreCheckedDirectlyOrWithAForcedFormat() {
        String log = "../analyzer-core/src/test/resources/dev/atscope/core/trace/imports/modemmanager.log";
        CliRun r = CliRun.of("check", log);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("https.not-enabled").contains("1 session");
        CliRun forced = CliRun.of("check", "--format", "modemmanager", log);
        assertThat(forced.out()).isEqualTo(r.out());
        CliRun wrong = CliRun.of("check", "--format", "pcapng", log);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("modemmanager.log");
    }
}
