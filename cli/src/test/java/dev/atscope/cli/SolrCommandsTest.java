package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.index.FleetCorpus;
import dev.atscope.solr.SolrCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atscope index --solr} and {@code atscope search --solr} against a real 2-node SolrCloud
 * (Solr's MiniSolrCloudCluster with its embedded ZooKeeper, on 127.0.0.1, shared with the other
 * classes that need one: {@link SolrTestCluster}): the same output as with
 * {@code --index DIR}, and one line with exit code 2 for a cluster that cannot be used.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(SolrTestCluster.class)
class SolrCommandsTest {

    @TempDir
    static Path tmp;

    static MiniSolrCloudCluster cluster;
    static Path fleet;
    static Path local;
    static String zk;
    static CliRun created;

    @BeforeAll
    static void indexTheFleetLocallyAndIntoANewCollection() throws Exception {
        fleet = FleetCorpus.record(tmp.resolve("fleet"));
        local = tmp.resolve("local");
        assertThat(CliRun.of("index", fleet.toString(), "--index", local.toString()).code()).isZero();
        cluster = SolrTestCluster.get();
        zk = SolrTestCluster.zkSpec("fleet");
        created = CliRun.of("index", fleet.toString(), "--solr", zk, "--create", "--shards", "2", "--replicas", "2");
    }

    @Test
    void indexingIntoANewCollectionSaysWhatTheLocalIndexSays() {
        CliRun again = CliRun.of("index", fleet.toString(), "--index", tmp.resolve("again").toString());
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();
        assertThat(numbers(created.out())).isEqualTo(numbers(again.out()));
        assertThat(created.out()).endsWith(" into " + zk + "\n");
    }

    @Test
    void searchGivesTheLocalOutputThroughZooKeeperAndThroughANode() {
        String url = cluster.getJettySolrRunner(1).getBaseUrl() + "/fleet";
        for (List<String> q : List.of(List.of("QHTTPGET", "--facets"), List.of("error:3815", "--sort", "time"),
                List.of("--sessions", "outcome:tls-handshake-failed", "--facets", "--sort", "time"),
                List.of("cmnet", "--sort", "time", "--limit", "3"), List.of("outcome:eror"))) {
            CliRun want = search("--index", local.toString(), q);
            for (String spec : List.of(zk, url)) {
                CliRun got = search("--solr", spec, q);
                assertThat(got.code()).as(q + " " + got.err()).isEqualTo(want.code()).isZero();
                // the same lines; two hits of one millisecond may come in either order (times are sorted in ms)
                assertThat(lines(untimed(got.out()))).as(q.toString()).isEqualTo(lines(untimed(want.out())));
                assertThat(got.err()).isEqualTo(want.err());
            }
        }
        assertThat(search("--index", local.toString(), List.of("outcome:eror")).err()).contains("did you mean error?");
    }

    @Test
    void jsonLinesAreTheLocalOnesButForTimeTakenAndScore() {
        List<String> q = List.of("QSSLCFG", "sslversion:3", "--json", "--facets", "--sort", "time");
        CliRun want = search("--index", local.toString(), q);
        CliRun got = search("--solr", zk, q);
        assertThat(got.code()).isZero();
        assertThat(got.out().lines().count()).isGreaterThan(2);
        assertThat(lines(unscored(got.out()))).isEqualTo(lines(unscored(want.out())));
    }

    @Test
    void aBadQueryIsTheSameUsageErrorOnBoth() {
        CliRun want = search("--index", local.toString(), List.of("outcome:(ok"));
        CliRun got = search("--solr", zk, List.of("outcome:(ok"));
        assertThat(want.code()).isEqualTo(2);
        assertThat(got.code()).isEqualTo(2);
        assertThat(got.err()).isEqualTo(want.err());
    }

    @Test
    void anUnreachableClusterIsOneLineAndExitCode2() {
        for (String spec : List.of("http://127.0.0.1:1/solr/fleet", "zk:127.0.0.1:1/fleet")) {
            CliRun search = CliRun.of("search", "--solr", spec, "QHTTPGET");
            assertThat(search.code()).isEqualTo(2);
            assertThat(search.err()).startsWith("atscope: cannot reach the Solr cluster at " + spec + ": ")
                    .hasLineCount(1);
            assertThat(search.out()).isEmpty();
        }
        CliRun index = CliRun.of("index", fleet.toString(), "--solr", "http://127.0.0.1:1/solr/fleet");
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err()).startsWith("atscope: cannot reach the Solr cluster").hasLineCount(1);
        assertThat(index.out()).isEmpty();
    }

    @Test
    void aMissingCollectionIsOneLineAndNothingIsCreatedWithoutCreate() throws Exception {
        String missing = "zk:" + cluster.getZkServer().getZkAddress() + "/nosuch";
        CliRun index = CliRun.of("index", fleet.toString(), "--solr", missing);
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err()).isEqualTo("atscope: the Solr cluster at " + missing
                + " has no collection 'nosuch'; create it with atscope index --solr " + missing + " --create\n");
        assertThat(index.out()).isEmpty();
        assertThat(CliRun.of("search", "--solr", missing, "x").err()).contains("has no collection 'nosuch'");
        assertThat(CollectionAdminRequest.listCollections(cluster.getSolrClient())).doesNotContain("nosuch");
    }

    @Test
    void aCollectionWithAnotherSchemaIsRefusedBeforeAnythingIsWritten() throws Exception {
        // a collection made with another schema: the same fields, but time is a string
        Path conf = tmp.resolve("other-conf");
        Files.createDirectories(conf);
        Files.write(conf.resolve("solrconfig.xml"), SolrCollection.configsetFile("solrconfig.xml"));
        String schema = new String(SolrCollection.configsetFile("schema.xml"), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("schema.xml"), schema.replace(
                "<field name=\"time\" type=\"plong\"", "<field name=\"time\" type=\"string\""));
        cluster.uploadConfigSet(conf, "other");
        CollectionAdminRequest.createCollection("other", "other", 1, 1).process(cluster.getSolrClient());
        cluster.waitForActiveCollection("other", 1, 1);
        String other = "zk:" + cluster.getZkServer().getZkAddress() + "/other";
        CliRun index = CliRun.of("index", fleet.toString(), "--solr", other);
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err()).isEqualTo("atscope: the collection 'other' at " + other + " has the field 'time' of the"
                + " type StrField, not LongPointField; atscope needs its configset atscope-traces-1 (see docs/solr.md,"
                + " upgrading the configset)\n");
        assertThat(index.out()).isEmpty();
        var count = cluster.getSolrClient().query("other", new org.apache.solr.client.solrj.SolrQuery("*:*"));
        assertThat(count.getResults().getNumFound()).isZero();
    }

    private static CliRun search(String option, String where, List<String> rest) {
        List<String> args = new java.util.ArrayList<>(List.of("search", option, where));
        args.addAll(rest);
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The summary's numbers: files and transactions, not the time it took or where. */
    private static String numbers(String summary) {
        return summary.replaceAll(" in .*", "");
    }

    /** The lines of an output, sorted. */
    private static List<String> lines(String out) {
        return out.lines().sorted().toList();
    }

    /** The output without the time the search took. */
    private static String untimed(String out) {
        return out.replaceFirst("\\(\\d+\\.\\d ms\\)", "(- ms)");
    }

    /** JSON lines without the time taken and the scores (BM25 over other segments). */
    private static String unscored(String out) {
        return out.replaceAll("\"took_us\":\\d+", "\"took_us\":0").replaceAll("\"score\":[0-9.Ee-]+", "\"score\":0");
    }
}
