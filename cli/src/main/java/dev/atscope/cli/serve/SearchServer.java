package dev.atscope.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.report.ReportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code atscope serve}: a web page over an index, on the JDK's own HTTP server. It answers from a
 * fixed set of paths only: the search page and its script and styles, the search API ({@code
 * /api/search}, {@code /api/facets}, {@code /api/histogram}), a hit's session as the report's
 * timeline ({@code /session}) and its trace as a download ({@code /download}). It reaches the index
 * through {@link TraceSearch} only, so any back end serves.
 *
 * <p>Every answer forbids what the page does not need: a Content-Security-Policy allowing this
 * server's own script, styles and API only, no sniffing of content types, no referrer. Bound to the
 * loopback interface (the default), it answers only requests that name it by a loopback name, so a
 * web site the browser visits cannot reach it through a DNS name of its own.
 */
public final class SearchServer implements AutoCloseable {

    /** The port {@code atscope serve} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8470;

    /** What the search page may load: its own script, styles and API; nothing inline, nothing else. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The page and what it loads, by path; nothing else is served from resources. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/search.js", new Asset("search.js", "text/javascript; charset=utf-8"),
            // the DOM helpers the timeline report's script uses too, from the web-report module
            "/dom.js", new Asset("/dev/atscope/report/dom.js", "text/javascript; charset=utf-8"),
            "/search.css", new Asset("search.css", "text/css; charset=utf-8"));

    private record Asset(String resource, String type) {
        byte[] bytes() {
            try (InputStream in = SearchServer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " missing from the atscope jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static {
        // The JDK's server leaves Nagle's algorithm on: a response written in two parts (headers, then
        // body) then waits for the client's delayed acknowledgement, tens of milliseconds a request.
        // Read once, when the server's configuration class loads; a value the user set is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService workers;
    private final boolean loopback;

    /**
     * Starts serving.
     *
     * @param search the back end; the server does not close it
     * @param registry the grammars, for the meaning of error codes and decoding traces
     * @param address where to listen; port 0 takes any free port
     * @param threads how many requests are answered at once
     */
    public SearchServer(TraceSearch search, ProtocolRegistry registry, InetSocketAddress address, int threads)
            throws IOException {
        this(search, registry, address, threads, false);
    }

    /**
     * Starts serving.
     *
     * @param redact keep secrets out: the timeline masks certificate and key uploads and APN passwords,
     *     and traces are not downloaded
     */
    public SearchServer(TraceSearch search, ProtocolRegistry registry, InetSocketAddress address, int threads,
            boolean redact) throws IOException {
        this.http = HttpServer.create(address, 64);
        this.loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "atscope-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        SearchApi api = new SearchApi(search, registry);
        SessionFiles files = new SessionFiles(search, registry, ReportOptions.DEFAULT.withRedact(redact), !redact);
        Map<String, Asset> assets = ASSETS;
        Map<String, byte[]> loaded = new java.util.HashMap<>();
        assets.forEach((path, a) -> loaded.put(path, a.bytes()));
        http.createContext("/", exchange -> handle(exchange, () -> {
            String path = exchange.getRequestURI().getRawPath();
            Asset a = assets.get(path);
            if (path.equals("/favicon.ico")) {
                send(exchange, 204, new byte[0]); // no icon, and no error in the browser's console for it
                return;
            }
            if (a == null) {
                throw new Problem(404, "no such page: " + path);
            }
            exchange.getResponseHeaders().set("Content-Type", a.type());
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, loaded.get(path));
        }));
        http.createContext("/api/search", exchange -> handle(exchange, () -> api.search(exchange)));
        http.createContext("/api/facets", exchange -> handle(exchange, () -> api.facets(exchange)));
        http.createContext("/api/histogram", exchange -> handle(exchange, () -> api.histogram(exchange)));
        http.createContext("/session", exchange -> handle(exchange, () -> files.session(exchange)));
        http.createContext("/download", exchange -> handle(exchange, () -> files.download(exchange)));
        http.start();
    }

    /** The page's address, as a person types it. */
    public URI url() {
        InetSocketAddress a = http.getAddress();
        InetAddress ip = a.getAddress();
        String host = ip.isAnyLocalAddress() ? "127.0.0.1" : ip.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** The port it listens on (the one chosen when asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What answers one request; may throw a {@link Problem}. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    /** A request that cannot be answered: its status and what to tell the person. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Problem(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void handle(HttpExchange exchange, Work work) throws IOException {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Security-Policy", PAGE_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            try {
                String method = exchange.getRequestMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    headers.set("Allow", "GET, HEAD");
                    throw new Problem(405, "only GET and HEAD are answered, not " + method);
                }
                if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                    throw new Problem(421, "this server answers requests for 127.0.0.1, localhost or [::1] only");
                }
                work.run();
            } catch (Problem p) {
                error(exchange, p.status, p.getMessage());
            } catch (TraceSearch.BadQueryException e) {
                error(exchange, 400, "bad query: " + e.getMessage());
            } catch (IOException e) {
                // the index or the cluster cannot be read now (a Solr node lost, a shard without a leader)
                if (exchange.getResponseCode() < 0) {
                    error(exchange, 503, e.getMessage());
                }
            } catch (RuntimeException e) {
                if (exchange.getResponseCode() < 0) {
                    error(exchange, 500, "internal error: " + e);
                }
            }
        }
    }

    /** {@code 127.0.0.1:8470}, {@code localhost:8470}, {@code [::1]:8470}: a name of this machine only. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** An error as JSON: {@code {"error": "..."}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        var o = DecodedJson.MAPPER.createObjectNode();
        o.put("error", message);
        o.put("status", status);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, (o + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a whole body (nothing for HEAD). */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
