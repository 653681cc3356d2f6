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
            try (SerialLink hostEnd = open(host[1]); SerialLink moduleEnd = open(module[1])) {
                proxied = measure(hostEnd, moduleEnd, samples);
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
