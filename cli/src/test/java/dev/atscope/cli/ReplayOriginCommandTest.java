package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.origin.TlsFailures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * atscope replay --target emulator with the recorded origin: the samples replay clean with nothing
 * but this machine; a recorded TLS failure replays as the same failure and, with an --edit that
 * fixes the setting, as success, the table and the diff showing the edit apart from what it changed;
 * the options that would let a replay leave the machine say so.
 */
@Timeout(120)
class ReplayOriginCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path tls10;

    @BeforeAll
    static void recordATlsFailure() throws Exception {
        tls10 = dir.resolve("tls10.csv");
        TlsFailures.wrongSslVersion().write(tls10);
    }

    static CliRun replay(Path trace, String... more) {
        List<String> args = new ArrayList<>(List.of("replay", trace.toString(), "--timing", "fast",
                "--out", dir.resolve("out.csv").toString(), "--diff", dir.resolve("diff.jsonl").toString(),
                "--html", dir.resolve("page.html").toString(), "--force"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The table as one line per row: notes are wrapped to the terminal's width. */
    static String unwrapped(String table) {
        return table.replaceAll("\\n {18}(?![-+>] )", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https-get.csv", "ssl-certificates-ram.csv", "ssl-certificates-nvram.csv"})
    void everySampleReplaysCleanAgainstTheEmulator(String sample) {
        CliRun r = replay(Path.of("..", "samples", "traces", sample), "--target", "emulator");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("against emulator and the recorded origin").containsPattern("(\\d+) transactions:"
                + " \\1 same, 0 differ, 0 missing, 0 with other URCs");
        assertThat(r.err()).doesNotContain("waited in vain");
    }

    @Test
    void aRecordedTls10FailureReplaysAsTheSameFailure() throws Exception {
        CliRun r = replay(tls10, "--target", "emulator");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("\\d+\\s+same\\s+AT\\+QHTTPGET=60");
        assertThat(unwrapped(r.out()))
                .contains("(explained) +CME ERROR: 3815 explained by the settings: it offers only TLS 1.0 (sslversion 1)");
        assertThat(r.err()).contains("TLS handshake failed ([TLSv1]");
    }

    @Test
    void anEditThatFixesTheVersionReplaysAsSuccessAndIsShownApart() throws Exception {
        CliRun r = replay(tls10, "--target", "emulator", "--edit", "\"sslversion\",0,1=>\"sslversion\",0,3");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("\\d+\\s+edited\\s+AT\\+QSSLCFG=\"sslversion\",0,1\\n\\s+> sent"
                + " AT\\+QSSLCFG=\"sslversion\",0,3\\n")
                .containsPattern("\\d+\\s+differs\\s+AT\\+QHTTPGET=60\\n\\s+- \\+CME ERROR: 3815\\n\\s+\\+ OK\\n")
                .contains("1 edited, 1 differ");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("diff.jsonl"), StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).filteredOn(n -> n.has("edit")).singleElement().satisfies(n -> {
            assertThat(n.get("status").asText()).isEqualTo("edited");
            assertThat(n.get("edit").get("sent").asText()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,3");
        });
        assertThat(lines).anySatisfy(n -> assertThat(n.get("type").asText()).isEqualTo("note"));
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("edited").asInt()).isEqualTo(1);
        assertThat(summary.get("differs").asInt()).isEqualTo(1);
    }

    @Test
    void theHelpNamesEveryTargetAndOriginWithAnExample() {
        CliRun r = CliRun.of("replay", "--help");
        String unwrapped = r.out().replaceAll("\\n\\s+", ""); // picocli wraps at 80 columns, inside words too
        assertThat(unwrapped).contains("tcp:127.0.0.1:5000").contains("serial:/dev/ttyUSB0@115200")
                .contains("emulator:handshake-failure").contains("recorded").contains("local:https://127.0.0.1:8443")
                .contains("live").contains("--system-dns").contains("--edit");
    }

    @Test
    void whatWouldLeaveTheMachineOrCannotBeDoneIsAUsageError() {
        Path sample = Path.of("..", "samples", "traces", "https-get.csv");
        CliRun live = replay(sample, "--target", "emulator", "--origin", "live");
        assertThat(live.code()).isEqualTo(2);
        assertThat(live.err()).contains("--origin live").contains("add --system-dns");
        CliRun dns = replay(sample, "--target", "emulator", "--system-dns");
        assertThat(dns.code()).isEqualTo(2);
        assertThat(dns.err()).contains("--system-dns is for --origin live");
        CliRun tcp = replay(sample, "--target", "tcp:127.0.0.1:9", "--origin", "recorded");
        assertThat(tcp.code()).isEqualTo(2);
        assertThat(tcp.err()).contains("--origin is for --target emulator");
        CliRun unknown = replay(sample, "--target", "emulator", "--origin", "cache");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("expected recorded, local:URL or live");
        CliRun nothing = replay(sample, "--target", "emulator", "--edit", "QHTTPPOST=>QHTTPGET");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("QHTTPPOST=>QHTTPGET: changes no command line of the recording");
        CliRun arrow = replay(sample, "--target", "emulator", "--edit", "sslversion");
        assertThat(arrow.code()).isEqualTo(2);
        assertThat(arrow.err()).contains("expected OLD=>NEW");
    }
}
