package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given an empty folder, when {@code atscope demo} runs, then the folder holds the trace and what it says. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTraceDecodedTableSessionsAndLogAndSaysWhatToOpen() throws Exception {
        Path out = dir.resolve("demo");
        CliRun r = CliRun.of("demo", "--fast", "-o", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("§3.1 certificates and key into RAM")
                .contains("AT+QSECWRITE=\"NVRAM:CK0\"")
                .contains("each answered as expected")
                .contains("open:")
                .contains(out.resolve("decoded.txt").toString())
                .contains("ok, ok, tls-handshake-failed");
        String decoded = Files.readString(out.resolve("decoded.txt"));
        assertThat(decoded).contains("AT+QHTTPGET=60").contains("+CME ERROR: 3815").contains("DEACT OK")
                .containsPattern("\\d+ transactions, \\d+ ok, 1 error");
        assertThat(Files.readAllLines(out.resolve("sessions.txt"))).filteredOn(l -> l.startsWith("session"))
                .hasSize(3).last().asString().contains("tls-handshake-failed");
        assertThat(out.resolve("trace.csv")).isRegularFile();
        String check = Files.readString(out.resolve("check.txt"));
        assertThat(check).as("the true findings: level 0 on HTTPS, and the failed handshake")
                .contains("warning security.no-auth").contains("error result.error").contains("3 sessions, 1 error, 1 warning");
        String html = Files.readString(out.resolve("timeline.html"));
        assertThat(html).contains("default-src 'none'").contains("tls-handshake-failed");
        assertThat(r.out()).contains("timeline.html").contains("open it in a browser");
        assertThat(Files.readString(out.resolve("emulator.log"))).contains("+CME ERROR: 3815");

        CliRun again = CliRun.of("decode", out.resolve("trace.csv").toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA1\"");
    }
}
