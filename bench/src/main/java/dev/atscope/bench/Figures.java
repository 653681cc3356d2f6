package dev.atscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints the README's figures. {@code java -jar bench/target/benchmarks.jar}
 * runs plain JMH instead; this class turns times per pass into MB/s.
 */
public final class Figures {

    private Figures() {}

    public static void main(String[] args) throws Exception {
        String filter = args.length > 0 ? args[0] : DecodeBenchmark.class.getSimpleName();
        Options opt = new OptionsBuilder().include(filter).build();
        Collection<RunResult> results = new Runner(opt).run();
        Path file = BenchTraces.trace(100, 1);
        double fileMb = Files.size(file) / 1e6;
        System.out.println();
        System.out.println("== atscope figures (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ") ==");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double ms = r.getPrimaryResult().getScore();
            if (name.endsWith("decodeFile")) {
                System.out.printf("decode (native CSV file -> transactions): %.1f MB/s of trace file (%.0f ms for %.1f MB)%n",
                        fileMb / (ms / 1000), ms, fileMb);
            } else if (name.endsWith("decodeChunks")) {
                System.out.printf("decoder alone (chunks in memory): %.1f MB/s of traffic (%.0f ms for 32 MB)%n",
                        32.0 / (ms / 1000), ms);
            } else {
                System.out.printf("%s: %.3f %s%n", name, ms, r.getPrimaryResult().getScoreUnit());
            }
        }
    }
}
