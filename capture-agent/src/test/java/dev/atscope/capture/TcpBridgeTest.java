package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a module's port shared over TCP, when a lab tool connects and drives it, then the tool gets
 * the module's answers, the trace holds both directions, and clients coming and going are noted.
 */
class TcpBridgeTest {

    @TempDir
    Path dir;

    @Test
    void aClientDrivesTheModuleThroughTheBridgeWhileItIsRecorded() throws Exception {
        Path file = dir.resolve("bridge.csv");
        try (PtyPair moduleSide = PtyPair.open(dir, "module");
                SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
            TcpBridge bridge = TcpBridge.start(new PortSpec(moduleSide.pathA(), SerialSettings.DEFAULT),
                    TcpBridge.parseListen("tcp:127.0.0.1:0"), file, CaptureOptions.DEFAULTS);
            try {
                assertThat(bridge.address().getAddress().isLoopbackAddress()).isTrue();
                for (int round = 1; round <= 2; round++) {
                    try (Socket tool = new Socket()) {
                        tool.connect(bridge.address(), 10_000);
                        tool.getOutputStream().write("AT+QIDEACT\r".getBytes(StandardCharsets.US_ASCII));
                        assertThat(text(module.input().readNBytes(11))).isEqualTo("AT+QIDEACT\r");
                        module.output().write("AT+QIDEACT\r\r\nDEACT OK\r\n".getBytes(StandardCharsets.US_ASCII));
                        assertThat(text(readExactly(tool.getInputStream(), 23)))
                                .isEqualTo("AT+QIDEACT\r\r\nDEACT OK\r\n");
                    }
                    long notes = round * 2L;
                    PassiveTapTest.awaitAtLeast(notes, () -> notes(file));
                }
            } finally {
                bridge.close();
                bridge.session().close();
            }
            assertThat(bridge.session().summary().stats().hostBytes()).isEqualTo(22);
            assertThat(bridge.session().summary().stats().moduleBytes()).isEqualTo(46);
        }
        Trace trace = Trace.read(file);
        assertThat(trace.metadata().modulePort()).endsWith("module-a");
        assertThat(trace.metadata().hostPort()).startsWith("tcp:127.0.0.1:");
        assertThat(text(ScriptedEnd.bytes(trace.entries(), Direction.HOST_TO_MODULE)))
                .isEqualTo("AT+QIDEACT\rAT+QIDEACT\r");
        List<String> notes = trace.entries().stream().filter(e -> e instanceof Marker).map(e -> ((Marker) e).text())
                .toList();
        assertThat(notes).hasSize(4);
        assertThat(notes.get(0)).startsWith("client tcp:127.0.0.1:").endsWith(" connected");
        assertThat(notes.get(1)).endsWith(" disconnected");
    }

    @Test
    void listenAddressesDefaultToTheLoopback() {
        assertThat(TcpBridge.parseListen("5000")).isEqualTo(new InetSocketAddress("127.0.0.1", 5000));
        assertThat(TcpBridge.parseListen("tcp:0.0.0.0:7000")).isEqualTo(new InetSocketAddress("0.0.0.0", 7000));
        assertThatThrownBy(() -> TcpBridge.parseListen("tcp:localhost:http"))
                .hasMessage("bad listen address 'tcp:localhost:http'; expected tcp:HOST:PORT, HOST:PORT or PORT,"
                        + " such as tcp:127.0.0.1:5000");
    }

    private static long notes(Path file) {
        try {
            long n = 0;
            for (TraceEntry e : Trace.read(file).entries()) {
                if (e instanceof Marker) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            return 0; // read while a row is half written: try again
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws Exception {
        return in.readNBytes(n);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
