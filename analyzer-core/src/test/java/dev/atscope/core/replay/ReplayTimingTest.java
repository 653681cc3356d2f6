package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a recorded host, each timing mode sends no earlier than its rule allows, and waits where the host waited. */
class ReplayTimingTest {

    /** The host activates only once the network reports the registration, 2 s after AT+QIREGAPP. */
    static Trace waitsForRegistration() {
        return new Trace(TraceMetadata.EMPTY, new ScriptedTraffic().command("AT+QIREGAPP").answer(48_000, "OK")
                .pause(2_000_000).urc("+CGREG: 1").pause(50_000).command("AT+QIACT").answer(2_350_000, "OK")
                .entries());
    }

    static Trace neverRegisters() {
        return new Trace(TraceMetadata.EMPTY, new ScriptedTraffic().command("AT+QIREGAPP").answer(48_000, "OK")
                .pause(50_000).command("AT+QIACT").answer(2_350_000, "OK").entries());
    }

    @Test
    void aCommandThatWaitedForAUrcWaitsForItAgainEvenInFastMode() throws Exception {
        ReplayResult r = HostReplayTest.replay(waitsForRegistration(), waitsForRegistration(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST), HostReplayTest.pipes());
        assertThat(r.differs()).isFalse();
        long urcAt = timeOf(r.entries(), Direction.MODULE_TO_HOST, "+CGREG: 1");
        long activateAt = timeOf(r.entries(), Direction.HOST_TO_MODULE, "AT+QIACT");
        assertThat(activateAt).isGreaterThanOrEqualTo(urcAt);
    }

    @Test
    void aUrcThatNeverComesEndsItsWaitAndIsReportedMissing() throws Exception {
        ReplayResult r = HostReplayTest.replay(waitsForRegistration(), neverRegisters(),
                ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST).withTimeouts(10_000, 50), HostReplayTest.pipes());
        assertThat(r.waits()).containsExactly("URC +CGREG: 1 (recorded at 2050 ms): did not come within 50 ms");
        TransactionDiff after = r.diffs().get(0);
        assertThat(after.index()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(DiffStatus.URCS_DIFFER);
        assertThat(after.missingUrcs()).containsExactly("+CGREG: 1");
        assertThat(r.diffs().get(1).status()).isEqualTo(DiffStatus.SAME);
    }

    @Test
    void againstAModuleThatIsAlreadyUpTheBootIsWaitedForOnceOrSkipped() throws Exception {
        // the module of the note's session without its boot: the first host chunk starts it
        List<TraceEntry> all = FieldTraces.healthy().entries();
        int firstHost = 0;
        while (!(all.get(firstHost) instanceof Chunk c && c.direction() == Direction.HOST_TO_MODULE)) {
            firstHost++;
        }
        Trace booted = new Trace(TraceMetadata.EMPTY, all.subList(firstHost, all.size()));
        ReplayOptions quick = ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST).withTimeouts(10_000, 50);

        ReplayResult waited = HostReplayTest.replay(FieldTraces.healthy(), booted, quick, HostReplayTest.pipes());
        assertThat(waited.waits()).hasSize(5).allMatch(w -> w.endsWith("did not come within 50 ms"));
        assertThat(waited.diffs().get(0).index()).isZero();
        assertThat(waited.diffs().get(0).missingUrcs())
                .containsExactly("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready");
        assertThat(waited.summary().same()).isEqualTo(13);

        ReplayResult skipped = HostReplayTest.replay(FieldTraces.healthy(), booted, quick.withSkipBoot(true),
                HostReplayTest.pipes());
        assertThat(skipped.waits()).isEmpty();
        assertThat(skipped.differs()).isFalse();
        assertThat(skipped.diffs()).hasSize(13);
    }

    @Test
    void lockstepKeepsTheRecordedThinkTimeAfterEachResult() throws Exception {
        Trace session = ModuleMockTest.shortSession();
        ReplayResult r = HostReplayTest.replay(session, session, ReplayOptions.DEFAULTS, HostReplayTest.pipes());
        Transaction regapp = r.transactions().get(0);
        long sentActivate = timeOf(r.entries(), Direction.HOST_TO_MODULE, "AT+QIACT");
        assertThat(sentActivate - regapp.endMicros()).isGreaterThanOrEqualTo(80_000);
    }

    @Test
    void originalAndScaledTimingSendNoPieceBeforeItsRecordedTime() throws Exception {
        Trace session = ModuleMockTest.shortSession();
        Recording rec = Recording.of(session, HostReplayTest.REGISTRY);
        for (SendTiming timing : List.of(SendTiming.ORIGINAL, SendTiming.scaled(0.05))) {
            ReplayResult r = HostReplayTest.replay(session, session, ReplayOptions.DEFAULTS.withTiming(timing),
                    HostReplayTest.pipes());
            assertThat(r.differs()).isFalse();
            for (int p = 0; p < rec.hostPieces().size(); p++) {
                long due = (long) (timing.factor() * rec.hostPieces().get(p).recordedMicros());
                assertThat(r.sends()[p]).as("%s piece %d", timing, p).isGreaterThanOrEqualTo(due);
            }
        }
    }

    @Test
    void timingModesParseFromTheirWords() {
        assertThat(SendTiming.parse("lockstep")).isEqualTo(SendTiming.LOCKSTEP);
        assertThat(SendTiming.parse("ORIGINAL")).isEqualTo(SendTiming.ORIGINAL);
        assertThat(SendTiming.parse("scaled:0.25")).isEqualTo(SendTiming.scaled(0.25));
        assertThat(SendTiming.parse("scaled:-1")).isNull();
        assertThat(SendTiming.parse("slow")).isNull();
    }

    private static long timeOf(List<TraceEntry> entries, Direction dir, String text) {
        for (TraceEntry e : entries) {
            if (e instanceof Chunk c && c.direction() == dir
                    && new String(c.data(), StandardCharsets.ISO_8859_1).contains(text)) {
                return c.timeMicros();
            }
        }
        throw new AssertionError(text + " not in the replay");
    }

}
