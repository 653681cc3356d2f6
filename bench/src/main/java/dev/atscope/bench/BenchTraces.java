package dev.atscope.bench;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/** The generated traces the benchmarks read, made once and kept under {@code bench/target/bench-data}. */
final class BenchTraces {

    private BenchTraces() {}

    /** A native trace with at least {@code megabytes} MB of wire traffic for the seed, generated if missing. */
    static Path trace(int megabytes, long seed) throws IOException {
        return trace(megabytes, seed, TraceGenerator.Profile.SESSIONS);
    }

    /** The same in a profile: {@code DENSE} is command-dense traffic (a fleet polling), generated if missing. */
    static Path trace(int megabytes, long seed, TraceGenerator.Profile profile) throws IOException {
        Path dir = Path.of(System.getProperty("atscope.bench.data", "target/bench-data"));
        Files.createDirectories(dir);
        Path file = dir.resolve("trace-" + (profile == TraceGenerator.Profile.SESSIONS ? "" : "dense-") + megabytes
                + "MB-seed" + seed + ".csv");
        if (!Files.exists(file)) {
            Path tmp = dir.resolve(file.getFileName() + ".part");
            TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-01T00:00:00Z"))
                    .withTag("generator", "atscope TraceGenerator seed " + seed);
            try (TraceWriter w = Traces.create(tmp, meta)) {
                new TraceGenerator(seed, profile).write(w, megabytes * 1_000_000L);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
