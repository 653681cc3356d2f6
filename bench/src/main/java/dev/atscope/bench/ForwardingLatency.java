package dev.atscope.bench;

import dev.atscope.capture.CaptureOptions;
import dev.atscope.capture.CaptureSession;
import dev.atscope.capture.InlineProxy;
import dev.atscope.capture.PortSpec;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The delay the inline proxy adds to a byte on its way, over socat pseudo-terminals: one byte is
 * written at one end and timed until it is read at the far end, a few thousand times, through
 * <ol>
 *   <li>one pseudo-terminal pair (host and module wired directly),
 *   <li>two pairs joined by a bare relay (read, write; nothing recorded): the cost of any PC in
 *       the middle,
 *   <li>two pairs joined by atscope's inline proxy, recording into a trace.
 * </ol>
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.atscope.bench.ForwardingLatency [SAMPLES]}.
 * Needs socat.
 */
public final class ForwardingLatency {

    private ForwardingLatency() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("atscope-latency");
        List<Process> socats = new ArrayList<>();
        try {
            Path[] one = pair(dir, "direct", socats);
            Path[] host = pair(dir, "host", socats);
            Path[] module = pair(dir, "module", socats);
            long[] direct;
            try (SerialLink a = open(one[0]); SerialLink b = open(one[1])) {
                direct = measure(a, b, samples);
            }
            long[] relayed;
            SerialLink h = open(host[0]);
            SerialLink m = open(module[0]);
            Thread up = relay(h.input(), m.output(), "relay-up");
            Thread down = relay(m.input(), h.output(), "relay-down");
            try (SerialLink hostEnd = open(host[1]); SerialLink moduleEnd = open(module[1])) {
                relayed = measure(hostEnd, moduleEnd, samples);
            } finally {
                h.close();
                m.close();
                up.join(2000);
                down.join(2000);
            }
            long[] proxied;
            CaptureSession proxy = InlineProxy.start(new PortSpec(host[0].toString(), SerialSettings.DEFAULT),
                    new PortSpec(module[0].toString(), SerialSettings.DEFAULT), dir.resolve("latency.csv"),
                    CaptureOptions.DEFAULTS);
            double seconds;
            try (SerialLink hostEnd = open(host[1]); SerialLink moduleEnd = open(module[1])) {
                proxied = measure(hostEnd, moduleEnd, samples);
                seconds = throughput(hostEnd, moduleEnd, BULK);
            } finally {
                proxy.close();
            }
            System.out.println("== forwarding latency, one byte one way, " + samples + " samples each ("
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + ") ==");
            System.out.printf("%-44s %10s %10s%n", "path", "p50", "p99");
            print("one pty pair (no PC in the middle)", direct);
            print("two pty pairs + bare relay", relayed);
            print("two pty pairs + atscope inline proxy", proxied);
            System.out.printf("added by the proxy over the bare relay:      %7.0f us %7.0f us%n",
                    (pct(proxied, 50) - pct(relayed, 50)) / 1e3, (pct(proxied, 99) - pct(relayed, 99)) / 1e3);
            System.out.printf("added by the proxy over one pair:            %7.0f us %7.0f us%n",
                    (pct(proxied, 50) - pct(direct, 50)) / 1e3, (pct(proxied, 99) - pct(direct, 99)) / 1e3);
            System.out.printf("bulk: %d MB each way at once through the proxy, recorded: %.1f s (%.1f MB/s each way)%n",
                    BULK >> 20, seconds, (BULK / 1e6) / seconds);
        } finally {
            for (Process p : socats) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Bytes pushed each way for the throughput figure. */
    private static final int BULK = 10 << 20;

    /** Seconds to push {@code size} bytes each way at once, until the last byte has arrived at both ends. */
    private static double throughput(SerialLink a, SerialLink b, int size) throws Exception {
        long t0 = System.nanoTime();
        Thread[] workers = {pump(a, size), pump(b, size), drain(a, size), drain(b, size)};
        for (Thread t : workers) {
            t.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Thread pump(SerialLink link, int size) {
        return worker("pump", () -> {
            byte[] block = new byte[4096];
            new java.util.Random(size).nextBytes(block);
            for (int sent = 0; sent < size; sent += block.length) {
                link.output().write(block);
            }
        });
    }

    private static Thread drain(SerialLink link, int size) {
        return worker("drain", () -> {
            byte[] buf = new byte[65536];
            int got = 0;
            while (got < size) {
                int n = link.input().read(buf, 0, buf.length);
                if (n < 0) {
                    throw new IOException("link closed after " + got + " bytes");
                }
                got += n;
            }
        });
    }

    /** Work that may fail with an I/O error. */
    private interface Work {
        void run() throws IOException;
    }

    private static Thread worker(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, name);
        t.start();
        return t;
    }

    /** One-way times in nanoseconds, alternating directions, after a warm-up. */
    private static long[] measure(SerialLink a, SerialLink b, int samples) throws IOException {
        byte[] one = new byte[1];
        long[] t = new long[samples];
        int warmup = Math.max(200, samples / 10);
        for (int i = -warmup; i < samples; i++) {
            SerialLink from = (i & 1) == 0 ? a : b;
            SerialLink to = (i & 1) == 0 ? b : a;
            one[0] = (byte) i;
            long t0 = System.nanoTime();
            from.output().write(one);
            if (to.input().read(one, 0, 1) != 1) {
                throw new IOException("link closed while measuring");
            }
            long dt = System.nanoTime() - t0;
            if (i >= 0) {
                t[i] = dt;
            }
        }
        Arrays.sort(t);
        return t;
    }

    private static Thread relay(InputStream in, OutputStream out, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf, 0, buf.length)) > 0) {
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // closed at the end of the measurement
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-44s %7.0f us %7.0f us%n", what, pct(sorted, 50) / 1e3, pct(sorted, 99) / 1e3);
    }

    private static SerialLink open(Path p) throws IOException {
        return SerialLink.open(p.toString(), SerialSettings.DEFAULT);
    }

    /** A socat pseudo-terminal pair under {@code dir/NAME-a} and {@code dir/NAME-b}. */
    private static Path[] pair(Path dir, String name, List<Process> socats) throws IOException, InterruptedException {
        Path a = dir.resolve(name + "-a");
        Path b = dir.resolve(name + "-b");
        Process p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        socats.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("socat made no pseudo-terminals: " + Files.readString(dir.resolve(name + ".log")));
            }
            Thread.sleep(5);
        }
        return new Path[] {a, b};
    }
}
