package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.LoopbackHttpsServer;
import dev.atscope.core.emulator.Pki;
import dev.atscope.core.emulator.Timing;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.link.RecordingLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a fleet whose traces were recorded against the emulator, each device with one of its fault
 * profiles, when the folder is indexed, then the README's questions return exactly the devices
 * whose profile makes that failure: the index finds what the emulator broke.
 */
class FleetCorpusTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @TempDir
    static Path tmp;

    static Path fleet;
    static Path index;

    /**
     * A device: its name, the day its trace starts, the fault profile its module ran with, and whether
     * it fetches its configuration over plain HTTP (an HTTP error on an https URL looks like a failed
     * handshake on the wire: the module gives no status, PROTOCOL-NOTES).
     */
    record Device(String name, String day, String profile, boolean plainHttp) {
        Device(String name, String day, String profile) {
            this(name, day, profile, false);
        }
    }

    static final List<Device> DEVICES = List.of(
            new Device("meter-01", "2026-11-17", null),
            new Device("meter-02", "2026-11-19", null),
            new Device("meter-03", "2026-11-18", "handshake-failure"),
            new Device("meter-04", "2026-11-21", "handshake-failure"),
            new Device("meter-05", "2026-11-03", "handshake-failure"),
            new Device("meter-06", "2026-11-20", "pdp-fails-twice"),
            new Device("meter-07", "2026-11-20", "dns-failure"),
            new Device("meter-08", "2026-11-22", "http-500", true),
            new Device("meter-09", "2026-11-22", "not-registered"));

    @BeforeAll
    static void recordTheFleetAgainstTheEmulator() throws Exception {
        fleet = Files.createDirectories(tmp.resolve("fleet"));
        index = tmp.resolve("index");
        Pki.Issued ca = Pki.authority("fleet CA");
        byte[] page = "<html><body>config v7</body></html>".getBytes(StandardCharsets.US_ASCII);
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(Pki.server(ca, "api.fleet.test"),
                List.of("TLSv1.2"), LoopbackHttpsServer.ClientAuth.NONE, null, page);
                LoopbackHttpsServer plain = LoopbackHttpsServer.http(page)) {
            for (Device d : DEVICES) {
                record(d, (d.plainHttp() ? plain : server).url("api.fleet.test", "/v1/config"), ca);
            }
        }

        Files.writeString(fleet.resolve("meter-10.csv"), "# atscope-trace: 1\ntime_us,dir,kind,data\n9,H>M,data,AT\\q\n");
    }

    /** Runs §3.3 with server authentication as a device's firmware would, recording the wire. */
    static void record(Device d, String url, Pki.Issued ca) throws Exception {
        FaultProfile faults = d.profile() == null ? FaultProfile.NONE : FaultProfile.builtIn(d.profile());
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(Timing.FAST).withFaults(faults)
                .withHost("api.fleet.test", "127.0.0.1").withLog(line -> { });
        Path live = tmp.resolve(d.name() + ".live.csv");
        PipeLink[] pair = PipeLink.pair("firmware", "module");
        EmulatedModule module = new EmulatedModule(config, REGISTRY, d.name());
        Thread serving = new Thread(() -> {
            try {
                module.serve(pair[1]);
            } catch (IOException e) {
                // the host closed the pipe: the recording is over
            }
        }, "fleet-module-" + d.name());
        serving.setDaemon(true);
        serving.start();
        try (TraceRecorder recorder = TraceRecorder.create(live, TraceMetadata.EMPTY, Duration.ofMillis(100),
                Duration.ofSeconds(1), null);
                AtHost host = new AtHost(new RecordingLink(pair[0], recorder, Direction.HOST_TO_MODULE), REGISTRY,
                        Duration.ofSeconds(10), Duration.ofMillis(30))) {
            host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
            host.send("AT+CGREG?");
            host.upload("AT+QSECWRITE=\"RAM:ca.pem\"," + ca.certificatePem().length + ",100", ca.certificatePem());
            for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP")) {
                host.send(c);
            }
            boolean active = false;
            for (int attempt = 0; attempt < 2 && !active; attempt++) { // the firmware gives up after one retry
                active = host.send("AT+QIACT").ok();
            }
            host.send("AT+QILOCIP");
            for (String c : List.of("AT+QSSLCFG=\"sslversion\",0,3", "AT+QSSLCFG=\"secllevel\",0,1",
                    "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "AT+QSSLCFG=\"https\",1")) {
                host.send(c);
            }
            host.upload("AT+QHTTPURL=" + url.length() + ",60", url.getBytes(StandardCharsets.US_ASCII));
            if (host.send("AT+QHTTPGET=60").ok()) {
                host.send("AT+QHTTPREAD=30");
            }
            host.send("AT+QIDEACT");
        }
        pair[1].close();
        serving.join(5000);
        // the fleet's logs come from different days: keep the bytes and times, move the start
        Trace t = Trace.read(live);
        new Trace(t.metadata().withStart(Instant.parse(d.day() + "T08:00:00Z")).withTag("device", d.name()),
                t.entries()).write(fleet.resolve(d.name() + ".csv"));
        Files.delete(live);
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
        return DEVICES.stream().filter(d -> profile.equals(d.profile())).map(Device::name).sorted().toList();
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
