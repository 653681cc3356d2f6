package dev.atscope.core.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The world beyond the emulated module's antenna as its HTTP client meets it: where a request's
 * host is (or why it cannot be reached), the connection to it, and the certificate authority that
 * stands for an uploaded one. The module opens every connection through {@link #connect}, so what
 * a module reaches is exactly what its network lets it reach.
 */
public interface Network {

    /** Where a request goes, or the error it fails with before any connection is made. */
    Route route(Request request);

    /**
     * Opens the TCP connection of a route: the only socket the module's HTTP client opens.
     *
     * @param to the server's address and port, as the route gave them
     * @param from the module's own address (AT+QILOCIP's)
     */
    default Socket connect(InetSocketAddress to, InetAddress from, int timeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(to, timeoutMs);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The certificate authority the module trusts in place of one that was uploaded with
     * AT+QSECWRITE: the uploaded one itself, unless the network stands in for the servers it
     * vouches for (it then holds the key of a twin, never the original's).
     */
    default X509Certificate trustAnchor(X509Certificate uploaded) {
        return uploaded;
    }

    /**
     * A request as the module is about to make it.
     *
     * @param method {@code GET} or {@code POST}
     * @param uri the URL set with AT+QHTTPURL
     * @param tls the SSL context's settings for https, null for http
     */
    record Request(String method, URI uri, TlsSettings tls) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
        }

        /** The port the URL names, or the scheme's. */
        public int port() {
            return uri.getPort() >= 0 ? uri.getPort() : tls != null ? 443 : 80;
        }
    }

    /** What becomes of a request. */
    sealed interface Route permits Connect, Fail {}

    /**
     * Connect to a server. The URL's host stays the TLS server name and the {@code Host} header.
     *
     * @param to the address and port to connect to
     * @param protocols the TLS protocols offered in place of those the SSL context names, or empty for the context's
     * @param suites the cipher suites (JDK names) offered in place of the context's, or empty for the context's
     * @param note why the route is what it is, for the module's log, or empty
     */
    record Connect(InetSocketAddress to, List<String> protocols, List<String> suites, String note) implements Route {
        public Connect {
            Objects.requireNonNull(to, "to");
            protocols = List.copyOf(protocols);
            suites = List.copyOf(suites);
            note = note == null ? "" : note;
        }

        /** Straight to an address, offering what the context says. */
        public static Connect to(InetSocketAddress to) {
            return new Connect(to, List.of(), List.of(), "");
        }
    }

    /**
     * The request fails before any connection.
     *
     * @param code the {@code +CME ERROR} code the module answers (a recorded one), or 0 for the
     *     grammar's code of {@code situation}
     * @param situation what failed, when no code is given
     * @param reason why, for the module's log
     */
    record Fail(int code, ErrorSituation situation, String reason) implements Route {

        /** A failure that answers a given code (as recorded). */
        public Fail(int code, String reason) {
            this(code, null, reason);
        }

        /** A failure that answers the grammar's code for the situation. */
        public Fail(ErrorSituation situation, String reason) {
            this(0, situation, reason);
        }

        /** The code the module answers. */
        public int code(dev.atscope.core.protocol.ProtocolRegistry registry) {
            return situation != null ? situation.code(registry) : code;
        }
    }
}
