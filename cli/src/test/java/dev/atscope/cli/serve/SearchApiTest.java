package dev.atscope.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.cli.Main;
import dev.atscope.core.json.DecodedJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the fleet indexed and served on 127.0.0.1, when scripts call the API as a person's browser
 * would, then it answers what {@code atscope search --json} prints, pages, counts and histograms that
 * add up, clear errors for bad input, and nothing outside its fixed set of paths.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SearchApiTest {

    @TempDir
    static Path tmp;

    static ServedFleet served;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void serveTheFleet() throws Exception {
        served = new ServedFleet(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        if (served != null) {
            served.close();
        }
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(served.url()).resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> bytes(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(served.url()).resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                out.add(DecodedJson.MAPPER.readTree(line));
            }
        }
        return out;
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    static JsonNode withoutTime(JsonNode summary) {
        ObjectNode o = summary.deepCopy();
        o.remove("took_us");
        return o;
    }

    @Test
    void searchAnswersTheJsonLinesOfSearchJson() throws Exception {
        for (String q : List.of("error:3815", "session:outcome:tls-handshake-failed", "command:QSSLCFG AND sslversion:3",
                "QIACT", "session:error:3815")) {
            boolean sessions = q.startsWith("session:");
            q = sessions ? q.substring(8) : q;
            HttpResponse<String> r = get("/api/search?size=100&q=" + enc(q) + (sessions ? "&sessions=1" : ""));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                    "application/x-ndjson"));
            List<JsonNode> api = lines(r.body());
            List<String> args = new ArrayList<>(List.of("search", "--index", served.index.toString(), "--json", "--limit",
                    "100", q));
            if (sessions) {
                args.add("--sessions");
            }
            List<JsonNode> cli = lines(cli(args.toArray(String[]::new)));
            assertThat(api).hasSameSizeAs(cli).hasSizeGreaterThan(1);
            assertThat(api.subList(0, api.size() - 1)).as(q).isEqualTo(cli.subList(0, cli.size() - 1));
            assertThat(withoutTime(api.get(api.size() - 1))).isEqualTo(withoutTime(cli.get(cli.size() - 1)));
        }
    }

    @Test
    void pagesAreSlicesOfOneOrderAndHitsExplainTheirError() throws Exception {
        List<JsonNode> ten = lines(get("/api/search?sort=time&size=10&q=" + enc("type:transaction")).body());
        List<JsonNode> second = lines(get("/api/search?sort=time&size=5&page=2&q=" + enc("type:transaction")).body());
        assertThat(second.subList(0, 5)).isEqualTo(ten.subList(5, 10));
        assertThat(second.get(5).get("total").asLong()).isGreaterThan(10);

        List<JsonNode> failed = lines(get("/api/search?explain=1&q=" + enc("error:3815")).body());
        JsonNode hit = failed.get(0);
        assertThat(hit.get("error").asInt()).isEqualTo(3815);
        assertThat(hit.get("error_meaning").asText()).isEqualTo(ServedFleet.REGISTRY.cmeMeaning(3815));
    }

    @Test
    void facetsCountByEveryDimensionAndAddUp() throws Exception {
        JsonNode s = DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc("type:transaction")).body());
        long total = s.get("total").asLong();
        JsonNode facets = s.get("facets");
        assertThat(sum(facets.get("outcome"))).isEqualTo(total);
        assertThat(sum(facets.get("device"))).isEqualTo(total);
        assertThat(facets.get("device").has("meter-03")).isTrue();
        assertThat(facets.get("device").has(ServedFleet.HOSTILE_DEVICE)).isTrue();
        assertThat(iterable(facets.get("firmware").fieldNames())).contains("M66FAR01A12BT", "M66FAR02A01",
                ServedFleet.HOSTILE_FIRMWARE);
        assertThat(facets.get("error").has("3815")).isTrue();
        // a facet's value, quoted as the page quotes it, finds exactly its count
        long m3 = facets.get("device").get("meter-03").asLong();
        assertThat(DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc("type:transaction AND device:meter-03"))
                .body()).get("total").asLong()).isEqualTo(m3);
        long fw = facets.get("firmware").get(ServedFleet.HOSTILE_FIRMWARE).asLong();
        String quoted = "\"" + ServedFleet.HOSTILE_FIRMWARE.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        assertThat(DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc("firmware:" + quoted)).body())
                .get("total").asLong()).isEqualTo(fw).isPositive();
    }

    @Test
    void theHistogramCountsEveryHitAndItsBarsNarrowTheRange() throws Exception {
        JsonNode h = DecodedJson.MAPPER.readTree(get("/api/histogram?q=" + enc("type:transaction")).body());
        assertThat(h.get("bucket").asText()).isEqualTo("day"); // the fleet spans three weeks
        long total = DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc("type:transaction")).body())
                .get("total").asLong();
        long sum = 0;
        for (JsonNode b : h.get("buckets")) {
            sum += b.get("count").asLong();
        }
        assertThat(sum).isEqualTo(total);
        assertThat(h.get("buckets").get(0).get("start").asText()).isEqualTo("2026-11-03T00:00:00Z");
        // one bar's range holds its count of hits, by search and by facets
        JsonNode day = null;
        for (JsonNode b : h.get("buckets")) {
            if (b.get("start").asText().equals("2026-11-20T00:00:00Z")) {
                day = b;
            }
        }
        assertThat(day.get("count").asLong()).isPositive();
        String range = "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        List<JsonNode> hits = lines(get("/api/search?size=100&q=" + enc("type:transaction") + range).body());
        assertThat(hits.get(hits.size() - 1).get("total").asLong()).isEqualTo(day.get("count").asLong());
        assertThat(hits.subList(0, hits.size() - 1)).allSatisfy(x ->
                assertThat(x.get("device").asText()).isIn("meter-06", "meter-07"));
        // within a day the histogram counts by hour
        JsonNode hours = DecodedJson.MAPPER.readTree(get("/api/histogram?q=" + enc("type:transaction") + range).body());
        assertThat(hours.get("bucket").asText()).isEqualTo("hour");
        assertThat(hours.get("buckets").get(0).get("start").asText()).isEqualTo("2026-11-20T08:00:00Z");
    }

    @Test
    void thePagesOneRequestAnswersWhatItsThreeCallsAnswer() throws Exception {
        String range = "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        for (String q : List.of("q=" + enc("type:transaction"), "q=" + enc("type:transaction") + range,
                "q=" + enc("outcome:tls-handshake-failed"), "sessions=1&q=" + enc("error:3815"),
                "q=" + enc("nothing-like-this"))) {
            List<JsonNode> one = lines(get("/api/search?size=25&page=2&explain=1&facets=1&histogram=1&" + q).body());
            List<JsonNode> hits = lines(get("/api/search?size=25&page=2&explain=1&facets=1&" + q).body());
            JsonNode histogram = DecodedJson.MAPPER.readTree(get("/api/histogram?" + q).body());
            JsonNode summary = one.get(one.size() - 1);
            assertThat(summary.get("histogram")).as(q).isEqualTo(histogram);
            ((ObjectNode) summary).remove(List.of("histogram", "took_us"));
            ((ObjectNode) hits.get(hits.size() - 1)).remove("took_us");
            assertThat(one).as(q).isEqualTo(hits);
        }
    }

    @Test
    void badInputIsA400WithTheReasonInJson() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("outcome:(ok"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        assertThat(DecodedJson.MAPPER.readTree(r.body()).get("error").asText()).startsWith("bad query: ");
        assertThat(get("/api/histogram?q=" + enc("a AND (")).statusCode()).isEqualTo(400);
        assertThat(DecodedJson.MAPPER.readTree(get("/api/search?from=yesterday").body()).get("error").asText())
                .isEqualTo("from=yesterday: expected an ISO instant (2026-11-20T10:00:00Z)");
        assertThat(get("/api/search?page=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?size=100&page=101").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?sort=random").statusCode()).isEqualTo(400);
    }

    @Test
    void everyAnswerCarriesAStrictPolicyAndOnlyTheFixedPathsAreServed() throws Exception {
        for (String path : List.of("/", "/search.js", "/dom.js", "/search.css", "/api/search?q=QIACT", "/nothing")) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SearchServer.PAGE_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(SearchServer.PAGE_POLICY).doesNotContain("unsafe").contains("script-src 'self'");
        assertThat(get("/").body()).contains("<script src=\"/search.js\"></script>").doesNotContain("<script>");
        assertThat(get("/search.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/dom.js").body()).contains("function el(tag, cls, text)");
        for (String path : List.of("/nothing", "/index.html", "/SearchServer.class", "/search.js/../search.css")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        // what a client sends unnormalised: dot segments, encoded or not, and a class beside the page
        for (String raw : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                "/dev/atscope/cli/serve/SearchServer.class")) {
            assertThat(raw(raw, "127.0.0.1")).as(raw).startsWith("HTTP/1.1 404");
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(served.url() + "api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("q=x")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        // a web page's DNS name for this address gets nothing
        assertThat(raw("/api/search?q=QIACT", "attacker.example:" + served.server.port())).startsWith("HTTP/1.1 421");
        assertThat(raw("/api/search?q=QIACT", "localhost:" + served.server.port())).startsWith("HTTP/1.1 200");
    }

    /** A request written by hand: the path and Host header exactly as given. */
    static String raw(String path, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aTraceIndexedWhileServingIsFoundOnTheNextSearch() throws Exception {
        String q = "device:late-device";
        assertThat(DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc(q)).body()).get("total").asLong()).isZero();
        Path late = tmp.resolve("late.csv");
        ServedFleet.hostile(late);
        dev.atscope.core.trace.Trace t = dev.atscope.core.trace.Trace.read(late);
        new dev.atscope.core.trace.Trace(t.metadata().withTag("device", "late-device"), t.entries()).write(late);
        served.indexMore(late);
        assertThat(DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc(q)).body()).get("total").asLong())
                .isEqualTo(2); // its AT+QHTTPURL and AT+QHTTPGET
    }

    @Test
    void aHitsTraceIsServedOnlyWhenTheIndexHoldsIt() throws Exception {
        String file = served.fleet.resolve("meter-03.csv").toAbsolutePath().normalize().toString();
        HttpResponse<String> page = get("/session?file=" + enc(file));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(dev.atscope.report.TimelineReport.contentSecurityPolicy());
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("meter-03.csv").contains("QSSLCFG");

        HttpResponse<byte[]> trace = bytes("/download?as=trace&file=" + enc(file));
        assertThat(trace.body()).isEqualTo(Files.readAllBytes(Path.of(file)));
        assertThat(trace.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"meter-03.csv\"");
        HttpResponse<byte[]> pcap = bytes("/download?as=pcapng&file=" + enc(file));
        assertThat(pcap.statusCode()).isEqualTo(200);
        // a pcapng section header block: type 0x0A0D0D0A, then the byte-order magic
        assertThat(java.util.Arrays.copyOf(pcap.body(), 4)).containsExactly(0x0A, 0x0D, 0x0D, 0x0A);
        List<JsonNode> decoded = lines(get("/download?as=json&file=" + enc(file)).body());
        long indexed = DecodedJson.MAPPER.readTree(get("/api/facets?q=" + enc("type:transaction AND file:\""
                + file + "\"")).body()).get("total").asLong();
        assertThat(decoded).hasSize((int) indexed).allSatisfy(t -> assertThat(t.has("command")).isTrue());

        String outside = tmp.resolve("fleet").resolve("meter-03.live.csv").toString();
        Files.writeString(Path.of(outside), "not indexed");
        for (String f : List.of(outside, "/etc/passwd", file + "x", served.index.resolve("segments_1").toString())) {
            assertThat(get("/session?file=" + enc(f)).statusCode()).as(f).isEqualTo(404);
            assertThat(get("/download?as=trace&file=" + enc(f)).statusCode()).as(f).isEqualTo(404);
        }
        assertThat(get("/download?as=exe&file=" + enc(file)).statusCode()).isEqualTo(400);
    }

    static long sum(JsonNode counts) {
        long n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            n += it.next().getValue().asLong();
        }
        return n;
    }

    static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

}
