package dev.atscope.solr;

import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A real SolrCloud for a test class: Solr nodes on 127.0.0.1 with an embedded ZooKeeper, from
 * Solr's own test framework. The collections are made by atscope itself ({@code --create}).
 */
final class TestCluster implements AutoCloseable {

    final MiniSolrCloudCluster cluster;

    TestCluster(int nodes, Path dir) throws Exception {
        System.setProperty("solr.log.dir", dir.resolve("logs").toString());
        // the nodes answer on 127.0.0.1 only; the shared cores leave no room for Solr's background work
        System.setProperty("host", "127.0.0.1");
        System.setProperty("metricsEnabled", "false");
        System.setProperty("solr.autoCommit.maxTime", "60000");
        this.cluster = new MiniSolrCloudCluster.Builder(nodes, dir).withTraceIdGenerationDisabled().build();
    }

    /** {@code zk:127.0.0.1:PORT/solr/COLLECTION}. */
    String zkSpec(String collection) {
        return "zk:" + cluster.getZkServer().getZkAddress() + "/" + collection;
    }

    /** {@code http://127.0.0.1:PORT/solr/COLLECTION}, through one node. */
    String urlSpec(String collection, int node) {
        return cluster.getJettySolrRunner(node).getBaseUrl() + "/" + collection;
    }

    @Override
    public void close() throws Exception {
        cluster.shutdown();
    }
}
