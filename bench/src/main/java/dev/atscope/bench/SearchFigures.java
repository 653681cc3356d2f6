package dev.atscope.bench;

import dev.atscope.core.generate.TextLogWriter;
import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Index and search figures against the grep baseline, in one run:
 * {@code java -cp bench/target/benchmarks.jar dev.atscope.bench.SearchFigures [TRANSACTIONS] [DEVICES]}.
 * Generates a fleet of device traces (native files for the index, plain text logs of the same
 * traffic for grep), indexes them, then times the example queries of docs/search.md and the closest grep
 * over the text logs.
 */
public final class SearchFigures {

    private SearchFigures() {}

    /** A question of docs/search.md: the Lucene query and the nearest grep over the text logs. */
    record Question(String name, String query, String[] grep) {}

    static final List<Question> QUESTIONS = List.of(
            new Question("every error 3815", "error:3815", new String[] {"-F", "+CME ERROR: 3815"}),
            new Question("who still uses SSL 3.0", "command:QSSLCFG AND sslversion:0",
                    new String[] {"-F", "AT+QSSLCFG=\"sslversion\",0,0"}),
            new Question("slow activations", "command:QIACT AND duration:[10000 TO *]",
                    new String[] {"-F", "AT+QIACT"}),
            new Question("handshake errors in a week", "error:[3815 TO 3822] AND time:[2026-11-16 TO 2026-11-23]",
                    new String[] {"-E", "^\\[2026-11-(1[6-9]|2[0-2]).*CME ERROR: 38(15|22)"}));

    public static void main(String[] args) throws Exception {
        long transactions = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path base = Path.of(System.getProperty("atscope.bench.data", "target/bench-data"), "fleet-" + transactions);
        Path traces = base.resolve("traces");
        Path text = base.resolve("text");
        if (!Files.exists(base.resolve("complete"))) {
            generate(traces, text, transactions, devices);
            Files.writeString(base.resolve("complete"), "ok\n");
        }
        Path index = base.resolve("index");
        deleteTree(index);
        long t0 = System.nanoTime();
        FolderIndexer.Report report;
        try (TraceIndexWriter w = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), false)) {
            report = new FolderIndexer(w, Runtime.getRuntime().availableProcessors()).run(List.of(traces),
                    (d, n, tx, f, e) -> { });
        }
        double indexSecs = (System.nanoTime() - t0) / 1e9;
        long indexBytes = size(index);
        long traceBytes = size(traces);
        long textBytes = size(text);
        System.out.printf("%n== index: %d transactions from %d files (%.1f MB of traces)%n", report.transactions(),
                report.indexed().size(), traceBytes / 1e6);
        System.out.printf("indexing: %.0f transactions/s (%.1f s, %d threads)%n", report.transactions() / indexSecs,
                indexSecs, Runtime.getRuntime().availableProcessors());
        System.out.printf("index size: %.1f MB, %.0f bytes per transaction%n", indexBytes / 1e6,
                (double) indexBytes / report.transactions());
        System.out.printf("%n== search vs grep -r over %.1f MB of text logs (page cache warm)%n", textBytes / 1e6);
        System.out.printf("%-28s %10s %10s %8s %12s %8s%n", "question", "p50 ms", "p99 ms", "hits", "grep ms", "grep/p50");
        try (TraceSearcher s = new TraceSearcher(index)) {
            for (Question q : QUESTIONS) {
                for (int i = 0; i < 20; i++) {
                    s.search(q.query(), 20, TraceSearch.Order.SCORE, false);
                }
                int runs = 200;
                long[] micros = new long[runs];
                long hits = 0;
                for (int i = 0; i < runs; i++) {
                    long a = System.nanoTime();
                    hits = s.search(q.query(), 20, TraceSearch.Order.SCORE, false).total();
                    micros[i] = (System.nanoTime() - a) / 1000;
                }
                Arrays.sort(micros);
                double p50 = micros[runs / 2] / 1000.0;
                double p99 = micros[(int) (runs * 0.99)] / 1000.0;
                double grep = grep(text, q.grep());
                System.out.printf("%-28s %10.2f %10.2f %8d %12.0f %7.0fx%n", q.name(), p50, p99, hits, grep, grep / p50);
            }
        }
    }

    static void generate(Path traces, Path text, long transactions, int devices) throws IOException {
        deleteTree(traces);
        deleteTree(text);
        Files.createDirectories(traces);
        Files.createDirectories(text);
        long perDevice = Math.max(1, transactions / devices);
        Instant fleetStart = Instant.parse("2026-11-01T00:00:00Z");
        for (int d = 0; d < devices; d++) {
            String name = String.format("dev-%04d", d);
            Instant start = fleetStart.plusSeconds(d * 9_000L);
            TraceMetadata meta = TraceMetadata.EMPTY.withStart(start).withTag("device", name);
            try (TraceWriter csv = Traces.create(traces.resolve(name + ".csv"), meta);
                    TextLogWriter log = new TextLogWriter(Files.newBufferedWriter(text.resolve(name + ".log")), start)) {
                TraceWriter both = new TraceWriter() {
                    @Override
                    public void write(TraceEntry e) throws IOException {
                        csv.write(e);
                        log.write(e);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
                new TraceGenerator(d + 1).write(both, Long.MAX_VALUE, perDevice);
            }
        }
    }

    static double grep(Path dir, String[] pattern) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("grep", "-r"));
        cmd.addAll(Arrays.asList(pattern));
        cmd.add(dir.toString());
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long a = System.nanoTime();
            // not to /dev/null: GNU grep stops at the first match when its output is discarded
            Path out = Files.createTempFile("atscope-grep", ".out");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.waitFor();
            Files.delete(out);
            best = Math.min(best, (System.nanoTime() - a) / 1e6);
        }
        return best;
    }

    static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
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
