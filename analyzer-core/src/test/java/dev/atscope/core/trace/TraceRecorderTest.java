package dev.atscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given live traffic from two threads, the recorded file holds every byte, in non-decreasing time. */
class TraceRecorderTest {

    @TempDir
    Path dir;

    @Test
    void twoDirectionsRecordedAtOnceReadBackWholeAndInTimeOrder() throws Exception {
        Path file = dir.resolve("live.csv");
        List<TraceEntry> seen = new ArrayList<>();
        TraceRecorder rec = TraceRecorder.create(file, TraceMetadata.EMPTY.withTag("device", "bench"),
                Duration.ofMillis(10), Duration.ofMillis(50), e -> seen.add(e));
        CountDownLatch go = new CountDownLatch(1);
        Thread host = feeder(rec, Direction.HOST_TO_MODULE, "AT\r", go);
        Thread module = feeder(rec, Direction.MODULE_TO_HOST, "\r\nOK\r\n", go);
        go.countDown();
        host.join();
        module.join();
        rec.marker(Direction.MODULE_TO_HOST, Marker.Kind.GAP, "port vanished");
        TraceRecorder.Stats stats = rec.stats();
        rec.close();

        Trace t = Trace.read(file);
        assertThat(t.metadata().start()).isEqualTo(rec.start());
        assertThat(t.metadata().tags()).containsEntry("device", "bench");
        long last = -1;
        StringBuilder h = new StringBuilder();
        StringBuilder m = new StringBuilder();
        for (TraceEntry e : t.entries()) {
            assertThat(e.timeMicros()).isGreaterThanOrEqualTo(last);
            last = e.timeMicros();
            if (e instanceof Chunk c) {
                (c.direction() == Direction.HOST_TO_MODULE ? h : m).append(new String(c.data(), StandardCharsets.US_ASCII));
            }
        }
        assertThat(h.toString()).isEqualTo("AT\r".repeat(500));
        assertThat(m.toString()).isEqualTo("\r\nOK\r\n".repeat(500));
        assertThat(stats.hostBytes()).isEqualTo(1500);
        assertThat(stats.moduleChunks()).isEqualTo(500);
        assertThat(stats.gaps()).isEqualTo(1);
        assertThat(seen).hasSize(1001);
        assertThat(t.entries()).hasSize(1001);
    }

    @Test
    void theFileIsReadableWhileRecordingAfterAFlush() throws Exception {
        Path file = dir.resolve("open.csv");
        try (TraceRecorder rec = TraceRecorder.create(file, TraceMetadata.EMPTY, Duration.ofSeconds(60),
                Duration.ofSeconds(60), null)) {
            rec.chunk(Direction.HOST_TO_MODULE, "AT+QIACT\r".getBytes(StandardCharsets.US_ASCII), 0, 9);
            rec.flush();
            Trace t = Trace.read(file);
            assertThat(t.entries()).hasSize(1);
        }
    }

    @Test
    void writingAfterCloseFails() throws Exception {
        TraceRecorder rec = TraceRecorder.create(dir.resolve("c.csv"), TraceMetadata.EMPTY, Duration.ofMillis(100),
                Duration.ofSeconds(1), null);
        rec.close();
        rec.close();
        assertThatThrownBy(() -> rec.chunk(Direction.HOST_TO_MODULE, new byte[] {'A'}, 0, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void rotationBySizeSplitsTheRecordingIntoPartsThatReadBackAsOneTimeline() throws Exception {
        Path file = dir.resolve("field.csv");
        List<TraceEntry> seen = new ArrayList<>();
        TraceRecorder rec = TraceRecorder.create(file, TraceMetadata.EMPTY, Duration.ofSeconds(60),
                Duration.ofSeconds(60), new TraceRecorder.Rotation(1000, null), seen::add);
        byte[] line = "AT+QHTTPGET=60\r".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
            rec.chunk(Direction.HOST_TO_MODULE, line, 0, line.length);
        }
        rec.close();

        List<Path> parts = rec.files();
        assertThat(parts).hasSizeGreaterThan(3);
        assertThat(parts.get(0).getFileName().toString()).isEqualTo("field-0001.csv");
        assertThat(parts.get(1).getFileName().toString()).isEqualTo("field-0002.csv");
        assertThat(file).doesNotExist();
        StringBuilder all = new StringBuilder();
        List<Long> absolute = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Trace t = Trace.read(parts.get(p));
            // a part ends at the first row past the limit: at most one row over
            assertThat(parts.get(p).toFile().length()).isLessThan(1000 + 200);
            if (p > 0) {
                assertThat(t.entries().get(0)).isInstanceOf(Marker.class);
                assertThat(((Marker) t.entries().get(0)).text()).isEqualTo("continues " + parts.get(p - 1).getFileName());
            }
            long partStart = java.time.Duration.between(rec.start(), t.metadata().start()).toNanos() / 1000;
            for (TraceEntry e : t.entries()) {
                if (e instanceof Chunk c) {
                    all.append(new String(c.data(), StandardCharsets.US_ASCII));
                    absolute.add(partStart + c.timeMicros());
                }
            }
        }
        assertThat(all.toString()).isEqualTo("AT+QHTTPGET=60\r".repeat(200));
        List<Long> live = seen.stream().map(TraceEntry::timeMicros).toList();
        assertThat(absolute).isEqualTo(live).isSorted();
    }

    @Test
    void anArrivalTimeEarlierThanTheLastRowIsRecordedAsThatRowsTime() throws Exception {
        Path file = dir.resolve("late.csv");
        try (TraceRecorder rec = TraceRecorder.create(file, TraceMetadata.EMPTY, Duration.ofSeconds(60),
                Duration.ofSeconds(60), null)) {
            rec.chunk(Direction.HOST_TO_MODULE, new byte[] {'A'}, 0, 1, 5000);
            rec.chunk(Direction.MODULE_TO_HOST, new byte[] {'B'}, 0, 1, 4000);
            rec.chunk(Direction.MODULE_TO_HOST, new byte[] {'C'}, 0, 1, 7000);
            rec.flush();
            assertThat(Trace.read(file).entries()).extracting(TraceEntry::timeMicros).containsExactly(5000L, 5000L,
                    7000L);
        }
    }

    private static Thread feeder(TraceRecorder rec, Direction d, String text, CountDownLatch go) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> {
            try {
                go.await();
                for (int i = 0; i < 500; i++) {
                    rec.chunk(d, b, 0, b.length);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }
}
