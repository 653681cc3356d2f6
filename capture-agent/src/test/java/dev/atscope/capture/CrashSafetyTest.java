package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.testing.Await;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a capture running in its own process with traffic flowing, when the process is killed with
 * SIGKILL, then its trace reads back: nothing damaged, at most a cut-short last row (skipped with a
 * warning), and everything that passed the proxy more than a flush interval (plus scheduling slack)
 * before the kill is in it.
 */
class CrashSafetyTest {

    /** The flush interval the killed capture runs with. */
    static final long FLUSH_MS = 50;
    /** How long before the kill a byte must have passed to be required in the file: the flush interval with room for a loaded machine. */
    static final long SLACK_MS = 2000;

    @TempDir
    Path dir;

    @Test
    void aCaptureKilledWithSigkillLeavesATraceThatReadsBack() throws Exception {
        Path file = dir.resolve("killed.csv");
        try (PtyPair hostSide = PtyPair.open(dir, "host"); PtyPair moduleSide = PtyPair.open(dir, "module")) {
            Process capture = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CaptureProcess.class.getName(),
                    hostSide.pathA(), moduleSide.pathA(), file.toString(), Long.toString(FLUSH_MS))
                    .redirectErrorStream(true).start();
            try (SerialLink host = SerialLink.open(hostSide.pathB(), SerialSettings.DEFAULT);
                    SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
                BufferedReader said = new BufferedReader(new InputStreamReader(capture.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(CompletableFuture.supplyAsync(() -> readLine(said)).get(60, TimeUnit.SECONDS))
                        .isEqualTo("recording");

                // while it runs, what passed it reaches the file without a close
                byte[] first = lines(0, 200);
                host.output().write(first);
                assertThat(module.input().readNBytes(first.length)).isEqualTo(first);
                awaitRecorded(file, first.length);

                // then traffic flows until the kill
                AtomicBoolean sending = new AtomicBoolean(true);
                CompletableFuture<byte[]> sent = CompletableFuture.supplyAsync(() -> keepSending(host, sending));
                AtomicLong received = new AtomicLong(first.length);
                long[] receivedAt = new long[1 << 17];
                CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> keepReading(module, received,
                        receivedAt));
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLACK_MS + 500);
                while (System.nanoTime() < until) {
                    PtyPair.pause(10);
                }
                long safeBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SLACK_MS);
                long mustHave = bytesReceivedBefore(receivedAt, received.get(), safeBefore, first.length);
                capture.destroyForcibly();
                assertThat(capture.waitFor(30, TimeUnit.SECONDS)).isTrue();
                sending.set(false);
                byte[] all = sent.get(30, TimeUnit.SECONDS);
                reader.cancel(true);

                Read back = readBack(file);
                assertThat(back.warnings()).allSatisfy(w -> assertThat(w).contains("the last row is cut short"));
                assertThat(back.warnings()).hasSizeLessThanOrEqualTo(1);
                assertThat(back.hostBytes().length).isGreaterThanOrEqualTo((int) mustHave)
                        .isGreaterThan(first.length);
                byte[] prefix = java.util.Arrays.copyOf(all, back.hostBytes().length);
                assertThat(back.hostBytes()).isEqualTo(prefix);
            } finally {
                capture.destroyForcibly();
                capture.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Numbered command lines, {@code from} to {@code to} (exclusive). */
    static byte[] lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("AT+QHTTPGET=").append(i).append('\r');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] keepSending(SerialLink host, AtomicBoolean sending) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(lines(0, 200));
        int n = 200;
        try {
            while (sending.get()) {
                byte[] b = lines(n, n + 10);
                n += 10;
                host.output().write(b);
                all.writeBytes(b);
                PtyPair.pause(1);
            }
        } catch (IOException e) {
            // the proxy is gone: what was written so far is what was sent
        }
        return all.toByteArray();
    }

    /** Notes when each received byte count was reached: receivedAt[k] = time the k-th 64-byte block completed. */
    private static void keepReading(SerialLink module, AtomicLong received, long[] receivedAt) {
        byte[] buf = new byte[4096];
        try {
            while (true) {
                int n = module.input().read(buf, 0, buf.length);
                if (n < 0) {
                    return;
                }
                long before = received.get();
                long after = before + n;
                long now = System.nanoTime();
                for (long k = before / 64 + 1; k <= after / 64 && k < receivedAt.length; k++) {
                    receivedAt[(int) k] = now;
                }
                received.set(after);
            }
        } catch (IOException e) {
            // the proxy was killed
        }
    }

    private static long bytesReceivedBefore(long[] receivedAt, long received, long instant, long floor) {
        long best = floor;
        for (long k = 1; k <= received / 64 && k < receivedAt.length; k++) {
            if (receivedAt[(int) k] != 0 && receivedAt[(int) k] <= instant) {
                best = Math.max(best, k * 64);
            }
        }
        return best;
    }

    private static void awaitRecorded(Path file, int bytes) {
        Await.until(bytes + " recorded bytes in the file while recording",
                () -> Files.exists(file) && readBack(file).hostBytes().length >= bytes);
    }

    record Read(byte[] hostBytes, List<String> warnings) {}

    private static Read readBack(Path file) throws IOException {
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        try (TraceReader r = Traces.open(file)) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof Chunk c && c.direction() == Direction.HOST_TO_MODULE) {
                    host.writeBytes(c.data());
                }
            }
            return new Read(host.toByteArray(), r.warnings());
        }
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
