package dev.atscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load on a running {@code atscope serve}: {@code CLIENTS} clients, each running {@code SEARCHES}
 * searches of the search page one after the other, as the page makes them (the hits with their facet
 * counts and histogram of one query, in one request), over the questions of docs/search.md. Prints the
 * latency at p50, p90, p99 and the maximum, after a warm-up that is not counted:
 * {@code java -cp bench/target/benchmarks.jar dev.atscope.bench.ServeLoad URL [CLIENTS] [SEARCHES] [split]}.
 * With {@code split} each search is two requests asked at once, as the page made them before: the hits
 * with the facets, and {@code /api/histogram} (the baseline of the one-request search).
 * scripts/serve-load builds the index with atscope generate and atscope index, starts the server
 * and runs this.
 */
public final class ServeLoad {

    private ServeLoad() {}

    static final List<String> QUERIES = List.of(
            "error:3815",
            "command:QSSLCFG AND sslversion:0",
            "command:QIACT AND duration:[10000 TO *]",
            "error:[3815 TO 3822] AND time:[2026-11-16 TO 2026-11-23]",
            "QHTTPGET outcome:error",
            "cmnet");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8470/");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int warmup = Math.max(10, searches / 10);
        boolean split = args.length > 3 && args[3].equals("split");
        // split: hits and histogram asked at once, each client has a second thread for the second call
        ExecutorService second = Executors.newFixedThreadPool(clients);
        Map<String, List<Long>> micros = new LinkedHashMap<>();
        for (String k : split ? List.of("/api/search", "/api/histogram", "search (both)") : List.of("search (one request)")) {
            micros.put(k, Collections.synchronizedList(new ArrayList<>()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            runs.add(pool.submit(() -> {
                for (int i = 0; i < warmup + searches; i++) {
                    String q = URLEncoder.encode(QUERIES.get((client + i) % QUERIES.size()), StandardCharsets.UTF_8);
                    long start = System.nanoTime();
                    if (!split) {
                        call(base.resolve("/api/search?explain=1&facets=1&histogram=1&size=20&q=" + q));
                        if (i >= warmup) {
                            micros.get("search (one request)").add((System.nanoTime() - start) / 1000);
                        }
                        continue;
                    }
                    URI histogram = base.resolve("/api/histogram?q=" + q);
                    CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> call(histogram), second);
                    long[] each = {call(base.resolve("/api/search?explain=1&facets=1&size=20&q=" + q)), other.join()};
                    long all = (System.nanoTime() - start) / 1000;
                    if (i >= warmup) {
                        micros.get("/api/search").add(each[0]);
                        micros.get("/api/histogram").add(each[1]);
                        micros.get("search (both)").add(all);
                    }
                }
                return null;
            }));
        }
        for (Future<?> r : runs) {
            r.get(30, TimeUnit.MINUTES);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        second.shutdown();
        System.out.printf(Locale.ROOT, "%d clients x %d searches (after %d warm-up each) against %s: %.1f s, %.0f"
                + " searches/s%n", clients, searches, warmup, base, secs, clients * (warmup + searches) / secs);
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %8s%n", "latency, ms", "p50", "p90", "p99", "max", "n");
        for (Map.Entry<String, List<Long>> e : micros.entrySet()) {
            List<Long> v = new ArrayList<>(e.getValue());
            Collections.sort(v);
            System.out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f %8d%n", e.getKey(), at(v, 0.50), at(v, 0.90),
                    at(v, 0.99), v.get(v.size() - 1) / 1000.0, v.size());
        }
        System.exit(0);
    }

    /**
     * One GET over a kept-alive connection (HttpURLConnection reuses it once the body is read whole);
     * its latency in microseconds once the whole body arrived; fails on any status but 200. A blocking
     * client costs this machine's two processors far less a request than an asynchronous one, and
     * they are shared with the server measured.
     */
    private static long call(URI uri) {
        long start = System.nanoTime();
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            int status = c.getResponseCode();
            try (InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    throw new IllegalStateException(uri + ": HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": " + e.getMessage(), e);
        }
        return (System.nanoTime() - start) / 1000;
    }

    private static double at(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }
}
