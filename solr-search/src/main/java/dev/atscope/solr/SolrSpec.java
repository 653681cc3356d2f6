package dev.atscope.solr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;

/**
 * Where a trace collection is: {@code zk:host1:2181,host2:2181/collection} (ZooKeeper, with an
 * optional chroot before the collection: {@code zk:host:2181/solr/collection}), or a Solr node's
 * base URL with the collection ({@code http://host:8983/solr/collection}).
 *
 * @param zkHosts the ZooKeeper ensemble, or empty
 * @param chroot the ZooKeeper chroot ({@code /solr}), or null
 * @param solrUrl a Solr node's base URL ({@code http://host:8983/solr}), or null
 * @param collection the collection
 */
public record SolrSpec(List<String> zkHosts, String chroot, String solrUrl, String collection) {

    /** How long connecting to ZooKeeper or a node may take before the cluster counts as unreachable. */
    static final int CONNECT_SECONDS = 10;

    /**
     * Reads a spec.
     *
     * @throws IllegalArgumentException saying what a spec looks like
     */
    public static SolrSpec parse(String spec) {
        String usage = "'" + spec + "' is not a Solr collection: give zk:HOST:PORT[,HOST:PORT...][/CHROOT]/COLLECTION"
                + " or http://HOST:PORT/solr/COLLECTION";
        if (spec.startsWith("zk:")) {
            String rest = spec.substring(3);
            int slash = rest.indexOf('/');
            int last = rest.lastIndexOf('/');
            if (slash <= 0 || last == rest.length() - 1) {
                throw new IllegalArgumentException(usage);
            }
            List<String> hosts = Arrays.stream(rest.substring(0, slash).split(",")).map(String::strip).toList();
            if (hosts.stream().anyMatch(h -> !h.matches("[^:/\\s]+:\\d+"))) {
                throw new IllegalArgumentException(usage);
            }
            String chroot = last > slash ? rest.substring(slash, last) : null;
            return new SolrSpec(hosts, chroot, null, rest.substring(last + 1));
        }
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            String s = spec.endsWith("/") ? spec.substring(0, spec.length() - 1) : spec;
            int last = s.lastIndexOf('/');
            try {
                URI base = new URI(s.substring(0, last));
                if (base.getHost() == null || base.getPath() == null || base.getPath().isEmpty()) {
                    throw new IllegalArgumentException(usage);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(usage, e);
            }
            return new SolrSpec(List.of(), null, s.substring(0, last), s.substring(last + 1));
        }
        throw new IllegalArgumentException(usage);
    }

    /** A client of the cluster with the collection as its default; the caller closes it. */
    public CloudSolrClient client() {
        return client(CONNECT_SECONDS);
    }

    CloudSolrClient client(int connectSeconds) {
        Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                .withConnectionTimeout(connectSeconds, TimeUnit.SECONDS)
                .withIdleTimeout(120, TimeUnit.SECONDS);
        CloudHttp2SolrClient.Builder b = solrUrl != null
                ? new CloudHttp2SolrClient.Builder(List.of(solrUrl))
                : new CloudHttp2SolrClient.Builder(zkHosts, Optional.ofNullable(chroot));
        b.withZkConnectTimeout(connectSeconds, TimeUnit.SECONDS).withZkClientTimeout(30, TimeUnit.SECONDS)
                .withHttpClientBuilder(http).withDefaultCollection(collection);
        return b.build();
    }

    @Override
    public String toString() {
        return solrUrl != null ? solrUrl + "/" + collection
                : "zk:" + String.join(",", zkHosts) + (chroot == null ? "" : chroot) + "/" + collection;
    }
}
