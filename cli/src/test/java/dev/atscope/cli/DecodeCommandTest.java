package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {

    static final Path HTTPS = Path.of("../samples/traces/https-get.csv");

    @Test
    void printsTheHttpsProcedureTransactionByTransaction() {
        CliRun r = CliRun.of("decode", HTTPS.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> commands = ImportExportCommandTest.commands(r.out());
        assertThat(commands).containsExactly("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT",
                "AT+QILOCIP", "AT+QSSLCFG=\"sslversion\",0,2", "AT+QSSLCFG=\"secllevel\",0,0",
                "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", "AT+QSSLCFG=\"https\",1", "AT+QHTTPURL=57,60",
                "AT+QHTTPGET=60", "AT+QHTTPREAD=30", "AT+QIDEACT");
        assertThat(r.out()).contains("URC RDY").contains("10.1.83.188").contains("DEACT OK")
                .contains("13 transactions, 13 ok");
    }

    @Test
    void jsonLinesCarryEveryFieldAndPosition() throws Exception {
        CliRun r = CliRun.of("decode", "--json", HTTPS.toString());
        assertThat(r.code()).isZero();
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(m.readTree(l));
        }
        assertThat(lines).hasSize(13);
        JsonNode url = lines.get(9);
        assertThat(url.get("command").asText()).isEqualTo("AT+QHTTPURL=57,60");
        assertThat(url.get("commands").get(0).get("params").get(0).asText()).isEqualTo("57");
        assertThat(url.get("responses").get(1).get("kind").asText()).isEqualTo("payload");
        assertThat(url.get("responses").get(1).get("length").asInt()).isEqualTo(57);
        assertThat(url.get("command_event").get("offset").asLong()).isPositive();
        assertThat(url.get("command_event").get("line").asLong()).isGreaterThan(9);
        assertThat(url.get("time").asText()).startsWith("2026-11-23T09:00:10");
        assertThat(url.get("file").asText()).endsWith("https-get.csv");
    }

    @Test
    void errorsAreExplainedWithMeaningInJson(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("fail.csv");
        Files.writeString(f, "# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT+QHTTPGET=60\\r\n"
                + "3000000,M>H,data,\\r\\n+CME ERROR: 3815\\r\\n\n");
        CliRun r = CliRun.of("decode", "--json", f.toString());
        JsonNode n = new ObjectMapper().readTree(r.out().strip());
        assertThat(n.get("outcome").asText()).isEqualTo("error");
        assertThat(n.get("error_code").asInt()).isEqualTo(3815);
        assertThat(n.get("error_meaning").asText()).isEqualTo("HTTP socket connect error");
    }

    @Test
    void malformedFileExitsWithTwoAndNamesTheLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "# atscope-trace: 1\ntime_us,dir,kind,data\n10,H>M,data,AT\\r\n5,M>H,data,OK\n9,M>H,data,OK\n");
        CliRun r = CliRun.of("decode", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":4: time goes backwards: 5 after 10");
    }

    @Test
    void missingFileAndBadOptionExitWithTwo() {
        CliRun missing = CliRun.of("decode", "no/such/trace.csv");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no/such/trace.csv: no such file");
        CliRun bad = CliRun.of("decode", "--nope", HTTPS.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--nope'");
    }

    @Test
    void readsStandardInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(HTTPS)));
            CliRun r = CliRun.of("decode", "-");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("13 transactions, 13 ok");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void gapsAreAlwaysShownOtherMarkersWithEvents(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("gap.csv");
        Files.writeString(f, "# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT\\r\n10,M>H,data,\\r\\nOK\\r\\n\n"
                + "20,M>H,gap,module port vanished\n30,M>H,note,module port is back after 0.0 s\n");
        CliRun plain = CliRun.of("decode", f.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("MARKER gap: module port vanished").doesNotContain("note:");
        CliRun all = CliRun.of("decode", "--events", f.toString());
        assertThat(all.out()).contains("MARKER gap: module port vanished").contains("MARKER note: module port is back");
        CliRun json = CliRun.of("decode", "--json", f.toString());
        assertThat(json.out()).contains("\"kind\":\"marker\"").contains("gap: module port vanished")
                .doesNotContain("note:");
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("decode");
        CliRun sub = CliRun.of("decode", "--help");
        assertThat(sub.out()).contains("--json").contains("TRACE");
        assertThat(CliRun.of("--version").out()).startsWith("atscope ");
    }
}
