package dev.atscope.bench;

import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.PcapngTraceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decoding and checking against the baselines, on the same bytes and in the same run:
 * {@code java -cp bench/target/benchmarks.jar dev.atscope.bench.Baselines [MB_OF_TRAFFIC] [TSHARK_MB]}.
 *
 * <ul>
 *   <li>{@code wc -l} over the native file from the page cache (the floor of any line-based tool);
 *   <li>atscope decode, and decode + check, of the native file on one thread;
 *   <li>Debian's {@code tshark} with Wireshark's own AT dissector over the same chunks written as
 *       pcapng (one packet a chunk, with its direction: {@link PcapngTraceWriter}), forced to
 *       dissect fully with {@code -T fields -e at.cmd}; tshark is slow, so it reads a slice of the
 *       trace, and atscope reads the same slice as a native file for the ratio.
 * </ul>
 * Every figure is the best of three runs; atscope's come after one untimed warm-up pass.
 */
public final class Baselines {

    private Baselines() {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int tsharkMb = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Path file = BenchTraces.trace(megabytes, 1);
        double fileMb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "== baselines on %s (%.1f MB file, %d MB of traffic), %d cores, Java %s%n",
                file, fileMb, megabytes, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        double wc = best(() -> run(List.of("wc", "-l", file.toString()), null));
        // one untimed pass of each, so that the figures are the JIT-compiled code's, not the interpreter's
        decode(file, registry, false);
        decode(file, registry, true);
        double decode = best(() -> decode(file, registry, false));
        double check = best(() -> decode(file, registry, true));
        System.out.printf(Locale.ROOT, "wc -l                 %8.1f MB/s of file%n", fileMb / wc);
        System.out.printf(Locale.ROOT, "atscope decode        %8.1f MB/s of file, %6.1f MB/s of traffic  (%.2f of wc -l)%n",
                fileMb / decode, megabytes / decode, wc / decode);
        System.out.printf(Locale.ROOT, "atscope decode+check  %8.1f MB/s of file, %6.1f MB/s of traffic  (%.2f of wc -l)%n",
                fileMb / check, megabytes / check, wc / check);

        Path dir = file.getParent();
        Path sliceNative = dir.resolve("slice-" + tsharkMb + "MB.csv");
        Path slicePcap = dir.resolve("slice-" + tsharkMb + "MB.pcapng");
        long traffic = slice(file, tsharkMb * 1_000_000L, sliceNative, slicePcap);
        double trafficMb = traffic / 1e6;
        Path tsharkOut = dir.resolve("tshark-at-cmd.txt");
        double tshark = best(() -> run(List.of("tshark", "-r", slicePcap.toString(), "-T", "fields", "-e", "at.cmd"),
                tsharkOut));
        long commands = Files.readAllLines(tsharkOut).stream().filter(l -> !l.isBlank()).count();
        double ours = best(() -> decode(sliceNative, registry, true));
        System.out.printf(Locale.ROOT, "tshark (AT dissector) %8.2f MB/s of traffic (%.1f MB slice, %.1f MB pcapng, %d packets"
                + " with at.cmd)%n", trafficMb / tshark, trafficMb, Files.size(slicePcap) / 1e6, commands);
        System.out.printf(Locale.ROOT, "atscope decode+check  %8.2f MB/s of traffic on the same slice: %.0fx tshark%n",
                trafficMb / ours, tshark / ours);
    }

    /** Seconds of the fastest of three runs. */
    private static double best(Timed t) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            t.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    interface Timed {
        void run() throws Exception;
    }

    private static void decode(Path file, ProtocolRegistry registry, boolean check) throws IOException {
        try (TraceReader r = Traces.open(file)) {
            if (check) {
                TraceChecker checker = new TraceChecker(registry, d -> { });
                TraceDecoding.decode(r, registry, checker::accept);
                checker.finish();
            } else {
                TraceDecoding.decode(r, registry, d -> { });
            }
        }
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code);
        }
    }

    /** The first {@code bytes} of traffic of a trace, as a native file and as pcapng; returns the traffic. */
    private static long slice(Path file, long bytes, Path nativeOut, Path pcapOut) throws IOException {
        long traffic = 0;
        try (TraceReader r = Traces.open(file)) {
            try (TraceWriter n = Traces.create(nativeOut, r.metadata());
                    OutputStream po = Files.newOutputStream(pcapOut);
                    TraceWriter p = new PcapngTraceWriter(po, r.metadata())) {
                TraceEntry e;
                while ((e = r.next()) != null && traffic < bytes) {
                    n.write(e);
                    p.write(e);
                    if (e instanceof Chunk c) {
                        traffic += c.data().length;
                    }
                }
            }
        }
        return traffic;
    }
}
