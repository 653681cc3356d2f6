package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.capture.PtyPair;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.DiffStatus;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.MockOptions;
import dev.atscope.core.replay.MockReport;
import dev.atscope.core.replay.ModuleMock;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.SendTiming;
import dev.atscope.core.replay.TransactionDiff;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample replayed over a real serial line: a socat pseudo-terminal pair opened through jSerialComm. */
class PtyReplayTest {

    @Test
    void theSampleReplayedOverAPseudoTerminalPairMatchesTheMockOfItself(@TempDir Path dir) throws Exception {
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Recording recording = Recording.of(Trace.read(ReplayCommandTest.HTTPS), registry);
        try (PtyPair pty = PtyPair.open(dir, "replay");
                Link module = SerialLink.open(pty.pathB(), SerialSettings.DEFAULT);
                Link host = SerialLink.open(pty.pathA(), SerialSettings.DEFAULT)) {
            AtomicReference<MockReport> report = new AtomicReference<>();
            Thread mock = new Thread(() -> {
                try {
                    report.set(new ModuleMock(recording, new MockOptions(true, 0.01, 300), ModuleMock.ERROR_FALLBACK)
                            .serve(module));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-mock");
            mock.start();
            Path out = dir.resolve("replay.csv");
            ReplayResult r = new HostReplay(recording, registry, ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST))
                    .run(host, l -> TraceRecorder.create(out, TraceMetadata.EMPTY, Duration.ofMillis(100),
                            Duration.ofSeconds(1), l));
            mock.join();
            assertThat(r.waits()).isEmpty();
            assertThat(r.diffs()).extracting(TransactionDiff::status).containsOnly(DiffStatus.SAME);
            assertThat(r.transactions()).hasSize(13);
            assertThat(report.get().answered()).isEqualTo(13);
            assertThat(report.get().followedTheRecording()).isTrue();
            // what went over the line is in the new trace: 1964 bytes of body in 64-byte chunks and all
            assertThat(Trace.read(out).entries()).hasSameSizeAs(r.entries());
        }
    }
}
