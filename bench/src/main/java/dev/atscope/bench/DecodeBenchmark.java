package dev.atscope.bench;

import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Decoder throughput on a generated trace: {@code decodeFile} reads the native CSV file and
 * decodes it (what {@code atscope decode} does), {@code decodeChunks} decodes chunks already in
 * memory (the decoder alone). Each operation is one whole pass; MB/s = file (or traffic) size /
 * time per pass, printed by {@link Figures}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DecodeBenchmark {

    /** Megabytes of wire traffic in the generated trace. */
    @Param("100")
    public int megabytes;

    Path file;
    List<TraceEntry> inMemory;
    long inMemoryBytes;
    ProtocolRegistry registry;

    @Setup
    public void setup() throws IOException {
        registry = ProtocolRegistry.loadDefault();
        file = BenchTraces.trace(megabytes, 1);
        inMemory = new ArrayList<>();
        try (TraceReader r = Traces.open(file)) {
            TraceEntry e;
            while ((e = r.next()) != null && inMemoryBytes < 32_000_000L) {
                inMemory.add(e);
                if (e instanceof dev.atscope.core.trace.Chunk c) {
                    inMemoryBytes += c.data().length;
                }
            }
        }
        System.out.printf("%n[bench] trace %s: %.1f MB on disk; %.1f MB of traffic in memory%n", file,
                Files.size(file) / 1e6, inMemoryBytes / 1e6);
    }

    @Benchmark
    public long decodeFile(Blackhole bh) throws IOException {
        long[] count = new long[1];
        try (TraceReader r = Traces.open(file)) {
            TraceDecoding.decode(r, registry, d -> {
                count[0]++;
                bh.consume(d);
            });
        }
        return count[0];
    }

    @Benchmark
    public long decodeChunks(Blackhole bh) {
        AtDecoder decoder = new AtDecoder(registry);
        long n = 0;
        for (TraceEntry e : inMemory) {
            decoder.feed(e);
            Decoded d;
            while ((d = decoder.next()) != null) {
                bh.consume(d);
                n++;
            }
        }
        decoder.endOfInput();
        while (decoder.next() != null) {
            n++;
        }
        return n;
    }
}
