package dev.atscope.bench;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code atscope check} does per transaction, in one thread and without the file: decode,
 * sessions and every rule over chunks already in memory. One operation is one whole pass over the
 * trace; the {@code transactions} counter divided by the time gives transactions per second, on
 * command-dense traffic ({@code dense}: a fleet polling, {@code generate --profile dense}) and on
 * traffic whose bytes are mostly bodies and certificates ({@code sessions}).
 *
 * <p>{@code java -jar bench/target/benchmarks.jar CheckBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmark {

    /** The traffic's shape: dense or sessions. */
    @Param({"dense", "sessions"})
    public String profile;

    /** Megabytes of wire traffic kept in memory. */
    @Param("4")
    public int megabytes;

    List<TraceEntry> entries;
    ProtocolRegistry registry;

    /** Transactions checked, per second when divided by the time (JMH prints it as a rate). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long transactions;

        @Setup(Level.Iteration)
        public void clear() {
            transactions = 0;
        }
    }

    @Setup
    public void setup() throws IOException {
        registry = ProtocolRegistry.loadDefault();
        TraceGenerator.Profile p = profile.equals("dense") ? TraceGenerator.Profile.DENSE : TraceGenerator.Profile.SESSIONS;
        entries = new ArrayList<>();
        long bytes = 0;
        try (TraceReader r = Traces.open(BenchTraces.trace(megabytes, 1, p))) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                entries.add(e);
                if (e instanceof Chunk c) {
                    bytes += c.data().length;
                }
            }
        }
        System.out.printf("%n[bench] %s: %d entries, %.1f MB of traffic%n", profile, entries.size(), bytes / 1e6);
    }

    @Benchmark
    public void decodeAndCheck(Counts counts, Blackhole bh) throws IOException {
        LibrarySelection selection = new LibrarySelection(registry);
        SessionTracker sessions = new SessionTracker(selection, bh::consume);
        TraceChecker checker = new TraceChecker(selection, bh::consume);
        long[] n = new long[1];
        TraceDecoding.decode(new ListReader(entries), selection, d -> {
            sessions.accept(d);
            checker.accept(d);
            if (d instanceof Transaction) {
                n[0]++;
            }
        });
        checker.finish();
        sessions.finish();
        counts.transactions += n[0];
    }

    /** The entries as a reader, without a file. */
    private static final class ListReader implements TraceReader {
        private final Iterator<TraceEntry> it;

        ListReader(List<TraceEntry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public TraceEntry next() {
            return it.hasNext() ? it.next() : null;
        }

        @Override
        public TraceMetadata metadata() {
            return TraceMetadata.EMPTY;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public void close() {}
    }
}
