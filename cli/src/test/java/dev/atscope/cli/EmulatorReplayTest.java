package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.LoopbackHttpsServer;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.RecordingLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * atscope replay with the built-in emulator as the target: a session recorded against a healthy
 * module replays clean; one recorded against a faulty profile, replayed against a healthy module,
 * names exactly the transactions the fault changed.
 */
class EmulatorReplayTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** §3.3 over plain HTTP to a local server, as firmware would run it, recorded on the host's side. */
    static void record(Path file, String profile, String url) throws Exception {
        try (TraceRecorder recorder = TraceRecorder.create(file, TraceMetadata.EMPTY.withTag("device", "bench"),
                Duration.ofMillis(100), Duration.ofSeconds(1), null);
                Link module = EmulatedTarget.open(profile);
                AtHost host = new AtHost(new RecordingLink(module, recorder, Direction.HOST_TO_MODULE), REGISTRY,
                        Duration.ofSeconds(10), Duration.ofMillis(30))) {
            host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
            for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT", "AT+QILOCIP")) {
                host.send(c);
            }
            host.upload("AT+QHTTPURL=" + url.length() + ",60", url.getBytes(StandardCharsets.US_ASCII));
            if (host.send("AT+QHTTPGET=60").ok()) {
                host.send("AT+QHTTPREAD=30");
            }
            host.send("AT+QIDEACT");
        }
    }

    @Test
    void aSessionRecordedAgainstTheEmulatorReplaysCleanAgainstIt(@TempDir Path dir) throws Exception {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.http("<p>config v7</p>".getBytes(StandardCharsets.US_ASCII))) {
            Path recorded = dir.resolve("bench.csv");
            record(recorded, "", server.url("127.0.0.1", "/config"));
            CliRun r = CliRun.of("replay", recorded.toString(), "--target", "emulator", "--timing", "fast",
                    "--out", dir.resolve("again.csv").toString(), "--out-dir", dir.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("9 transactions: 9 same, 0 differ");
        }
    }

    @Test
    void aFaultyRecordingNamesWhatDiffersAgainstAHealthyServerAndReplaysCleanAgainstItsRecordedOrigin(
            @TempDir Path dir) throws Exception {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.http("<p>config v7</p>".getBytes(StandardCharsets.US_ASCII))) {
            Path recorded = dir.resolve("field.csv");
            record(recorded, "http-500", server.url("127.0.0.1", "/config"));
            int before = server.requests();
            CliRun healthy = CliRun.of("replay", recorded.toString(), "--target", "emulator", "--timing", "fast",
                    "--origin", "local:http://127.0.0.1:" + server.port(), "--out-dir", dir.toString());
            assertThat(healthy.code()).as(healthy.out() + healthy.err()).isEqualTo(1);
            assertThat(healthy.out()).containsPattern("\\s7\\s+differs\\s+AT\\+QHTTPGET=60")
                    .contains("8 transactions: 7 same, 1 differ")
                    .satisfies(out -> assertThat(ReplayOriginCommandTest.unwrapped(out))
                            .contains("(assumed) every request goes to http://127.0.0.1:" + server.port()));
            assertThat(server.requests() - before).isEqualTo(1);

            CliRun asRecorded = CliRun.of("replay", recorded.toString(), "--target", "emulator", "--timing", "fast",
                    "--out-dir", dir.toString(), "--force");
            assertThat(asRecorded.code()).as(asRecorded.out() + asRecorded.err()).isZero();
            assertThat(asRecorded.out()).contains("8 transactions: 8 same, 0 differ");
            assertThat(ReplayOriginCommandTest.unwrapped(asRecorded.out()))
                    .contains("(reproduced) +CME ERROR: 3822: the server answered with an error status");
            assertThat(server.requests() - before).isEqualTo(1); // a stand-in answered, not the recording's server
        }
    }

    @Test
    void aLenientMockAnswersWhatTheRecordingLacksAsTheEmulatorWould(@TempDir Path dir) throws Exception {
        try (BackgroundCli mock = ReplayCommandTest.mock(ReplayCommandTest.HTTPS, "--lenient")) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
                OutputStream o = s.getOutputStream();
                o.write("AT+QIFGCNT=0\rAT+QSSLCFG=\"sslversion\",1,3\rAT+QSSLCFG=\"sslversion\",1\r"
                        .getBytes(StandardCharsets.US_ASCII));
                o.flush();
                InputStream in = s.getInputStream();
                s.setSoTimeout(10_000);
                StringBuilder sb = new StringBuilder();
                byte[] buf = new byte[1024];
                while (!sb.toString().contains("+QSSLCFG: \"sslversion\",3\r\n\r\nOK")) {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    sb.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                }
                String heard = sb.toString();
                assertThat(heard).contains("AT+QIFGCNT=0\r\r\nOK\r\n")
                        .contains("+QSSLCFG: \"sslversion\",3\r\n\r\nOK");
            }
            CliRun m = mock.finish();
            assertThat(m.code()).isEqualTo(1);
            assertThat(m.out()).contains("diverged: host command 2 AT+QSSLCFG=\"sslversion\",1,3");
        }
    }
}
