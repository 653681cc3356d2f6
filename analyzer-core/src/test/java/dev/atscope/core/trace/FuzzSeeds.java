package dev.atscope.core.trace;

import dev.atscope.core.generate.TraceGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the seed inputs of the fuzz tests that take traffic ({@link FuzzedTraffic}): the sample
 * traces of the application note's procedures, the importers' reference session and generated
 * sessions, each in the fuzzers' form and cut to 4 KiB. Run once from {@code analyzer-core} with the test classpath;
 * the files are committed.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:... dev.atscope.core.trace.FuzzSeeds DIR...
 * </pre>
 */
public final class FuzzSeeds {

    private FuzzSeeds() {}

    public static void main(String[] dirs) throws IOException {
        List<Path> traces = new ArrayList<>();
        try (var s = Files.list(Path.of("../samples/traces"))) {
            s.sorted().forEach(traces::add);
        }
        traces.add(Path.of("src/test/resources/dev/atscope/core/trace/imports/native.csv"));
        for (String d : dirs) {
            Path dir = Path.of(d);
            Files.createDirectories(dir);
            for (Path t : traces) {
                Files.write(dir.resolve(t.getFileName().toString().replace(".csv", ".bin")), seed(read(t)));
            }
            for (long seed = 1; seed <= 3; seed++) {
                List<TraceEntry> generated = new ArrayList<>();
                new TraceGenerator(seed).write(new TraceWriter() {
                    @Override
                    public void write(TraceEntry e) {
                        generated.add(e);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                }, 3000, 12);
                Files.write(dir.resolve("generated-" + seed + ".bin"), seed(generated));
            }
        }
    }

    /** A trace in the fuzzers' form, cut to the 4 KiB that scripts/fuzz gives an input. */
    private static byte[] seed(List<TraceEntry> entries) {
        byte[] b = FuzzedTraffic.encode(entries);
        return b.length <= MAX ? b : java.util.Arrays.copyOf(b, MAX);
    }

    private static final int MAX = 4096;

    private static List<TraceEntry> read(Path trace) throws IOException {
        List<TraceEntry> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(trace); TraceCsvReader r = new TraceCsvReader(in, trace.toString())) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
        }
        return out;
    }
}
