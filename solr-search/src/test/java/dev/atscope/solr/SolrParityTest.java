package dev.atscope.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.index.FleetCorpus;
import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the fleet corpus (devices recorded against the emulator with its fault profiles) indexed
 * both into the local index and into a real 2-node SolrCloud (2 shards x 2 replicas), every
 * question of the search page (docs/search.md) gets the same answer from both: the same hits with the
 * same fields and snippets, the same totals, facet counts and warnings. Then a node stops: every
 * question still gets all its hits from the replicas; traces indexed while it is down are all
 * there, once, on every replica when it is back.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrParityTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @TempDir
    static Path tmp;

    static TestCluster cluster;
    static Path fleet;
    static Path local;
    static String spec;

    /** The questions of docs/search.md, and the fleet tests' ones. */
    static final List<String> QUESTIONS = List.of("error:3815", "error:\"http socket connect error\"",
            "QSSLCFG sslversion:0", "QIACT duration:[10000 TO *]",
            "QHTTPGET outcome:error time:[2026-11-16 TO 2026-11-23]", "time:2026-11-23", "cmnet", "\"at+qhttpget=60\"",
            "type:session AND outcome:tls-handshake-failed", "rule:result.error AND command:QHTTPGET",
            "command:QIACT*", "QHTTPGET", "outcome:eror", "+QSSLCFG -sslversion:3", "qhttpget OR qiact",
            "device:METER-03", "error:[3815 TO 3822] AND time:[2026-11-16 TO 2026-11-23]", "-outcome:ok");

    @BeforeAll
    static void indexTheFleetInBoth() throws Exception {
        fleet = FleetCorpus.record(tmp.resolve("fleet"));
        local = tmp.resolve("local");
        try (TraceIndexWriter w = new TraceIndexWriter(local, REGISTRY, false)) {
            new FolderIndexer(w, 2).run(List.of(fleet), (done, total, tx, file, failure) -> { });
        }
        cluster = new TestCluster(2, tmp.resolve("cluster"));
        spec = cluster.zkSpec("fleet");
        try (SolrCollection c = SolrCollection.create(SolrSpec.parse(spec), 2, 2);
                TraceIndexWriter w = new TraceIndexWriter(new SolrTraceStore(c, false), REGISTRY, false)) {
            FolderIndexer.Report r = new FolderIndexer(w, 2).run(List.of(fleet), (done, total, tx, file, failure) -> { });
            assertThat(r.failures()).isEmpty();
        }
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyQuestionHasTheSameAnswerOnBothBackEnds() throws Exception {
        try (TraceSearch lucene = new TraceSearcher(local);
                SolrTraceSearch solr = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(spec)), true)) {
            for (String q : QUESTIONS) {
                for (TraceSearch.Scope scope : new TraceSearch.Scope[] {TraceSearch.Scope.TRANSACTIONS,
                        TraceSearch.Scope.SESSIONS}) {
                    TraceSearch.Request request = new TraceSearch.Request(q, 1000, TraceSearch.Order.TIME, true, scope);
                    TraceSearch.Result want = lucene.search(request);
                    TraceSearch.Result got = solr.search(request);
                    String what = q + " (" + scope + ")";
                    assertThat(got.total()).as(what).isEqualTo(want.total());
                    assertThat(comparable(got.hits())).as(what).isEqualTo(comparable(want.hits()));
                    assertThat(got.facets()).as(what).isEqualTo(want.facets());
                    assertThat(got.warnings()).as(what).isEqualTo(want.warnings());
                }
            }
            // the questions find something: a parity of empty answers would prove nothing
            assertThat(lucene.search(new TraceSearch.Request("error:3815", 10, TraceSearch.Order.TIME, true,
                    TraceSearch.Scope.TRANSACTIONS)).total()).isPositive();
        }
    }

    @Test
    @Order(2)
    void theSameQuestionRankedByScoreGivesTheSameHitsInTheSameOrderWithTheSameScores() throws Exception {
        try (TraceSearch lucene = new TraceSearcher(local);
                SolrTraceSearch solr = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(spec)), true)) {
            for (String q : List.of("cmnet", "qhttpget OR qiact", "error:3815")) {
                TraceSearch.Request request = new TraceSearch.Request(q, 1000, TraceSearch.Order.SCORE, false,
                        TraceSearch.Scope.TRANSACTIONS);
                List<TraceSearch.Hit> want = lucene.search(request).hits();
                List<TraceSearch.Hit> got = solr.search(request).hits();
                assertThat(got).as(q).hasSize(want.size()).isNotEmpty();
                assertThat(comparable(got)).as(q).isEqualTo(comparable(want));
                for (int i = 0; i < want.size(); i++) {
                    // the same ranking: at each place the same score, but for the last float bits of summing over
                    // shards (which may swap two hits of one millisecond whose scores differ only there)
                    assertThat(got.get(i).score()).as(q + " hit " + i)
                            .isCloseTo(want.get(i).score(), org.assertj.core.data.Percentage.withPercentage(0.01));
                }
            }
        }
    }

    @Test
    @Order(3)
    void withOneNodeStoppedEveryQuestionStillGetsAllItsHits() throws Exception {
        JettySolrRunner stopped = cluster.cluster.stopJettySolrRunner(1);
        cluster.cluster.waitForJettyToStop(stopped);
        try (TraceSearch lucene = new TraceSearcher(local);
                SolrTraceSearch solr = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(spec)), true)) {
            for (String q : QUESTIONS) {
                TraceSearch.Request request = new TraceSearch.Request(q, 1000, TraceSearch.Order.TIME, true,
                        TraceSearch.Scope.TRANSACTIONS);
                TraceSearch.Result want = lucene.search(request);
                TraceSearch.Result got = solr.search(request);
                assertThat(got.total()).as(q).isEqualTo(want.total());
                assertThat(comparable(got.hits())).as(q).isEqualTo(comparable(want.hits()));
                assertThat(got.facets()).as(q).isEqualTo(want.facets());
            }
        } finally {
            cluster.cluster.startJettySolrRunner(stopped, true);
            cluster.cluster.waitForActiveCollection("fleet", 2, 4);
        }
    }

    @Test
    @Order(4)
    void tracesIndexedWhileANodeIsDownAreAllThereOnceOnEveryReplicaWhenItIsBack() throws Exception {
        // the same fleet under another folder: other files, other keys
        Path second = tmp.resolve("second");
        java.nio.file.Files.createDirectories(second);
        try (var files = java.nio.file.Files.list(fleet)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, second.resolve(f.getFileName()));
            }
        }
        long before = count("*:*");
        String survivor = cluster.urlSpec("fleet", 1);
        JettySolrRunner stopped = cluster.cluster.stopJettySolrRunner(0);
        cluster.cluster.waitForJettyToStop(stopped);
        FolderIndexer.Report r;
        SolrTraceStore store;
        // through the node that stays; its replicas take over as leaders while the documents come
        try (SolrCollection c = SolrCollection.open(SolrSpec.parse(survivor));
                TraceIndexWriter w = new TraceIndexWriter(store = new SolrTraceStore(c, false), REGISTRY, false)) {
            r = new FolderIndexer(w, 2).run(List.of(second), (done, total, tx, file, failure) -> { });
        }
        assertThat(r.failures()).isEmpty();
        long documents = store.sent();
        assertThat(documents).isGreaterThan(r.transactions());
        cluster.cluster.startJettySolrRunner(stopped, true);
        cluster.cluster.waitForActiveCollection("fleet", 2, 4);
        new org.apache.solr.client.solrj.request.UpdateRequest()
                .setAction(org.apache.solr.client.solrj.request.AbstractUpdateRequest.ACTION.COMMIT, true, true)
                .process(cluster.cluster.getSolrClient(), "fleet");
        // none lost, none doubled: the collection and each replica on its own
        assertThat(count("*:*")).isEqualTo(before + documents);
        assertThat(count("file:" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(second.toString())
                + "*")).isEqualTo(documents);
        var state = cluster.cluster.getSolrClient().getClusterState().getCollection("fleet");
        long perShardSum = 0;
        for (var shard : state.getSlices()) {
            List<Long> counts = new java.util.ArrayList<>();
            for (var replica : shard.getReplicas()) {
                try (var node = new org.apache.solr.client.solrj.impl.Http2SolrClient.Builder(replica.getBaseUrl())
                        .build()) {
                    counts.add(node.query(replica.getCoreName(), new org.apache.solr.client.solrj.SolrQuery("*:*")
                            .setRows(0).setParam("distrib", "false")).getResults().getNumFound());
                }
            }
            assertThat(counts).as(shard.getName()).hasSize(2).containsOnly(counts.get(0));
            perShardSum += counts.get(0);
        }
        assertThat(perShardSum).isEqualTo(before + documents);
    }

    private static long count(String q) throws Exception {
        return cluster.cluster.getSolrClient().query("fleet", new org.apache.solr.client.solrj.SolrQuery(q).setRows(0))
                .getResults().getNumFound();
    }

    /** The hits in a stable order (time, then place), without the score. */
    static List<String> comparable(List<TraceSearch.Hit> hits) {
        return hits.stream()
                .sorted(Comparator.comparing(TraceSearch.Hit::time).thenComparing(TraceSearch.Hit::file)
                        .thenComparingLong(TraceSearch.Hit::transaction).thenComparingInt(TraceSearch.Hit::session))
                .map(h -> String.join(" | ", h.type(), h.file(), h.device(), h.time().toString(),
                        Long.toString(h.transaction()), Integer.toString(h.session()), h.command(), h.outcome(),
                        String.valueOf(h.result()), Long.toString(h.durationMicros()), String.valueOf(h.snippet())))
                .toList();
    }
}
