package dev.atscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real SolrCloud for every test class of this module that needs one ({@code
 * @ExtendWith(SolrTestCluster.class)}, then {@link #get()}): 2 Solr nodes on 127.0.0.1 with an embedded
 * ZooKeeper, from Solr's own test framework. Starting one takes over a minute on a loaded machine, so
 * it is started once, before the first class that asks, and shut down when the whole run ends. Each
 * class makes collections of its own names.
 */
public final class SolrTestCluster implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SolrTestCluster.class);

    private static volatile Running running;

    /** The cluster with where it keeps its files; closed by JUnit at the end of the run. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final MiniSolrCloudCluster cluster;
        final Path dir;

        Running() throws Exception {
            dir = Files.createTempDirectory("atscope-solr-cluster");
            System.setProperty("solr.log.dir", dir.resolve("logs").toString());
            // the nodes answer on 127.0.0.1 only; the shared cores leave no room for Solr's background work
            System.setProperty("host", "127.0.0.1");
            System.setProperty("metricsEnabled", "false");
            System.setProperty("solr.autoCommit.maxTime", "60000");
            cluster = new MiniSolrCloudCluster.Builder(2, dir).withTraceIdGenerationDisabled().build();
        }

        @Override
        public void close() throws Exception {
            try {
                cluster.shutdown();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> {
            try {
                return new Running();
            } catch (Exception e) {
                throw new IllegalStateException("the test SolrCloud did not start: " + e, e);
            }
        }, Running.class);
    }

    /** The cluster; only within a class extended with this one. */
    public static MiniSolrCloudCluster get() {
        if (running == null) {
            throw new IllegalStateException("no SolrCloud: extend the test class with"
                    + " @ExtendWith(SolrTestCluster.class)");
        }
        return running.cluster;
    }

    /** {@code zk:127.0.0.1:PORT/COLLECTION}. */
    public static String zkSpec(String collection) {
        return "zk:" + get().getZkServer().getZkAddress() + "/" + collection;
    }
}
