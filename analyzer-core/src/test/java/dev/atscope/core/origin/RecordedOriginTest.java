package dev.atscope.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Transaction;
import dev.atscope.core.index.FleetCorpus;
import dev.atscope.core.replay.DiffStatus;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.replay.TransactionDiff;
import dev.atscope.core.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given the samples and a fleet recorded against the emulator (each device with one of its fault
 * profiles), when each is replayed against the emulator and the recording's own origin, then each
 * replays with no difference beyond the masks, and the notes say how each recorded failure came
 * about: made for real, or reproduced as recorded.
 */
@Timeout(120)
class RecordedOriginTest {

    static final Path SAMPLES = Path.of("..", "samples", "traces");

    @TempDir
    static Path tmp;

    static Path fleet;

    @BeforeAll
    static void recordTheFleet() throws Exception {
        fleet = FleetCorpus.record(tmp.resolve("fleet"));
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertThat(all).hasSize(3);
            return all.stream();
        }
    }

    static Stream<FleetCorpus.Device> devices() {
        return FleetCorpus.DEVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleReplaysClean(Path sample) throws Exception {
        OriginReplays.Run run = OriginReplays.replay(Trace.read(sample), OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(describe(run)).isTrue();
        assertThat(run.result().waits()).isEmpty();
    }

    @Test
    void theNotesHttpsGetIsAnsweredOverRealTls12InPlaceOfTheTls11ItsServerAccepted() throws Exception {
        OriginReplays.Run run = OriginReplays.replay(Trace.read(SAMPLES.resolve("https-get.csv")), OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(describe(run)).isTrue();
        TransactionDiff read = run.result().diffs().get(12);
        assertThat(read.command()).isEqualTo("AT+QHTTPREAD=30");
        assertThat(read.replayed().payloads()).singleElement().satisfies(p -> assertThat(p.bytes())
                .isEqualTo(read.recorded().payloads().get(0).bytes()).hasSize(1964));
        assertThat(run.log()).anySatisfy(l -> assertThat(l).contains("-> 200, 1964 bytes (TLSv1.2 "));
        assertThat(run.origin().notes()).anySatisfy(n -> assertThat(n.text())
                .contains("accepted TLS 1.1 (sslversion 2), which this JDK does not speak"));
        assertThat(run.origin().origins()).containsExactly("https://220.180.239.201:8417");
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyDeviceOfTheFleetReplaysClean(FleetCorpus.Device d) throws Exception {
        OriginReplays.Run run = OriginReplays.replay(Trace.read(fleet.resolve(d.name() + ".csv")), OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(describe(run)).isTrue();
        assertThat(run.result().waits()).isEmpty();
        int get = indexOf(run, "AT+QHTTPGET=60");
        List<ReplayNote> atGet = run.origin().notes().stream().filter(n -> n.index() == get).toList();
        switch (d.profile() == null ? "" : d.profile()) {
            case "" -> assertThat(atGet).singleElement().satisfies(n -> assertThat(n.text()).contains("35 bytes"));
            case "handshake-failure" -> assertThat(atGet).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(ReplayNote.Kind.EXPLAINED);
                assertThat(n.text()).contains("RAM:ca.pem").contains("assumed");
            });
            case "dns-failure" -> assertThat(atGet).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(ReplayNote.Kind.REPRODUCED);
                assertThat(n.text()).contains("+CME ERROR: 3813").contains("did not resolve");
            });
            case "http-500" -> assertThat(atGet).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(ReplayNote.Kind.REPRODUCED);
                assertThat(n.text()).contains("3822").contains("500");
            });
            case "pdp-fails-twice" -> {
                assertThat(atGet).isEmpty(); // no context, so the module refused the request itself
                assertThat(run.origin().notes()).filteredOn(n -> n.text().contains("PDP activation"))
                        .extracting(ReplayNote::index).containsExactly(6, 7);
            }
            case "not-registered" -> assertThat(run.origin().notes()).anySatisfy(n -> {
                assertThat(n.index()).isEqualTo(1);
                assertThat(n.text()).contains("not registered");
            });
            default -> throw new AssertionError("a device profile this test does not know: " + d.profile());
        }
    }

    static int indexOf(OriginReplays.Run run, String command) {
        for (TransactionDiff d : run.result().diffs()) {
            if (d.command().equals(command)) {
                return d.index();
            }
        }
        throw new AssertionError(command + " is not in the recording");
    }

    /** The differences, the notes and the module's log, for a failure's message. */
    static String describe(OriginReplays.Run run) {
        StringBuilder sb = new StringBuilder(run.result().summary().toString());
        for (TransactionDiff d : run.result().diffs()) {
            if (d.status() != DiffStatus.SAME) {
                sb.append("\n  ").append(d.index()).append(' ').append(d.status()).append(' ').append(d.command())
                        .append(' ').append(d.lines()).append(" urcs -").append(d.missingUrcs()).append(" +")
                        .append(d.extraUrcs());
            }
        }
        run.origin().notes().forEach(n -> sb.append("\n  note ").append(n));
        run.log().forEach(l -> sb.append("\n  log ").append(l));
        return sb.toString();
    }

    static Transaction replayed(OriginReplays.Run run, int index) {
        return run.result().diffs().stream().filter(d -> d.index() == index).findFirst().orElseThrow().replayed();
    }
}
