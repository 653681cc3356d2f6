package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.capture.PtyPair;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.link.TcpLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given {@code atscope emulate}, a host connecting over TCP meets a module; bad options exit with 2. */
class EmulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesAModuleOnTheAnnouncedPortWithTheFaultProfile() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = new Thread(() -> code.set(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emulate", "--listen", "tcp:127.0.0.1:0", "--fast", "--profile", "pdp-fails-twice", "--exit-after",
                "2")), "test-emulate");
        cli.start();
        Pattern where = Pattern.compile("on tcp:127\\.0\\.0\\.1:(\\d+)");
        int port = Await.value("the emulator's port", () -> where.matcher(out.toString()).results().findFirst()
                .map(m -> Integer.parseInt(m.group(1))));
        try (AtHost host = new AtHost(TcpLink.connect("127.0.0.1", port, 2000), ProtocolRegistry.loadDefault(),
                Duration.ofSeconds(5), Duration.ofMillis(30))) {
            host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
            host.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(host.send("AT+QIACT").answer()).containsExactly("ERROR");
        }
        cli.join(10_000);
        assertThat(code.get()).isZero();
        assertThat(out.toString()).contains("fault profile: pdp-fails-twice").contains("AT+QIACT fails (fault profile")
                .contains("stopped after serving 1 connection(s)");
    }

    @Test
    void servesOneModuleOnASerialPortThroughJSerialComm() throws Exception {
        try (PtyPair pty = PtyPair.open(dir, "modem")) {
            StringWriter out = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread cli = new Thread(() -> code.set(Main.run(new PrintWriter(out, true),
                    new PrintWriter(new StringWriter()), "emulate", "--listen", "serial:" + pty.pathA() + "@115200",
                    "--fast", "--exit-after", "3")), "test-emulate-serial");
            try (SerialLink hostEnd = SerialLink.open(pty.pathB(), SerialSettings.DEFAULT)) {
                cli.start();
                Await.until("the emulator on the serial port", () -> out.toString().contains("emulating an M66 module on"));
                try (AtHost host = new AtHost(hostEnd, ProtocolRegistry.loadDefault(), Duration.ofSeconds(5),
                        Duration.ofMillis(30))) {
                    host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
                    assertThat(host.send("AT+QSSLCFG=\"sslversion\",0,3").answer()).containsExactly("OK");
                    assertThat(host.send("AT+QSSLCFG=\"sslversion\",0").answer())
                            .containsExactly("+QSSLCFG: \"sslversion\",3", "OK");
                    assertThat(host.send("AT+QSSLCFG=\"sslversion\",0,9").answer()).as("out of the grammar's range")
                            .containsExactly("ERROR");
                }
            }
            cli.join(10_000);
            assertThat(code.get()).isZero();
            assertThat(out.toString()).contains("emulating an M66 module on serial:");
        }
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() throws Exception {
        CliRun scheme = CliRun.of("emulate", "--listen", "udp:127.0.0.1:5000");
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("expected tcp:HOST:PORT or serial:PATH");
        CliRun serial = CliRun.of("emulate", "--listen", "serial:" + dir.resolve("no-such-tty"));
        assertThat(serial.code()).isEqualTo(2);
        assertThat(serial.err()).contains("no-such-tty");
        CliRun port = CliRun.of("emulate", "--listen", "tcp:127.0.0.1:99999");
        assertThat(port.code()).isEqualTo(2);
        CliRun name = CliRun.of("emulate", "--profile", "gremlins");
        assertThat(name.code()).isEqualTo(2);
        assertThat(name.err()).contains("no built-in fault profile 'gremlins'").contains("handshake-failure");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"dnsFailures\": true\n}\n");
        CliRun file = CliRun.of("emulate", "--profile", bad.toString());
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).contains(bad + ":2:3: unknown field 'dnsFailures'");
        CliRun resolve = CliRun.of("emulate", "--resolve", "example.com");
        assertThat(resolve.code()).isEqualTo(2);
        assertThat(resolve.err()).contains("expected NAME=IP");
    }
}
