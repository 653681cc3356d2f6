package dev.atscope.bench;

import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.replay.DiffStatus;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.MockOptions;
import dev.atscope.core.replay.ModuleMock;
import dev.atscope.core.replay.Pacing;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.SendTiming;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * SendTiming fidelity of {@code atscope replay --timing original} over a pseudo-terminal pair: the
 * note's three procedures are replayed from one end (opened through jSerialComm, as a serial
 * target is) against the mock of the same recording on the other end; the mock's side stamps
 * when the first byte of each host piece arrives, and the figure is |replayed gap - recorded gap|
 * between consecutive pieces.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.atscope.bench.ReplayTiming [RUNS] [MOCK_SCALE]}:
 * RUNS passes over the three procedures (default 3); MOCK_SCALE the mock's latency factor (default
 * 0.5, a module faster than the recorded one, so the gaps are the replay's alone; 1 lets late
 * answers move the schedule as they would with a real module). {@code -Dprocedure=https} runs one
 * procedure only; {@code -Dverbose=true} prints every gap that is off by more than 2 ms, with the
 * {@link System#nanoTime()} at which its piece arrived: the clock of {@code -Xlog}'s {@code tn}
 * decorator, so that a late piece can be set beside the JVM's compilations, collections and
 * safepoints ({@code -Xlog:jit+compilation=debug,gc,safepoint:file=jvm.log:tn}).
 *
 * <p>Between passes it also spins for a second to sample how often the host takes a processor away
 * from a thread that never sleeps: on a virtual machine that is the part of the figure no pacing
 * can remove, and it says in the same run whether the machine could show the 2 ms target at all.
 */
public final class ReplayTiming {

    /** The target: a gap off by more than this (in microseconds) is late. */
    static final long LATE_MICROS = 2_000;

    /** Prints every gap that is off by more than 2 ms ({@code -Dverbose=true}). */
    private static final boolean VERBOSE = Boolean.getBoolean("verbose");

    private ReplayTiming() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double mockScale = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Map<String, ScriptedTraffic> procedures = new LinkedHashMap<>();
        procedures.put("https-get (3.3)", NoteExamples.httpsGet());
        procedures.put("certificates in RAM (3.1)", NoteExamples.certificatesInRam());
        procedures.put("certificates in NVRAM (3.2)", NoteExamples.certificatesInNvram());
        String only = System.getProperty("procedure");
        if (only != null) {
            procedures.keySet().removeIf(k -> !k.startsWith(only));
        }
        List<Long> errors = new ArrayList<>();
        List<Long> sendErrors = new ArrayList<>();
        List<Long> floorErrors = new ArrayList<>();
        HostStalls stalls = HostStalls.NONE;
        Path dir = Files.createTempDirectory("atscope-replay-timing");
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, ScriptedTraffic> p : procedures.entrySet()) {
                Recording rec = Recording.of(new Trace(TraceMetadata.EMPTY, p.getValue().entries()), registry);
                List<Long> sent = new ArrayList<>();
                List<Long> e = once(rec, registry, dir, mockScale, sent);
                errors.addAll(e);
                sendErrors.addAll(sent);
                List<Long> floor = floor(rec, dir);
                floorErrors.addAll(floor);
                HostStalls st = HostStalls.measure(STALL_PROBE_NANOS);
                stalls = stalls.plus(st);
                System.out.printf("run %d %-28s %3d gaps, median %6.3f ms, max %6.3f ms; bare path max %6.3f ms;"
                        + " host stalls over 2 ms: %d in %.1f s%n", run + 1, p.getKey(), e.size(),
                        percentile(e, 50) / 1000.0, percentile(e, 100) / 1000.0, percentile(floor, 100) / 1000.0,
                        st.over2ms(), st.spunNanos() / 1e9);
            }
        }
        System.out.println();
        System.out.printf("original timing over %s, mock latency x%s: %d gaps, |replayed - recorded| %s%n",
                PtyPair.pathName(), mockScale, errors.size(), spread(errors));
        System.out.printf("the same gaps where the replay wrote them (before the pty): %s%n", spread(sendErrors));
        System.out.printf("the machine's floor, the same schedule written by a bare thread over the same kind of"
                + " pty pair to a bare reader, between the replays: %s%n", spread(floorErrors));
        System.out.printf("host stalls, a thread that only spins losing its processor, sampled %.0f s between the"
                + " passes: %.2f a second over 1 ms, %.2f a second over 2 ms, longest %.3f ms, %.2f%% of the time"
                + " lost%n", stalls.spunNanos() / 1e9, stalls.perSecond(stalls.over1ms()),
                stalls.perSecond(stalls.over2ms()), stalls.longestNanos() / 1e6,
                100.0 * stalls.lostNanos() / Math.max(1, stalls.spunNanos()));
        double[] load = loadAverage();
        System.out.printf("load average while measuring: %.2f (1 min), %.2f (5 min) on %d cores%n", load[0], load[1],
                Runtime.getRuntime().availableProcessors());
    }

    private static double[] loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        if (!Files.exists(p)) {
            return new double[] {-1, -1};
        }
        String[] f = Files.readString(p).split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    /** One replay; the absolute gap errors in microseconds where the bytes arrived (and where they were sent). */
    private static List<Long> once(Recording rec, ProtocolRegistry registry, Path dir, double mockScale,
            List<Long> sendErrors) throws Exception {
        try (PtyPair pair = PtyPair.open(dir)) {
            StampedLink module = pair.far();
            Link host = SerialLink.open(pair.nearPath().toString(), SerialSettings.DEFAULT);
            Thread mock = new Thread(() -> {
                try {
                    new ModuleMock(rec, new MockOptions(true, mockScale, 200), ModuleMock.ERROR_FALLBACK).serve(module);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-mock");
            mock.start();
            ReplayResult r = new HostReplay(rec, registry, ReplayOptions.DEFAULTS.withTiming(SendTiming.ORIGINAL))
                    .run(host, l -> TraceRecorder.to(new TraceCsvWriter(new StringWriter(), TraceMetadata.EMPTY),
                            Duration.ofMillis(200), l));
            mock.join();
            if (r.differs()) {
                StringBuilder why = new StringBuilder("the replay differs from its own mock: " + r.summary());
                r.diffs().stream().filter(d -> d.status() != DiffStatus.SAME)
                        .forEach(d -> why.append("\n  ").append(d.index()).append(' ').append(d.command()).append(": ")
                                .append(d.status().word()).append(' ').append(d.lines()));
                r.waits().forEach(w -> why.append("\n  waited in vain: ").append(w));
                if (firstDiffering(r) != null) {
                    why.append("\n  replayed: ").append(firstDiffering(r));
                }
                throw new IllegalStateException(why.toString());
            }
            List<Recording.HostPiece> pieces = rec.hostPieces();
            List<Long> errors = gapErrors(pieces, p -> module.arrivalNanos(pieces.get(p).hostOffset()) / 1000);
            List<Long> sent = gapErrors(pieces, p -> r.sends()[p]);
            sendErrors.addAll(sent);
            for (int g = 0; VERBOSE && g < errors.size(); g++) {
                if (errors.get(g) > LATE_MICROS) {
                    Recording.HostPiece piece = pieces.get(g + 1);
                    System.out.printf("  piece %d (%s): off by %d us where it arrived, %d us where it was sent"
                            + " (arrived at nanoTime %d)%n", g + 1,
                            ByteEscaper.escape(piece.bytes(), 0, Math.min(24, piece.bytes().length)),
                            errors.get(g), sent.get(g), module.arrivalNanos(piece.hostOffset()));
                }
            }
            return errors;
        }
    }

    /**
     * The same host pieces at the same recorded times, written by a thread that does nothing else
     * to a reader that does nothing else, over the same kind of pty pair: what this machine's
     * scheduler (and socat, where it relays) cost on their own, measured as the replay is.
     */
    private static List<Long> floor(Recording rec, Path dir) throws Exception {
        try (PtyPair pair = PtyPair.open(dir)) {
            List<Recording.HostPiece> pieces = rec.hostPieces();
            long total = pieces.stream().mapToLong(p -> p.bytes().length).sum();
            StampedLink far = pair.far();
            // the near end first: a pty master cannot be read while its slave is closed
            try (SerialLink near = SerialLink.open(pair.nearPath().toString(), SerialSettings.DEFAULT)) {
                Thread drain = new Thread(() -> {
                    byte[] buf = new byte[4096];
                    long got = 0;
                    try {
                        int n;
                        while (got < total && (n = far.input().read(buf)) >= 0) {
                            got += n;
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, "bench-floor-reader");
                drain.start();
                OutputStream out = near.output();
                long anchor = System.nanoTime() + 20_000_000;
                for (Recording.HostPiece p : pieces) {
                    Pacing.sleepUntilNanos(anchor + p.recordedMicros() * 1000);
                    out.write(p.bytes());
                    out.flush();
                }
                drain.join();
            }
            return gapErrors(pieces, p -> far.arrivalNanos(pieces.get(p).hostOffset()) / 1000);
        }
    }

    /** |gap between consecutive pieces at {@code micros} - recorded gap|, in microseconds, one per gap. */
    private static List<Long> gapErrors(List<Recording.HostPiece> pieces, IntToLongFunction micros) {
        List<Long> errors = new ArrayList<>();
        for (int p = 1; p < pieces.size(); p++) {
            long recorded = pieces.get(p).recordedMicros() - pieces.get(p - 1).recordedMicros();
            errors.add(Math.abs(micros.applyAsLong(p) - micros.applyAsLong(p - 1) - recorded));
        }
        return errors;
    }

    /** How long each host-stall sample spins, between the passes. */
    private static final long STALL_PROBE_NANOS = 1_000_000_000L;

    /** Median, p99 and max of gap errors in microseconds, and how many miss the target. */
    static String spread(List<Long> micros) {
        return String.format("median %.3f ms, p99 %.3f ms, max %.3f ms; %d off by more than %d ms",
                percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, percentile(micros, 100) / 1000.0,
                micros.stream().filter(v -> v > LATE_MICROS).count(), LATE_MICROS / 1000);
    }

    /** What the replay got for the first transaction that differs, for the message. */
    private static String firstDiffering(ReplayResult r) {
        return r.diffs().stream().filter(d -> d.status() != DiffStatus.SAME)
                .map(d -> d.replayed() == null ? "none" : d.replayed().toString()).findFirst().orElse(null);
    }

    static long percentile(List<Long> values, double p) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        if (v.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }


}
