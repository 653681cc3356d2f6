package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.session.SessionOutcome;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given an empty folder, when the demo runs, then its trace holds the note's procedures and the failing variant. */
class DemoScenarioTest {

    @TempDir
    Path dir;

    @Test
    void theDemoRecordsThreeSessionsTheLastOneAHandshakeFailure() throws Exception {
        List<String> progress = new ArrayList<>();
        DemoScenario.Result r = DemoScenario.run(dir, ModuleBench.REGISTRY, ModulePace.FAST, progress::add);
        assertThat(r.failed()).as(String.join("\n", progress)).isZero();
        assertThat(r.trace()).isEqualTo(dir.resolve("trace.csv"));

        List<Decoded> decoded = TraceDecoding.decode(Trace.read(r.trace()).entries(), ModuleBench.REGISTRY);
        List<Transaction> transactions = decoded.stream().filter(d -> d instanceof Transaction)
                .map(d -> (Transaction) d).toList();
        assertThat(transactions).hasSize(r.commands());
        List<SessionSummary> sessions = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(ModuleBench.REGISTRY, sessions::add);
        decoded.forEach(tracker::accept);
        tracker.finish();
        assertThat(sessions).extracting(SessionSummary::outcome).containsExactly(SessionOutcome.OK, SessionOutcome.OK,
                SessionOutcome.TLS_HANDSHAKE_FAILED);
        assertThat(sessions.get(2).detail()).contains("3815").contains(DemoScenario.HOST);
        assertThat(Files.readAllLines(r.log())).anyMatch(l -> l.contains("does not verify against the uploaded CA"));
        assertThat(progress).anyMatch(l -> l.startsWith("§3.1")).anyMatch(l -> l.contains("AT+QHTTPGET=60")
                && l.contains("+CME ERROR: 3815"));
    }
}
