package dev.atscope.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.cli.Main;
import dev.atscope.cli.SolrTestCluster;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.testing.Await;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.report.BrowserSession;
import dev.atscope.solr.SolrCollection;
import dev.atscope.solr.SolrSpec;
import dev.atscope.solr.SolrTraceSearch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Given the served fleet indexed both into a local index and into a collection of a real SolrCloud
 * (2 nodes, 2 shards), when {@code atscope serve --solr SPEC} runs beside a server over the local index,
 * then its API answers what the local one answers (hits, pages, facets, histogram, timelines,
 * downloads), its page works in Chromium, and a cluster it cannot use is one line and exit code 2.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(SolrTestCluster.class)
class SolrServeTest {

    @TempDir
    static Path tmp;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The fleet, indexed locally and served by a {@link SearchServer} over the local index. */
    static ServedFleet local;
    static String zk;
    /** {@code atscope serve --solr SPEC} over the same fleet. */
    static ServeCommandTest.Running solr;
    static String solrUrl;

    @BeforeAll
    static void serveTheFleetFromBothBackEnds() throws Exception {
        local = new ServedFleet(tmp);
        zk = SolrTestCluster.zkSpec("served");
        cli("index", local.fleet.toString(), "--solr", zk, "--create", "--shards", "2", "--replicas", "1");
        solr = new ServeCommandTest.Running("serve", "--solr", zk, "--listen", "127.0.0.1:0");
        solrUrl = solr.url();
    }

    @AfterAll
    static void stop() throws Exception {
        if (solr != null) {
            solr.close();
        }
        if (local != null) {
            local.close();
        }
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    static HttpResponse<byte[]> get(String base, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base).resolve(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(String base, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = get(base, pathAndQuery);
        return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The JSON lines of an answer with its status. */
    static List<JsonNode> lines(String answer) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : answer.substring(answer.indexOf(' ') + 1).split("\n")) {
            if (!line.isEmpty()) {
                out.add(DecodedJson.MAPPER.readTree(line));
            }
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * An answer of the API as lines of JSON, sorted (two hits of one millisecond may come in either
     * order), without the time the search took and the scores (BM25 over other segments and shards).
     */
    static List<String> comparable(String answer) throws Exception {
        List<String> out = new ArrayList<>();
        String status = answer.substring(0, answer.indexOf(' '));
        for (String line : answer.substring(answer.indexOf(' ') + 1).split("\n")) {
            if (!line.isEmpty()) {
                JsonNode n = DecodedJson.MAPPER.readTree(line);
                if (n instanceof ObjectNode o) {
                    o.remove("took_us");
                    o.remove("score");
                }
                out.add(status + " " + n);
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void theApiAnswersOverSolrWhatItAnswersOverTheLocalIndex() throws Exception {
        List<String> calls = new ArrayList<>();
        for (String q : List.of("error:3815", "command:QSSLCFG AND sslversion:3", "QIACT", "outcome:error",
                "device:meter-03", "firmware:M66FAR02A01 AND QHTTPGET", "cmnet", "", "outcome:eror", "outcome:(ok")) {
            if (!q.isEmpty()) { // everything is more than a page
                calls.add("/api/search?size=100&sort=time&facets=1&explain=1&q=" + enc(q));
                calls.add("/api/search?size=25&facets=1&histogram=1&q=" + enc(q));
            }
            calls.add("/api/facets?q=" + enc(q));
            calls.add("/api/histogram?q=" + enc(q));
        }
        for (String q : List.of("outcome:tls-handshake-failed", "error:3815", "")) {
            calls.add("/api/search?size=100&sort=time&facets=1&sessions=1&q=" + enc(q));
            calls.add("/api/histogram?sessions=1&q=" + enc(q));
        }
        String day = "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        calls.addAll(List.of("/api/search?size=100&sort=time&q=" + enc("type:transaction") + day,
                "/api/histogram?q=" + enc("type:transaction") + day, "/api/facets?q=" + day,
                "/api/search?from=yesterday"));
        for (String call : calls) {
            String want = text(local.url(), call);
            String got = text(solrUrl, call);
            assertThat(comparable(got)).as(call).isEqualTo(comparable(want));
            if (call.startsWith("/api/search?size=100") && want.startsWith("200")) {
                // every hit on the page: hits of one millisecond are ordered apart from the page's cut
                assertThat(lines(got).size() - 1).as(call).isEqualTo(lines(got).get(lines(got).size() - 1).get("total")
                        .asInt());
            }
        }
        // pages are slices of one order (within a millisecond, Solr's order is its own: time is kept in
        // milliseconds, and ties go by shard and document, not by the order the local index wrote them)
        String all = "/api/search?sort=time&q=" + enc("type:transaction");
        List<JsonNode> first15 = lines(text(solrUrl, all + "&size=15"));
        List<JsonNode> page3 = lines(text(solrUrl, all + "&size=5&page=3"));
        assertThat(page3.subList(0, 5)).isEqualTo(first15.subList(10, 15));
        assertThat(page3.get(5).get("total")).isEqualTo(lines(text(local.url(), all + "&size=5&page=3")).get(5)
                .get("total"));
        // the calls found something: hits, facets, a histogram by day and by hour, and the errors
        JsonNode summary = DecodedJson.MAPPER.readTree(text(solrUrl, "/api/facets?q=").substring(4));
        assertThat(summary.get("total").asLong()).isGreaterThan(100);
        assertThat(summary.get("facets").get("firmware").has("M66FAR01A12BT")).isTrue();
        assertThat(summary.get("facets").get("device").has(ServedFleet.HOSTILE_DEVICE)).isTrue();
        JsonNode days = DecodedJson.MAPPER.readTree(text(solrUrl, "/api/histogram?q=").substring(4));
        assertThat(days.get("bucket").asText()).isEqualTo("day");
        assertThat(days.get("buckets").size()).isGreaterThan(10);
        JsonNode hours = DecodedJson.MAPPER.readTree(text(solrUrl, "/api/histogram?q=" + enc("type:transaction") + day)
                .substring(4));
        assertThat(hours.get("bucket").asText()).isEqualTo("hour");
        assertThat(hours.get("buckets").get(0).get("count").asLong()).isPositive();
        assertThat(text(solrUrl, "/api/search?q=" + enc("outcome:(ok"))).startsWith("400 {\"error\":\"bad query: ");
    }

    @Test
    void aHitOpensTheSameTimelineAndDownloadsAsOverTheLocalIndex() throws Exception {
        String file = local.fleet.resolve("meter-03.csv").toAbsolutePath().normalize().toString();
        for (String call : List.of("/session?file=", "/download?as=trace&file=", "/download?as=json&file=",
                "/download?as=pcapng&file=")) {
            HttpResponse<byte[]> want = get(local.url(), call + enc(file));
            HttpResponse<byte[]> got = get(solrUrl, call + enc(file));
            assertThat(got.statusCode()).as(call).isEqualTo(want.statusCode()).isEqualTo(200);
            assertThat(got.body()).as(call).isEqualTo(want.body());
            assertThat(got.headers().firstValue("Content-Type")).isEqualTo(want.headers().firstValue("Content-Type"));
        }
        assertThat(new String(get(solrUrl, "/session?file=" + enc(file)).body(), StandardCharsets.UTF_8))
                .startsWith("<!DOCTYPE html>").contains("QSSLCFG");
        // nothing but what the collection holds: a file beside the indexed ones is not served
        Path outside = tmp.resolve("fleet").resolve("beside.csv");
        Files.writeString(outside, "not indexed");
        for (String f : List.of(outside.toString(), "/etc/passwd", file + "x")) {
            assertThat(get(solrUrl, "/session?file=" + enc(f)).statusCode()).as(f).isEqualTo(404);
            assertThat(get(solrUrl, "/download?as=trace&file=" + enc(f)).statusCode()).as(f).isEqualTo(404);
        }
    }

    @Test
    void aTraceIndexedMeanwhileIsFoundWithItsNewCommandsAndWithoutItsFileItsPageSaysWhy() throws Exception {
        // a device elsewhere: its trace was indexed, then it is not on this machine any more
        Path late = tmp.resolve("elsewhere.csv");
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_000_000);
        t.command("AT+CCLK?").answer(20_000, "+CCLK: \"26/11/23,10:00:05+00\"", "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(2_000_000, "+CME ERROR: 3815");
        new Trace(TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-23T10:00:00Z")).withTag("device", "elsewhere"),
                t.entries()).write(late);
        // CCLK: a command no trace of the fleet sends, so a bare CCLK is a command only once the vocabulary
        // is read again
        assertThat(text(local.url(), "/api/facets?q=")).doesNotContain("CCLK");
        assertThat(total(solrUrl, "CCLK")).isZero();
        local.indexMore(late);
        cli("index", late.toString(), "--solr", zk);
        assertThat(total(local.url(), "CCLK")).isEqualTo(1);
        assertThat(total(solrUrl, "device:elsewhere")).isEqualTo(2);
        Await.until("the Solr back end reads the new command", Duration.ofSeconds(60),
                () -> total(solrUrl, "CCLK") == 1);
        assertThat(comparable(text(solrUrl, "/api/search?sort=time&q=CCLK")))
                .isEqualTo(comparable(text(local.url(), "/api/search?sort=time&q=CCLK")));

        Files.delete(late);
        HttpResponse<byte[]> page = get(solrUrl, "/session?file=" + enc(late.toAbsolutePath().toString()));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<p id=\"error\" role=\"alert\">the trace "
                + late.toAbsolutePath() + " is not on this machine: the index holds what was found in it, not the trace"
                + " itself");
        assertThat(get(solrUrl, "/download?as=json&file=" + enc(late.toAbsolutePath().toString())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCollectionGoneWhileServingIsA503ThatSaysSoThenTheServerAnswersAgain() throws Exception {
        Path one = tmp.resolve("gone.csv");
        ServedFleet.hostile(one);
        String spec = SolrTestCluster.zkSpec("gone");
        cli("index", one.toString(), "--solr", spec, "--create", "--shards", "1", "--replicas", "1");
        try (SolrTraceSearch search = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(spec)), true);
                SearchServer server = new SearchServer(search, ServedFleet.REGISTRY,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2)) {
            String base = server.url().toString();
            assertThat(total(base, "QHTTPGET")).isEqualTo(1);
            CollectionAdminRequest.deleteCollection("gone").process(SolrTestCluster.get().getSolrClient());
            for (String call : List.of("/api/search?q=QHTTPGET", "/api/facets?q=", "/api/histogram?q=")) {
                String answer = text(base, call);
                assertThat(answer).as(call).isEqualTo("503 {\"error\":\"the Solr cluster at " + spec
                        + " has no collection 'gone' any more\",\"status\":503}\n");
            }
            cli("index", one.toString(), "--solr", spec, "--create", "--shards", "1", "--replicas", "1");
            Await.until("the server answers from the collection made again", Duration.ofSeconds(60),
                    () -> text(base, "/api/facets?q=QHTTPGET").startsWith("200"));
            assertThat(total(base, "QHTTPGET")).isEqualTo(1);
        }
    }

    static long total(String base, String q) throws Exception {
        return DecodedJson.MAPPER.readTree(text(base, "/api/facets?q=" + enc(q)).substring(4)).get("total").asLong();
    }

    @Test
    void thePageOverSolrSearchesAndAFacetClickNarrowsAsOverTheLocalIndex() throws Exception {
        try (BrowserSession browser = new BrowserSession(1280, 900)) {
            browser.driver.get(solrUrl);
            SearchPageBrowserTest.awaitSearch(browser, 0);
            assertThat(SearchPageBrowserTest.total(browser)).isEqualTo(total(local.url(), ""));
            assertThat(browser.driver.findElements(By.cssSelector("#histogram a.bar"))).isNotEmpty();

            WebElement q = browser.driver.findElement(By.id("q"));
            q.sendKeys("error:3815");
            long before = SearchPageBrowserTest.searches(browser);
            q.sendKeys(Keys.ENTER);
            SearchPageBrowserTest.awaitSearch(browser, before);
            assertThat(SearchPageBrowserTest.param(browser, "q")).isEqualTo("error:3815");
            assertThat(SearchPageBrowserTest.total(browser)).isEqualTo(total(local.url(), "error:3815")).isPositive();
            assertThat(SearchPageBrowserTest.column(browser, "device")).contains("meter-03", "meter-04");

            WebElement meter4 = browser.driver.findElement(By.cssSelector(
                    "ul[data-facet=device] a[data-value=meter-04]"));
            long count = Long.parseLong(meter4.findElement(By.xpath("following-sibling::span")).getText());
            SearchPageBrowserTest.clickAndAwait(browser, meter4);
            assertThat(SearchPageBrowserTest.param(browser, "q")).isEqualTo("error:3815 AND device:meter-04");
            assertThat(SearchPageBrowserTest.total(browser)).isEqualTo(count)
                    .isEqualTo(total(local.url(), "error:3815 AND device:meter-04"));
            assertThat(SearchPageBrowserTest.column(browser, "device")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d).isEqualTo("meter-04"));
            browser.screenshot("serve-solr-facet");
            browser.assertQuiet(solrUrl.substring(0, solrUrl.length() - 1), List.of());
        }
    }

    @Test
    void aClusterItCannotUseIsOneLineAndExitCode2() {
        String missing = SolrTestCluster.zkSpec("nosuch");
        for (String[] args : new String[][] {
            {"serve", "--solr", "http://127.0.0.1:1/solr/fleet", "--listen", "127.0.0.1:0"},
            {"serve", "--solr", missing, "--listen", "127.0.0.1:0"},
            {"serve", "--solr", zk, "--index", tmp.toString(), "--listen", "127.0.0.1:0"},
            {"serve", "--listen", "127.0.0.1:0"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), args)).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).startsWith("atscope: ").hasLineCount(1);
            assertThat(out.toString()).isEmpty();
        }
        StringWriter err = new StringWriter();
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "--solr", missing,
                "--listen", "127.0.0.1:0");
        assertThat(err.toString()).isEqualTo("atscope: the Solr cluster at " + missing + " has no collection 'nosuch';"
                + " create it with atscope index --solr " + missing + " --create\n");
        assertThat(solr.thread.isAlive()).as("the server over the collection, meanwhile").isTrue();
    }
}
