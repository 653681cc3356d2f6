package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.link.Link;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.link.TcpLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a recording, when its host is replayed against a mock of a module, then the answers are compared. */
class HostReplayTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    /** Mock latencies at a hundredth of the recording's: the session's 13 s take a fraction of a second. */
    static final MockOptions QUICK_MOCK = new MockOptions(true, 0.01, 200);

    static ReplayResult replay(Trace host, Trace module, ReplayOptions options, Link[] ends) throws Exception {
        Recording served = Recording.of(module, REGISTRY);
        try (MockSession mock = new MockSession(new ModuleMock(served, QUICK_MOCK, ModuleMock.ERROR_FALLBACK), ends[1])) {
            HostReplay replay = new HostReplay(Recording.of(host, REGISTRY), REGISTRY, options);
            ReplayResult r = replay.run(ends[0], l -> TraceRecorder.to(
                    new TraceCsvWriter(new StringWriter(), TraceMetadata.EMPTY), Duration.ofMillis(50), l));
            mock.report();
            return r;
        }
    }

    static Link[] pipes() {
        PipeLink[] p = PipeLink.pair("host", "module");
        return new Link[] {p[0], p[1]};
    }

    @Test
    void aSessionReplayedAgainstAMockOfItselfMatchesExactly() throws Exception {
        ReplayResult r = replay(FieldTraces.healthy(), FieldTraces.healthy(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST).withMasks(Masks.NONE), pipes());
        assertThat(r.waits()).isEmpty();
        assertThat(r.transactions()).hasSize(13);
        assertThat(r.diffs()).extracting(TransactionDiff::status).containsOnly(DiffStatus.SAME);
        assertThat(r.summary().same()).isEqualTo(13);
        assertThat(r.differs()).isFalse();
        // the body of AT+QHTTPREAD and the upload of AT+QHTTPURL crossed whole
        assertThat(r.transactions().get(11).payloads().get(0).bytes()).hasSize(
                dev.atscope.core.protocol.quectel.NoteExamples.page().length);
        assertThat(r.transactions().get(9).payloads().get(0).text())
                .isEqualTo(dev.atscope.core.protocol.quectel.NoteExamples.URL);
    }

    @Test
    void againstAMockOfTheFieldFailureExactlyTheFailedTransactionsDiffer() throws Exception {
        ReplayResult r = replay(FieldTraces.healthy(), FieldTraces.failing(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST), pipes());
        List<Integer> differing = r.diffs().stream().filter(d -> d.status() != DiffStatus.SAME)
                .map(TransactionDiff::index).toList();
        assertThat(differing).containsExactly(11, 12);
        TransactionDiff get = r.diffs().stream().filter(d -> d.index() == 11).findFirst().orElseThrow();
        assertThat(get.command()).isEqualTo("AT+QHTTPGET=60");
        assertThat(get.status()).isEqualTo(DiffStatus.DIFFERS);
        assertThat(get.lines()).containsExactly(new LineDiff(LineDiff.Op.CHANGED, "OK", "+CME ERROR: 3815"));
        TransactionDiff read = r.diffs().stream().filter(d -> d.index() == 12).findFirst().orElseThrow();
        assertThat(read.lines()).extracting(LineDiff::op)
                .containsExactly(LineDiff.Op.CHANGED, LineDiff.Op.MISSING, LineDiff.Op.MISSING);
        assertThat(read.lines().get(0)).isEqualTo(new LineDiff(LineDiff.Op.CHANGED, "CONNECT", "+CME ERROR: 3822"));
        assertThat(r.summary()).isEqualTo(new ReplaySummary(13, 11, 2, 0, 0));
    }

    @Test
    void sideBySideEveryLineOfBothAnswersIsAlignedAndMasked() throws Exception {
        ReplayResult r = replay(FieldTraces.healthy(), FieldTraces.failing(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST), pipes());
        ResponseDiffer differ = new ResponseDiffer(Masks.BUILT_IN);
        TransactionDiff get = r.diffs().stream().filter(d -> d.index() == 11).findFirst().orElseThrow();
        assertThat(differ.sideBySide(get.recorded(), get.replayed())).containsExactly(
                new AnswerRow(null, "AT+QHTTPGET=60", "AT+QHTTPGET=60"),
                new AnswerRow(LineDiff.Op.CHANGED, "OK", "+CME ERROR: 3815"));
        // the two local addresses differ, but both are shown as the mask that makes them the same
        TransactionDiff ip = r.diffs().stream().filter(d -> d.index() == 5).findFirst().orElseThrow();
        assertThat(differ.sideBySide(ip.recorded(), ip.replayed()))
                .contains(new AnswerRow(null, "<ip>", "<ip>"));
        // a transaction the replay never got has its recorded lines alone
        assertThat(differ.sideBySide(get.recorded(), null)).extracting(AnswerRow::op)
                .containsOnly(LineDiff.Op.MISSING);
    }

    @Test
    void theFieldRecordingReplayedAgainstAHealthyModuleReportsExactlyTheTransactionsThatFailedInTheField()
            throws Exception {
        ReplayResult r = replay(FieldTraces.failing(), FieldTraces.healthy(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST), pipes());
        assertThat(r.diffs()).filteredOn(d -> d.status() != DiffStatus.SAME).extracting(TransactionDiff::command)
                .containsExactly("AT+QHTTPGET=60", "AT+QHTTPREAD=30");
        TransactionDiff read = r.diffs().stream().filter(d -> d.index() == 12).findFirst().orElseThrow();
        assertThat(read.lines()).hasSize(3);
        assertThat(read.lines().get(0)).isEqualTo(new LineDiff(LineDiff.Op.CHANGED, "+CME ERROR: 3822", "CONNECT"));
        assertThat(read.lines().get(1).op()).isEqualTo(LineDiff.Op.EXTRA);
        assertThat(read.lines().get(1).replayed()).startsWith("<1964 bytes: <!DOCTYPE html>");
        assertThat(read.lines().get(2)).isEqualTo(new LineDiff(LineDiff.Op.EXTRA, null, "OK"));
    }

    @Test
    void withoutMasksTheOtherLocalAddressDiffersToo() throws Exception {
        ReplayResult r = replay(FieldTraces.healthy(), FieldTraces.failing(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST).withMasks(Masks.NONE), pipes());
        TransactionDiff ip = r.diffs().stream().filter(d -> d.index() == 5).findFirst().orElseThrow();
        assertThat(ip.status()).isEqualTo(DiffStatus.DIFFERS);
        assertThat(ip.lines()).containsExactly(new LineDiff(LineDiff.Op.CHANGED, "10.1.83.188", "10.7.14.3"));
    }

    @Test
    void overTcpOnTheLoopbackTheSameSessionMatches() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Link host = TcpLink.connect("127.0.0.1", server.getLocalPort(), 2000);
            Socket accepted = server.accept();
            ReplayResult r = replay(FieldTraces.healthy(), FieldTraces.healthy(),
                    ReplayOptions.DEFAULTS.withTiming(SendTiming.scaled(0.01)), new Link[] {host, new TcpLink(accepted)});
            assertThat(r.differs()).isFalse();
            assertThat(r.summary().same()).isEqualTo(13);
        }
    }

    /**
     * A module that answers the moment a line ends, on its own thread: its answer can be read
     * before the replay's sending thread has recorded the command it just wrote, and must still be
     * recorded after it.
     */
    @Test
    void anAnswerIsNeverRecordedAheadOfItsCommandEvenFromAnInstantModule() throws Exception {
        int commands = 300;
        dev.atscope.core.trace.ScriptedTraffic t = new dev.atscope.core.trace.ScriptedTraffic().echo(false);
        for (int i = 0; i < commands; i++) {
            t.pause(1_000).command("AT").answer(500, "OK");
        }
        Link[] ends = pipes();
        Thread module = new Thread(() -> {
            try {
                java.io.InputStream in = ends[1].input();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == '\r') {
                        ends[1].output().write("\r\nOK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        ends[1].output().flush();
                    }
                }
            } catch (java.io.IOException e) {
                // the replay closed its end
            }
        }, "instant-module");
        module.start();
        ReplayResult r = new HostReplay(Recording.of(new Trace(TraceMetadata.EMPTY, t.entries()), REGISTRY), REGISTRY,
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST).withTimeouts(200, 200)).run(ends[0], l -> TraceRecorder.to(
                        new TraceCsvWriter(new StringWriter(), TraceMetadata.EMPTY), Duration.ofMillis(50), l));
        ends[1].close();
        module.join();
        int hostLines = 0;
        int answers = 0;
        for (dev.atscope.core.trace.TraceEntry e : r.entries()) {
            if (e instanceof dev.atscope.core.trace.Chunk c) {
                String text = new String(c.data(), java.nio.charset.StandardCharsets.US_ASCII);
                if (c.direction() == dev.atscope.core.trace.Direction.HOST_TO_MODULE) {
                    hostLines++;
                } else {
                    answers += text.split("OK", -1).length - 1;
                    assertThat(answers).as("OKs recorded by the time of %s commands", hostLines)
                            .isLessThanOrEqualTo(hostLines);
                }
            }
        }
        assertThat(hostLines).isEqualTo(commands);
        assertThat(answers).isEqualTo(commands);
        assertThat(r.diffs()).extracting(TransactionDiff::status).containsOnly(DiffStatus.SAME);
    }
}
