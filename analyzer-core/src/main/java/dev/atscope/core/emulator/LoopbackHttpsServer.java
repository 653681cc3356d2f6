package dev.atscope.core.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTP or HTTPS server on 127.0.0.1 for the demo, the tests and the stand-ins of a replay
 * (the JDK's {@code com.sun.net.httpserver}): by default it answers {@code GET} with a page and
 * {@code POST} with what was posted, and a path {@code /status/NNN} answers that status; a {@link
 * Responder} answers otherwise. The TLS side can be limited to some protocol versions and can ask
 * for, or insist on, a client certificate from a given CA.
 */
public final class LoopbackHttpsServer implements AutoCloseable {

    /** Whether the server asks the client for a certificate. */
    public enum ClientAuth { NONE, WANT, NEED }

    /** Answers one request. */
    @FunctionalInterface
    public interface Responder {
        /**
         * @param method the request's method
         * @param path the request's path and query
         * @param body what was posted (empty for a GET)
         */
        Answer answer(String method, String path, byte[] body);
    }

    /**
     * An HTTP response.
     *
     * @param status its status
     * @param body its body, sent with a {@code Content-Length}
     */
    public record Answer(int status, byte[] body) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean https;
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackHttpsServer(HttpServer server, ExecutorService executor, boolean https, Responder responder) {
        this.server = server;
        this.executor = executor;
        this.https = https;
        server.createContext("/", exchange -> answer(exchange, responder));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * An HTTPS server.
     *
     * @param identity the server's certificate and key
     * @param protocols the protocols it accepts ({@code TLSv1.2}, {@code TLSv1.3})
     * @param clientAuth whether it asks for a client certificate
     * @param clientCa the CA that client certificates must come from (null with {@link ClientAuth#NONE})
     * @param page the body of every GET
     */
    public static LoopbackHttpsServer https(Pki.Issued identity, List<String> protocols, ClientAuth clientAuth,
            X509Certificate clientCa, byte[] page) throws IOException {
        return https(identity, protocols, clientAuth, clientCa, pageOr(page));
    }

    /** An HTTPS server that answers with a responder; otherwise as {@link #https(Pki.Issued, List, ClientAuth, X509Certificate, byte[])}. */
    public static LoopbackHttpsServer https(Pki.Issued identity, List<String> protocols, ClientAuth clientAuth,
            X509Certificate clientCa, Responder responder) throws IOException {
        try {
            char[] pass = "server".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", identity.keys().getPrivate(), pass,
                    new X509Certificate[] {identity.certificate(), identity.issuer()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            if (clientCa != null) {
                ts.setCertificateEntry("client-ca", clientCa);
            }
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setProtocols(protocols.toArray(String[]::new));
                    p.setNeedClientAuth(clientAuth == ClientAuth.NEED);
                    if (clientAuth == ClientAuth.WANT) {
                        p.setWantClientAuth(true);
                    }
                    params.setSSLParameters(p);
                }
            });
            return new LoopbackHttpsServer(s, executor(), true, responder);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the HTTPS server: " + e.getMessage(), e);
        }
    }

    /** A plain HTTP server. */
    public static LoopbackHttpsServer http(byte[] page) throws IOException {
        return http(pageOr(page));
    }

    /** A plain HTTP server that answers with a responder. */
    public static LoopbackHttpsServer http(Responder responder) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        return new LoopbackHttpsServer(s, executor(), false, responder);
    }

    /** The page for GET, what was posted for POST, the status a {@code /status/NNN} path names. */
    private static Responder pageOr(byte[] page) {
        return (method, path, body) -> {
            if (path.startsWith("/status/")) {
                int status = Integer.parseInt(path.substring(8));
                return new Answer(status, ("status " + status + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return new Answer(200, method.equals("POST") ? body : page);
        };
    }

    private static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "atscope-https-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private void answer(HttpExchange exchange, Responder responder) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] posted;
            try (InputStream in = exchange.getRequestBody()) {
                posted = in.readAllBytes();
            }
            Answer a = responder.answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    posted);
            if (exchange instanceof com.sun.net.httpserver.HttpsExchange hx) {
                SSLSession session = hx.getSSLSession();
                exchange.getResponseHeaders().add("X-TLS", session.getProtocol() + " " + session.getCipherSuite());
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        }
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL on this server for a name that the emulator resolves to 127.0.0.1. */
    public String url(String host, String path) {
        return (https ? "https://" : "http://") + host + ":" + port() + path;
    }

    /** How many requests reached a handler (a failed handshake never does). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
