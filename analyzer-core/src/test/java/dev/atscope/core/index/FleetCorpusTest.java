package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a fleet whose traces were recorded against the emulator, each device with one of its fault
 * profiles, when the folder is indexed, then the questions of docs/search.md return exactly the devices
 * whose profile makes that failure: the index finds what the emulator broke.
 */
class FleetCorpusTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @TempDir
    static Path tmp;

    static Path fleet;
    static Path index;

    static final List<FleetCorpus.Device> DEVICES = FleetCorpus.DEVICES;

    @BeforeAll
    static void recordTheFleetAgainstTheEmulator() throws Exception {
        fleet = FleetCorpus.record(tmp.resolve("fleet"));
        index = tmp.resolve("index");
        Files.writeString(fleet.resolve("meter-10.csv"), "# atscope-trace: 1\ntime_us,dir,kind,data\n9,H>M,data,AT\\q\n");
    }

    static FolderIndexer.Report indexFleet() throws Exception {
        try (TraceIndexWriter w = new TraceIndexWriter(index, REGISTRY, false)) {
            return new FolderIndexer(w, 2).run(List.of(fleet), (done, total, tx, file, failure) -> { });
        }
    }

    static List<String> devices(String query) throws Exception {
        try (TraceSearcher s = new TraceSearcher(index)) {
            return s.search(query, 1000, TraceSearch.Order.TIME, false).hits().stream()
                    .map(TraceSearch.Hit::device).distinct().sorted().toList();
        }
    }

    static List<String> withProfile(String profile) {
        return DEVICES.stream().filter(d -> profile.equals(d.profile())).map(FleetCorpus.Device::name).sorted().toList();
    }

    @Test
    void aCorruptLogIsReportedAndEveryOtherDeviceIsIndexedIdempotently() throws Exception {
        FolderIndexer.Report first = indexFleet();
        assertThat(first.indexed()).hasSize(DEVICES.size());
        assertThat(first.failures()).singleElement().satisfies(f ->
                assertThat(f.message()).contains("meter-10.csv:3").contains("unknown escape \\q"));
        Map<String, List<String>> before = answers();
        FolderIndexer.Report again = indexFleet();
        assertThat(again.transactions()).isEqualTo(first.transactions());
        assertThat(answers()).isEqualTo(before);
        try (TraceSearcher s = new TraceSearcher(index)) {
            assertThat(s.search("type:transaction", 1, TraceSearch.Order.TIME, false).total())
                    .isEqualTo(first.transactions());
        }
    }

    @Test
    void whichDevicesHadATlsHandshakeFailureLastWeek() throws Exception {
        indexFleet();
        assertThat(devices("type:session AND outcome:tls-handshake-failed")).isEqualTo(withProfile("handshake-failure"));
        assertThat(devices("type:session AND outcome:tls-handshake-failed AND time:[2026-11-16 TO 2026-11-23]"))
                .containsExactly("meter-03", "meter-04");
        assertThat(devices("error:3815")).isEqualTo(withProfile("handshake-failure"));
    }

    @Test
    void eachFaultProfileIsFoundByTheOutcomeThatNamesIt() throws Exception {
        indexFleet();
        assertThat(devices("type:session AND outcome:pdp-activation-failed")).isEqualTo(withProfile("pdp-fails-twice"));
        assertThat(devices("type:session AND outcome:dns-failed")).isEqualTo(withProfile("dns-failure"));
        assertThat(devices("type:session AND outcome:http-error")).isEqualTo(withProfile("http-500"));
        assertThat(devices("type:session AND outcome:not-registered")).isEqualTo(withProfile("not-registered"));
        assertThat(devices("type:session AND outcome:ok")).contains("meter-01", "meter-02")
                .doesNotContainAnyElementsOf(withProfile("handshake-failure"));
        assertThat(devices("command:QHTTPREAD AND outcome:ok")).containsExactly("meter-01", "meter-02");
    }

    @Test
    void checkerRulesAreSearchable() throws Exception {
        indexFleet();
        assertThat(devices("rule:pdp.activation-failed")).containsAll(withProfile("pdp-fails-twice"));
        assertThat(devices("rule:result.error AND command:QHTTPGET")).containsAll(withProfile("handshake-failure"))
                .containsAll(withProfile("dns-failure")).doesNotContain("meter-01", "meter-02");
    }

    private static Map<String, List<String>> answers() throws Exception {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String q : new ArrayList<>(List.of("type:session AND outcome:tls-handshake-failed", "error:3815",
                "type:session AND outcome:ok", "rule:result.error"))) {
            m.put(q, devices(q));
        }
        return m;
    }
}
