package dev.atscope.bench;

import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams a large generated trace through the analysis on one core and shows that memory stays
 * flat: {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.atscope.bench.StreamingFigures
 * [MB_OF_TRAFFIC]} (default 600 MB of wire traffic, a native file of about 1 GB). It samples the
 * heap after a full collection twenty times along the way; nothing proportional to the trace may be
 * kept, so the samples must not grow. Prints MB/s of file and of wire traffic for each stage.
 */
public final class StreamingFigures {

    private static final int SAMPLES = 20;

    private StreamingFigures() {}

    /** One stage of the analysis: what it does with each decoded item, and at the end of the trace. */
    interface Stage {
        Running start(ProtocolRegistry registry);
    }

    /** A started stage. */
    record Running(Consumer<Decoded> sink, Runnable finish) {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path file = BenchTraces.trace(megabytes, 1);
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        double fileMb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "== streaming %s (%.0f MB file, %d MB of traffic), max heap %d MB, one thread%n",
                file, fileMb, megabytes, Runtime.getRuntime().maxMemory() >> 20);
        long transactions = countTransactions(file, registry);
        run("decode", file, registry, transactions, fileMb, megabytes, r -> new Running(d -> { }, () -> { }));
        run("decode + sessions", file, registry, transactions, fileMb, megabytes, r -> {
            SessionTracker tracker = new SessionTracker(r, s -> { });
            return new Running(tracker::accept, tracker::finish);
        });
        run("decode + check", file, registry, transactions, fileMb, megabytes, r -> {
            TraceChecker checker = new TraceChecker(r, d -> { });
            return new Running(checker::accept, checker::finish);
        });
    }

    private static long countTransactions(Path file, ProtocolRegistry registry) throws Exception {
        long[] n = new long[1];
        try (TraceReader reader = Traces.open(file)) {
            TraceDecoding.decode(reader, registry, d -> {
                if (d instanceof Transaction) {
                    n[0]++;
                }
            });
        }
        return n[0];
    }

    private static void run(String name, Path file, ProtocolRegistry registry, long transactions, double fileMb,
            int trafficMb, Stage stage) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heap = new ArrayList<>();
        long every = Math.max(1, transactions / SAMPLES);
        long[] seen = new long[1];
        long[] gcNanos = new long[1];
        Running running = stage.start(registry);
        Consumer<Decoded> sink = running.sink();
        long t0 = System.nanoTime();
        try (TraceReader reader = Traces.open(file)) {
            TraceDecoding.decode(reader, registry, d -> {
                sink.accept(d);
                if (d instanceof Transaction && ++seen[0] % every == 0) {
                    long g = System.nanoTime();
                    System.gc();
                    heap.add(memory.getHeapMemoryUsage().getUsed());
                    gcNanos[0] += System.nanoTime() - g;
                }
            });
        }
        running.finish().run();
        double secs = (System.nanoTime() - t0 - gcNanos[0]) / 1e9;
        long min = heap.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = heap.stream().mapToLong(Long::longValue).max().orElse(0);
        long first = heap.isEmpty() ? 0 : heap.get(0);
        long last = heap.isEmpty() ? 0 : heap.get(heap.size() - 1);
        System.out.printf(Locale.ROOT, "%-20s %7.1f MB/s of file, %7.1f MB/s of traffic, %d transactions in %.1f s%n",
                name, fileMb / secs, trafficMb / secs, seen[0], secs);
        System.out.printf(Locale.ROOT, "%-20s heap after GC over %d samples: first %.1f MB, last %.1f MB, min %.1f MB, max %.1f MB%n",
                "", heap.size(), first / 1e6, last / 1e6, min / 1e6, max / 1e6);
    }
}
