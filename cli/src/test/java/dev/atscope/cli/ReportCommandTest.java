package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    static final Path HTTPS = Path.of("../samples/traces/https-get.csv");

    @TempDir
    Path dir;

    @Test
    void writesOneHtmlFileAndPrintsItsPath() throws Exception {
        Path html = dir.resolve("timeline.html");
        CliRun r = CliRun.of("report", HTTPS.toString(), "-o", html.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(html + ": 13 transactions, 1 session, 0 errors, 1 warning\n");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>https-get.csv \u2014 atscope</title>")
                .contains("AT+QHTTPREAD=30");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(html);
        }
    }

    @Test
    void redactionOptionsReachThePage() throws Exception {
        Path html = dir.resolve("redacted.html");
        CliRun r = CliRun.of("report", HTTPS.toString(), "-o", html.toString(), "--redact",
                "--redact-pattern", "10\\.1\\.83\\.\\d+", "--redact-pattern", "CMNET");
        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("10.1.83.188").doesNotContain("CMNET").contains("\"redacted\":true");
    }

    @Test
    void aBrokenTraceIsBadInputWithItsLine() throws Exception {
        Path trace = dir.resolve("broken.csv");
        Files.writeString(trace, "# atscope-trace: 1\ntime_us,dir,kind,data\n10,H>M,data,AT\\r\n5,X>Y,data,OK\n");
        Path html = dir.resolve("broken.html");
        CliRun r = CliRun.of("report", trace.toString(), "-o", html.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.csv:4");
        assertThat(html).doesNotExist();
    }

    @Test
    void aBadPatternIsAUsageError() {
        CliRun r = CliRun.of("report", HTTPS.toString(), "-o", dir.resolve("x.html").toString(),
                "--redact-pattern", "([unclosed");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--redact-pattern ([unclosed");
    }
}
