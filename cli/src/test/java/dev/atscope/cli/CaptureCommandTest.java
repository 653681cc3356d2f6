package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.capture.PortInfo;
import dev.atscope.capture.PtyPair;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.testing.Await;
import dev.atscope.core.trace.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code atscope capture} and {@code atscope ports} on real pseudo-terminals. */
class CaptureCommandTest {

    @TempDir
    Path dir;

    @Test
    void theLiveViewPrintsEachTransactionAsItCompletesWithFailuresInRed() throws Exception {
        Path file = dir.resolve("live.csv");
        try (PtyPair hostSide = PtyPair.open(dir, "host"); PtyPair moduleSide = PtyPair.open(dir, "module");
                SerialLink host = SerialLink.open(hostSide.pathB(), SerialSettings.DEFAULT);
                SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
            CaptureCommand command = new CaptureCommand();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cl.execute("--host",
                    hostSide.pathA(), "--module", moduleSide.pathA() + "@115200,8N1", "-o", file.toString(), "--live",
                    "--color", "always", "--tag", "device=bench-m66"));
            assertThat(command.recording.await(30, TimeUnit.SECONDS)).isTrue();

            exchange(host, module, "AT+QIFGCNT=0\r", "AT+QIFGCNT=0\r\r\nOK\r\n");
            exchange(host, module, "AT+QHTTPGET=60\r", "AT+QHTTPGET=60\r\r\n+CME ERROR: 3815\r\n");
            // printed while still recording: the second transaction ends with its result
            Await.until("the live table's failed transaction", () -> out.toString().contains("+CME ERROR: 3815"));
            command.stop();
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();

            String[] lines = out.toString().split("\n");
            String ok = line(lines, "AT+QIFGCNT=0");
            String failed = line(lines, "AT+QHTTPGET=60");
            assertThat(ok).doesNotContain("\u001b[").contains(" ok ");
            assertThat(failed).startsWith("\u001b[1;31m").endsWith("\u001b[0m").contains("error")
                    .contains("+CME ERROR: 3815");
            assertThat(out.toString()).contains("2 transactions, 1 ok, 1 error")
                    .containsPattern("recorded \\d+(\\.\\d)? (us|ms|s) into " + java.util.regex.Pattern.quote(file.toString()))
                    .contains("  H>M  28 bytes in ").contains("  M>H  54 bytes in ")
                    .contains("  0 gaps, 0 line errors");
            assertThat(err.toString()).contains("atscope: recording inline proxy between host " + hostSide.pathA()
                    + " and module " + moduleSide.pathA() + " into " + file + "; Ctrl-C stops");
        }
        Trace trace = Trace.read(file);
        assertThat(trace.metadata().tags()).containsEntry("device", "bench-m66");
        assertThat(trace.entries()).isNotEmpty();
    }

    @Test
    void aBridgedModuleRecordedIntoRotatingFiles() throws Exception {
        Path file = dir.resolve("field.csv");
        try (PtyPair moduleSide = PtyPair.open(dir, "module");
                SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT);
                java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = probe.getLocalPort();
            probe.close(); // a free port for the bridge to take
            CaptureCommand command = new CaptureCommand();
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cl.execute("--bridge",
                    moduleSide.pathA(), "--listen", "tcp:127.0.0.1:" + port, "-o", file.toString(), "--rotate-size",
                    "1k"));
            assertThat(command.recording.await(30, TimeUnit.SECONDS)).isTrue();
            byte[] line = "AT+QHTTPREAD=30\r".getBytes(StandardCharsets.US_ASCII);
            try (java.net.Socket tool = new java.net.Socket("127.0.0.1", port)) {
                for (int i = 0; i < 100; i++) {
                    tool.getOutputStream().write(line);
                    assertThat(module.input().readNBytes(line.length)).isEqualTo(line);
                }
            }
            command.stop();
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        }
        assertThat(dir.resolve("field-0001.csv")).exists();
        assertThat(dir.resolve("field-0002.csv")).exists();
        StringBuilder all = new StringBuilder();
        for (int part = 1; java.nio.file.Files.exists(dir.resolve(String.format("field-%04d.csv", part))); part++) {
            for (var e : Trace.read(dir.resolve(String.format("field-%04d.csv", part))).entries()) {
                if (e instanceof dev.atscope.core.trace.Chunk c) {
                    all.append(new String(c.data(), StandardCharsets.US_ASCII));
                }
            }
        }
        assertThat(all.toString()).isEqualTo("AT+QHTTPREAD=30\r".repeat(100));
    }

    @Test
    void aPortThatCannotBeOpenedIsNamedWithExitCodeTwo() {
        String missing = dir.resolve("ttyUSB7").toString();
        CliRun r = CliRun.of("capture", "--host", missing, "--module", missing + "x", "-o",
                dir.resolve("t.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("atscope: host port: cannot open serial port " + missing + ": no such device");
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }

    @Test
    void badModesAndSettingsAreUsageErrors() {
        String out = dir.resolve("t.csv").toString();
        assertThat(CliRun.of("capture", "-o", out).err()).contains("choose one mode: --host PORT --module PORT");
        assertThat(CliRun.of("capture", "--host", "/dev/a", "-o", out).err())
                .contains("the inline proxy needs both --host PORT and --module PORT");
        assertThat(CliRun.of("capture", "--host", "/dev/a", "--module", "/dev/b", "--bridge", "/dev/c", "-o", out)
                .err()).contains("choose one mode");
        CliRun frame = CliRun.of("capture", "--bridge", "/dev/a", "--frame", "9N1", "-o", out);
        assertThat(frame.code()).isEqualTo(2);
        assertThat(frame.err()).contains("bad line settings --baud 115200 --frame 9N1 --flow none: bad line setting"
                + " '9N1'");
        assertThat(CliRun.of("capture", "--host", "/dev/a@fast", "--module", "/dev/b", "-o", out).err())
                .contains("port /dev/a: bad baud rate 'fast'");
        assertThat(CliRun.of("capture", "--bridge", "/dev/a", "--rotate-size", "lots", "-o", out).err())
                .contains("bad --rotate-size lots; expected a positive size such as 500k, 10MB or 1G");
        assertThat(CliRun.of("capture", "--bridge", "/dev/a", "--listen", "tcp:x:y", "-o", out).code()).isEqualTo(2);
        assertThat(CaptureCommand.size("10MB")).isEqualTo(10L << 20);
        assertThat(CaptureCommand.size("500k")).isEqualTo(500L << 10);
        assertThat(CaptureCommand.age("30m")).hasMinutes(30);
    }

    @Test
    void portsListsWhatTheSystemReports() {
        CliRun r = CliRun.of("ports");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsAnyOf("no serial ports found", " port\n", " ports\n");

        StringWriter s = new StringWriter();
        PortsCommand.print(new PrintWriter(s, true), List.of(new PortInfo("/dev/ttyUSB0", "ttyUSB0",
                "CP2102 USB to UART Bridge Controller", "Silicon Labs", 0x10c4, 0xea60, "0001", "1-1.2")));
        assertThat(s.toString().split("\n")[1]).isEqualTo(String.format("%-22s %-10s %-40s %s", "/dev/ttyUSB0",
                "10c4:ea60", "CP2102 USB to UART Bridge Controller", "Silicon Labs, serial 0001, at 1-1.2"));
    }

    private static void exchange(SerialLink host, SerialLink module, String command, String answer) throws Exception {
        host.output().write(command.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(module.input().readNBytes(command.length()), StandardCharsets.US_ASCII))
                .isEqualTo(command);
        module.output().write(answer.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(host.input().readNBytes(answer.length()), StandardCharsets.US_ASCII)).isEqualTo(answer);
    }

    private static String line(String[] lines, String command) {
        for (String l : lines) {
            if (l.matches(".* H>M \\S+ +" + java.util.regex.Pattern.quote(command) + "( .*|$)")) {
                return l;
            }
        }
        throw new AssertionError("no line for " + command + " in " + String.join("\n", lines));
    }
}
