package dev.atscope.solr;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Indexing and query figures of a SolrCloud collection beside the local index, from the same
 * generated fleet, in one run: {@code scripts/solr-figures [TRANSACTIONS] [DEVICES] [SHARDS] [SPREAD_DAYS]} (docs/solr.md).
 * Starts a 2-node test cluster (MiniSolrCloudCluster, embedded ZooKeeper, all on this machine),
 * indexes the fleet locally and into collections of 1, 2 and 4 shards (or the SHARDS given, {@code
 * 2} alone for a shorter run) with 2 replicas each, then times the questions of docs/search.md, and
 * the hourly histogram of {@code atscope serve} for them, on the local index and on the 2 x 2
 * collection. Not a test: the
 * figures depend on the machine and its load.
 */
public final class SolrFigures {

    private SolrFigures() {}

    /** The questions of docs/search.md, as SearchFigures asks them. */
    static final List<String> QUESTIONS = List.of("error:3815", "command:QSSLCFG AND sslversion:0",
            "command:QIACT AND duration:[10000 TO *]", "error:[3815 TO 3822] AND time:[2026-11-16 TO 2026-11-23]",
            "QHTTPGET outcome:error", "cmnet");

    public static void main(String[] args) throws Exception {
        long transactions = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int[] shardCounts = Arrays.stream((args.length > 2 ? args[2] : "1,2,4").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        // the days the devices' traces start over: 0 starts one every 2.5 hours (the fleet spans about 6 days)
        int spreadDays = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int threads = 2;
        Path base = Path.of(System.getProperty("atscope.bench.data", "target/solr-figures"));
        Path traces = base.resolve("traces-" + transactions + (spreadDays > 0 ? "-over-" + spreadDays + "-days" : ""));
        if (!Files.exists(traces.resolve(".complete"))) {
            generate(traces, transactions, devices, spreadDays);
        }
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Path local = base.resolve("local-index");
        deleteTree(local);
        long t0 = System.nanoTime();
        FolderIndexer.Report report;
        try (TraceIndexWriter w = new TraceIndexWriter(local, registry, false)) {
            report = new FolderIndexer(w, threads).run(List.of(traces), (d, n, tx, f, e) -> { });
        }
        double localSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%n== %d transactions in %d files, %d indexing threads, %d cores (load average %.1f)%n",
                report.transactions(), report.indexed().size(), threads, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-34s %12.0f transactions/s (%.1f s)%n", "local index", report.transactions() / localSecs,
                localSecs);
        Path clusterDir = base.resolve("cluster");
        deleteTree(clusterDir);
        try (TestCluster cluster = new TestCluster(2, clusterDir)) {
            for (int shards : shardCounts) {
                String spec = cluster.zkSpec("fleet" + shards);
                long t1 = System.nanoTime();
                FolderIndexer.Report r;
                try (SolrCollection c = SolrCollection.create(SolrSpec.parse(spec), shards, 2)) {
                    long t2 = System.nanoTime();
                    try (TraceIndexWriter w = new TraceIndexWriter(new SolrTraceStore(c, false), registry, false)) {
                        r = new FolderIndexer(w, threads).run(List.of(traces), (d, n, tx, f, e) -> { });
                    }
                    double secs = (System.nanoTime() - t2) / 1e9;
                    System.out.printf("%-34s %12.0f transactions/s (%.1f s; creating the collection %.1f s)%n",
                            "Solr, " + shards + " shard" + (shards > 1 ? "s" : "") + " x 2 replicas",
                            r.transactions() / secs, secs, (t2 - t1) / 1e9);
                }
                if (!r.failures().isEmpty()) {
                    throw new IllegalStateException("files failed: " + r.failures());
                }
            }
            System.out.printf("%n== query times, 100 runs after 20 (top 20 with snippets, every hit counted)%n");
            System.out.printf("%-58s %8s %8s %8s %8s %8s%n", "question", "hits", "local50", "local99", "solr50",
                    "solr99");
            try (TraceSearcher lucene = new TraceSearcher(local);
                    SolrTraceSearch solr = new SolrTraceSearch(SolrCollection.open(SolrSpec.parse(
                            cluster.zkSpec("fleet" + (Arrays.stream(shardCounts).anyMatch(n -> n == 2) ? 2
                                    : shardCounts[0])))), true)) {
                for (String q : QUESTIONS) {
                    TraceSearch.Request request = new TraceSearch.Request(q, 20, TraceSearch.Order.SCORE, false,
                            TraceSearch.Scope.TRANSACTIONS);
                    double[] l = times(lucene, request);
                    double[] s = times(solr, request);
                    long hits = lucene.search(request).total();
                    if (solr.search(request).total() != hits) {
                        throw new IllegalStateException(q + ": the back ends disagree");
                    }
                    System.out.printf("%-58s %8d %8.1f %8.1f %8.1f %8.1f%n", q, hits, l[0], l[1], s[0], s[1]);
                }
                System.out.printf("%n== the histogram of atscope serve (hits by hour), 100 runs after 20%n");
                System.out.printf("%-58s %8s %8s %8s %8s %8s%n", "question", "hours", "local50", "local99", "solr50",
                        "solr99");
                for (String q : QUESTIONS.stream().filter(x -> !x.contains("TO 2026"))
                        .toList()) {
                    TraceSearch.Request request = new TraceSearch.Request(q, 0, TraceSearch.Order.TIME, false,
                            TraceSearch.Scope.TRANSACTIONS);
                    var want = lucene.countOverTime(request, HOUR);
                    if (!solr.countOverTime(request, HOUR).equals(want)) {
                        throw new IllegalStateException(q + ": the back ends count different histograms");
                    }
                    double[] l = histogramTimes(lucene, request);
                    double[] s = histogramTimes(solr, request);
                    System.out.printf("%-58s %8d %8.1f %8.1f %8.1f %8.1f%n", q, want.size(), l[0], l[1], s[0], s[1]);
                }
            }
        }
    }

    private static final long HOUR = 3_600_000L;

    /** p50 and p99 in milliseconds of a search. */
    static double[] times(TraceSearch backend, TraceSearch.Request request) throws Exception {
        return times(() -> backend.search(request));
    }

    /** p50 and p99 in milliseconds of the hourly histogram, as atscope serve asks it. */
    static double[] histogramTimes(TraceSearch backend, TraceSearch.Request request) throws Exception {
        return times(() -> backend.countOverTime(request, HOUR));
    }

    /** p50 and p99 in milliseconds of 100 calls after 20 to warm up. */
    static double[] times(java.util.concurrent.Callable<?> call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.call();
        }
        int runs = 100;
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            call.call();
            micros[i] = (System.nanoTime() - a) / 1000;
        }
        Arrays.sort(micros);
        return new double[] {micros[runs / 2] / 1000.0, micros[(int) (runs * 0.99)] / 1000.0};
    }

    static void generate(Path traces, long transactions, int devices, int spreadDays) throws Exception {
        deleteTree(traces);
        Files.createDirectories(traces);
        long perDevice = Math.max(1, transactions / devices);
        Instant fleetStart = Instant.parse("2026-11-01T00:00:00Z");
        for (int d = 0; d < devices; d++) {
            String name = String.format("dev-%04d", d);
            TraceMetadata meta = TraceMetadata.EMPTY.withStart(fleetStart.plusSeconds(spreadDays > 0
                    ? d * spreadDays * 86_400L / devices : d * 9_000L)).withTag("device", name);
            try (TraceWriter csv = Traces.create(traces.resolve(name + ".csv"), meta)) {
                new TraceGenerator(d + 1).write(csv, Long.MAX_VALUE, perDevice);
            }
        }
        Files.writeString(traces.resolve(".complete"), "ok\n");
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
