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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the fleet corpus (devices recorded against the emulator with its fault profiles) indexed
 * both into the local index and into a real 2-node SolrCloud (2 shards x 2 replicas), every
 * question of the README's search section gets the same answer from both: the same hits with the
 * same fields and snippets, the same totals, facet counts and warnings.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SolrParityTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @TempDir
    static Path tmp;

    static TestCluster cluster;
    static Path fleet;
    static Path local;
    static String spec;

    /** The README's questions, and the fleet tests' ones. */
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
    void theSameQuestionRankedByScoreGivesTheSameHitsAndScores() throws Exception {
        try (TraceSearch lucene = new TraceSearcher(local);
                SolrTraceSearch solr = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(spec)), true)) {
            for (String q : List.of("cmnet", "qhttpget OR qiact", "error:3815")) {
                TraceSearch.Request request = new TraceSearch.Request(q, 1000, TraceSearch.Order.SCORE, false,
                        TraceSearch.Scope.TRANSACTIONS);
                assertThat(comparable(solr.search(request).hits())).as(q)
                        .isEqualTo(comparable(lucene.search(request).hits()));
            }
        }
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
