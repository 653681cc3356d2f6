package dev.atscope.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.emulator.LocalNetwork;
import dev.atscope.core.emulator.Network;
import dev.atscope.core.trace.Trace;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Given the note's session, recorded against a server in the field (220.180.239.201), when it is
 * replayed against the emulator with its recorded origin, then every connection the module opens
 * goes to a stand-in on 127.0.0.1; the same watch on the live origin sees the field's address, so
 * the watch would catch a recorded origin that let a connection out.
 */
@Timeout(60)
class LoopbackOnlyTest {

    static final Path HTTPS_GET = RecordedOriginTest.SAMPLES.resolve("https-get.csv");

    /** The module's network as given, with every connection it opens written down and any off this machine refused. */
    static final class Watched implements Network {
        final Network inner;
        final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();

        Watched(Network inner) {
            this.inner = inner;
        }

        @Override
        public Route route(Request request) {
            return inner.route(request);
        }

        @Override
        public Socket connect(InetSocketAddress to, InetAddress from, int timeoutMs) throws IOException {
            connections.add(to);
            if (to.getAddress() == null || !to.getAddress().isLoopbackAddress()) {
                throw new ConnectException("the test lets no connection leave this machine: " + to);
            }
            return inner.connect(to, from, timeoutMs);
        }

        @Override
        public X509Certificate trustAnchor(X509Certificate uploaded) {
            return inner.trustAnchor(uploaded);
        }
    }

    @Test
    void aRecordedOriginReplayConnectsOnlyToItsStandInsOnLoopback() throws Exception {
        Watched[] watched = new Watched[1];
        OriginReplays.Run run = OriginReplays.replay(Trace.read(HTTPS_GET), OriginReplays.FAST,
                n -> watched[0] = new Watched(n));
        assertThat(run.result().summary().clean()).as(RecordedOriginTest.describe(run)).isTrue();
        assertThat(watched[0].connections).singleElement().satisfies(to -> {
            assertThat(to.getAddress().isLoopbackAddress()).isTrue();
            assertThat(to.getPort()).isNotEqualTo(8417);
        });
    }

    @Test
    void theSameWatchSeesTheLiveOriginReachForTheField() throws Exception {
        Watched watched = new Watched(new LocalNetwork(Map.of(), true));
        OriginReplays.Run run = OriginReplays.replay(Trace.read(HTTPS_GET), OriginReplays.FAST, n -> watched);
        assertThat(watched.connections).extracting(InetSocketAddress::toString)
                .containsExactly("/220.180.239.201:8417");
        assertThat(run.result().summary().clean()).isFalse();
    }
}
