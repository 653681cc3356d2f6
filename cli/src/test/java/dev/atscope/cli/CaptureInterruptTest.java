package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.capture.PtyPair;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given {@code atscope capture} running in its own process, when it gets SIGINT (Ctrl-C), then it
 * closes the trace cleanly (no cut-short row) and prints its summary before the process ends.
 */
class CaptureInterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCClosesTheTraceAndPrintsTheSummary() throws Exception {
        Path file = dir.resolve("ctrl-c.csv");
        try (PtyPair hostSide = PtyPair.open(dir, "host"); PtyPair moduleSide = PtyPair.open(dir, "module")) {
            Process atscope = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "capture", "--host",
                    hostSide.pathA(), "--module", moduleSide.pathA(), "-o", file.toString(), "--flush-ms", "60000")
                    .redirectOutput(dir.resolve("out.txt").toFile()).start();
            try (SerialLink host = SerialLink.open(hostSide.pathB(), SerialSettings.DEFAULT);
                    SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
                BufferedReader err = new BufferedReader(new InputStreamReader(atscope.getErrorStream(),
                        StandardCharsets.UTF_8));
                assertThat(CompletableFuture.supplyAsync(() -> readLine(err)).get(60, TimeUnit.SECONDS))
                        .startsWith("atscope: recording inline proxy");
                host.output().write("AT+QIACT\r".getBytes(StandardCharsets.US_ASCII));
                assertThat(module.input().readNBytes(9)).isEqualTo("AT+QIACT\r".getBytes(StandardCharsets.US_ASCII));
                module.output().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(host.input().readNBytes(6)).isEqualTo("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));

                // with a flush interval of a minute, only a clean close can have put these rows in the file
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(atscope.pid())).start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(atscope.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                atscope.destroyForcibly();
            }
            assertThat(atscope.exitValue()).isEqualTo(130); // 128 + SIGINT, as for any program stopped by Ctrl-C
            String out = java.nio.file.Files.readString(dir.resolve("out.txt"));
            assertThat(out).contains("recorded ").contains("  H>M  9 bytes in 1 chunk\n").contains("  M>H  6 bytes in 1 chunk\n")
                    .contains("  0 gaps, 0 line errors");
        }
        StringBuilder text = new StringBuilder();
        try (TraceReader r = Traces.open(file)) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                text.append(e instanceof dev.atscope.core.trace.Chunk c ? new String(c.data(), StandardCharsets.US_ASCII) : "");
            }
            assertThat(r.warnings()).isEmpty();
        }
        assertThat(text.toString()).isEqualTo("AT+QIACT\r\r\nOK\r\n");
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
