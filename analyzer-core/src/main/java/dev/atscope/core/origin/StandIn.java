package dev.atscope.core.origin;

import dev.atscope.core.emulator.LoopbackHttpsServer;
import dev.atscope.core.emulator.Pki;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One origin of a recording standing in on 127.0.0.1: a real HTTP or HTTPS server (TLS 1.2 and 1.3,
 * the JDK's default suites, as a current server) that answers each request with the recorded
 * response of the request it replays, in the recorded order; past the recording's last request it
 * answers that one again.
 */
final class StandIn implements AutoCloseable {

    /** What the stand-in answers where the recording has no response (its request failed). */
    static final String NO_RECORDED_RESPONSE = "atscope stand-in: the recording has no response to this request\n";

    final RecordedExchanges.Host host;
    private final LoopbackHttpsServer server;
    private final Deque<RecordedExchange> queue;
    private RecordedExchange last;
    private volatile RecordedExchange current;

    private StandIn(RecordedExchanges.Host host, Pki.Issued identity) throws IOException {
        this.host = host;
        this.queue = new ArrayDeque<>(host.exchanges);
        this.server = identity == null ? LoopbackHttpsServer.http(this::answer)
                : LoopbackHttpsServer.https(identity, CurrentServer.PROTOCOLS, LoopbackHttpsServer.ClientAuth.NONE,
                        null, this::answer);
    }

    /** A stand-in for an http origin ({@code identity} null) or an https one with that certificate. */
    static StandIn start(RecordedExchanges.Host host, Pki.Issued identity) throws IOException {
        return new StandIn(host, identity);
    }

    /** The recorded request the next request replays: the next in order, or the last again. */
    synchronized RecordedExchange next() {
        RecordedExchange x = queue.poll();
        if (x != null) {
            last = x;
        }
        return last;
    }

    /** The request the stand-in's server answers next. */
    void serve(RecordedExchange x) {
        current = x;
    }

    /** Where it listens. */
    InetSocketAddress address() {
        return server.address();
    }

    /** How many requests reached its server (a failed handshake never does). */
    int requests() {
        return server.requests();
    }

    private LoopbackHttpsServer.Answer answer(String method, String path, byte[] posted) {
        RecordedExchange x = current;
        if (x == null) {
            return new LoopbackHttpsServer.Answer(500, bytes("atscope stand-in: no request was expected\n"));
        }
        return switch (x.verdict().kind()) {
            case ANSWERED -> new LoopbackHttpsServer.Answer(200, x.body() == null ? new byte[0] : x.body());
            case SERVER_ERROR -> new LoopbackHttpsServer.Answer(500, bytes("status 500\n"));
            default -> new LoopbackHttpsServer.Answer(200, bytes(NO_RECORDED_RESPONSE));
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        server.close();
    }
}
