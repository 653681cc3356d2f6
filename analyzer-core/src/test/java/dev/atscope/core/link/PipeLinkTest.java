package dev.atscope.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Given two connected ends, what one writes the other reads, in order, whole, and then end of stream. */
class PipeLinkTest {

    @Test
    void bytesCrossInOrderAndTheReaderSeesTheEndAfterClose() throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        ends[0].output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
        ends[0].close();
        assertThat(ends[1].input().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("AT\r");
        assertThat(ends[1].input().read()).isEqualTo(-1);
        assertThat(ends[0].describe()).isEqualTo("pipe:host");
    }

    @Test
    void moreThanTheBufferHoldsPassesWhileAnotherThreadReads() throws Exception {
        byte[] data = new byte[PipeLink.CAPACITY * 5 + 17];
        new Random(7).nextBytes(data);
        PipeLink[] ends = PipeLink.pair("a", "b");
        Thread writer = new Thread(() -> {
            try {
                ends[0].output().write(data);
                ends[0].output().close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        byte[] got = ends[1].input().readAllBytes();
        writer.join();
        assertThat(got).isEqualTo(data);
    }

    @Test
    void writingToAClosedPipeFailsInsteadOfHanging() {
        PipeLink[] ends = PipeLink.pair("a", "b");
        ends[1].close();
        assertThatThrownBy(() -> ends[0].output().write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aTcpLinkCarriesBytesBothWaysOnLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (TcpLink client = TcpLink.connect("127.0.0.1", server.getLocalPort(), 2000);
                    Socket accepted = server.accept();
                    TcpLink serverEnd = new TcpLink(accepted)) {
                client.output().write("AT+QIACT\r".getBytes(StandardCharsets.US_ASCII));
                client.output().flush();
                assertThat(readN(serverEnd.input(), 9)).isEqualTo("AT+QIACT\r");
                serverEnd.output().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readN(client.input(), 6)).isEqualTo("\r\nOK\r\n");
                assertThat(client.describe()).isEqualTo("tcp:127.0.0.1:" + server.getLocalPort());
            }
        }
    }

    @Test
    void connectingWhereNobodyListensNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> TcpLink.connect("127.0.0.1", closedPort, 2000)).isInstanceOf(IOException.class)
                .hasMessageContaining("tcp:127.0.0.1:" + closedPort);
    }

    private static String readN(InputStream in, int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (b.size() < n) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
