package dev.atscope.bench;

import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.EmulatorServer;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.link.TcpLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on one emulator process: N hosts connect over TCP at once, each boots its module, uploads a
 * CA certificate (§3.2), activates a PDP context (§3.3) and then runs a command loop a host runs
 * while it waits for work (signal, registration, SSL configuration, the local IP, the stored
 * certificate's checksum), with a think time between commands. Reports how many sessions stayed up
 * and the latency of each command's answer (p50, p99). The module's own answer delays are off
 * ({@link ModulePace#FAST}): the figure is the emulator's cost, not the module's pace.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.atscope.bench.EmulatorLoad [sessions...] [--seconds S] [--think MS]}
 */
public final class EmulatorLoad {

    private static final List<String> LOOP = List.of("AT+CSQ", "AT+CGREG?", "AT+QSSLCFG=\"sslversion\",0,3",
            "AT+QSSLCFG=\"ctxindex\",0", "AT+QILOCIP", "AT+QSECREAD=\"NVRAM:CA0\"", "AT");

    private EmulatorLoad() {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        int seconds = 20;
        int thinkMs = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--think" -> thinkMs = Integer.parseInt(args[++i]);
                default -> counts.add(Integer.parseInt(args[i]));
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(100, 500, 1000);
        }
        System.out.printf("%8s %8s %12s %10s %10s %10s%n", "sessions", "held", "commands/s", "p50", "p99", "max");
        for (int n : counts) {
            run(n, seconds, thinkMs);
        }
    }

    private static void run(int sessions, int seconds, int thinkMs) throws Exception {
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        byte[] ca = NoteExamples.pem("CERTIFICATE", 1614, 1);
        try (EmulatorServer server = EmulatorServer.start("127.0.0.1", 0,
                EmulatorConfig.defaults().withTiming(ModulePace.FAST), registry)) {
            long[][] latencies = new long[sessions][];
            int[] counts = new int[sessions];
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch ready = new CountDownLatch(sessions);
            CountDownLatch go = new CountDownLatch(1);
            long[] end = new long[1];
            List<Thread> hosts = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    long[] lat = new long[1 << 12];
                    int k = 0;
                    boolean counted = false;
                    try (AtHost h = new AtHost(TcpLink.connect("127.0.0.1", server.port(), 30_000), registry,
                            Duration.ofSeconds(30), Duration.ofMillis(20))) {
                        h.awaitUrc("SMS Ready", Duration.ofSeconds(60));
                        check(h.upload("AT+QSECWRITE=\"NVRAM:CA0\",1614,100", ca));
                        for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT")) {
                            check(h.send(c));
                        }
                        ready.countDown();
                        counted = true;
                        go.await();
                        int step = id;
                        while (System.nanoTime() < end[0]) {
                            long t0 = System.nanoTime();
                            check(h.send(LOOP.get(step++ % LOOP.size())));
                            if (k == lat.length) {
                                lat = Arrays.copyOf(lat, k * 2);
                            }
                            lat[k++] = System.nanoTime() - t0;
                            Thread.sleep(thinkMs);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (!counted) {
                            ready.countDown();
                        }
                    }
                    latencies[id] = lat;
                    counts[id] = k;
                }, "load-host-" + i);
                t.setDaemon(true);
                hosts.add(t);
                t.start();
            }
            ready.await();
            int held = server.sessions();
            end[0] = System.nanoTime() + seconds * 1_000_000_000L;
            go.countDown();
            for (Thread t : hosts) {
                t.join();
            }
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int i = 0; i < sessions; i++) {
                System.arraycopy(latencies[i], 0, all, at, counts[i]);
                at += counts[i];
            }
            Arrays.sort(all);
            System.out.printf("%8d %8d %12.0f %10s %10s %10s%s%n", sessions, held - failed.get(),
                    total / (double) seconds, ms(all, 0.50), ms(all, 0.99), ms(all, 1.0),
                    failed.get() > 0 ? "  (" + failed.get() + " sessions failed)" : "");
        }
    }

    private static void check(AtHost.Reply r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.command() + " answered " + r.answer());
        }
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        long v = sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
        return String.format("%.2f ms", v / 1e6);
    }
}
