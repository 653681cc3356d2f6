package dev.atscope.core.index;

import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.LoopbackHttpsServer;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.emulator.Pki;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.RecordingLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A fleet whose traces were recorded against the emulator, each device's module with one of its
 * fault profiles, fetching its configuration from a local server as its firmware would (§3.3 with
 * server authentication). The index tests search it; the replay tests replay it.
 */
public final class FleetCorpus {

    /** The host name the devices fetch their configuration from; the emulator resolves it to 127.0.0.1. */
    public static final String HOST = "api.fleet.test";

    /** The firmware's SSL settings: TLS 1.2, server authentication against the uploaded CA, HTTPS on. */
    public static final List<String> SERVER_AUTHENTICATION = List.of("AT+QSSLCFG=\"sslversion\",0,3",
            "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "AT+QSSLCFG=\"https\",1");

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /**
     * A device: its name, the day its trace starts, the fault profile its module ran with, and whether
     * it fetches its configuration over plain HTTP (an HTTP error on an https URL looks like a failed
     * handshake on the wire: the module gives no status, PROTOCOL-NOTES).
     */
    public record Device(String name, String day, String profile, boolean plainHttp) {
        Device(String name, String day, String profile) {
            this(name, day, profile, false);
        }
    }

    /** The fleet. */
    public static final List<Device> DEVICES = List.of(
            new Device("meter-01", "2026-11-17", null),
            new Device("meter-02", "2026-11-19", null),
            new Device("meter-03", "2026-11-18", "handshake-failure"),
            new Device("meter-04", "2026-11-21", "handshake-failure"),
            new Device("meter-05", "2026-11-03", "handshake-failure"),
            new Device("meter-06", "2026-11-20", "pdp-fails-twice"),
            new Device("meter-07", "2026-11-20", "dns-failure"),
            new Device("meter-08", "2026-11-22", "http-500", true),
            new Device("meter-09", "2026-11-22", "not-registered"));

    private FleetCorpus() {}

    /** Records every device's trace into {@code dir} (created), as {@code NAME.csv}; returns {@code dir}. */
    public static Path record(Path dir) throws Exception {
        Files.createDirectories(dir);
        Pki.Issued ca = Pki.authority("fleet CA");
        byte[] page = "<html><body>config v7</body></html>".getBytes(StandardCharsets.US_ASCII);
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(Pki.server(ca, HOST), List.of("TLSv1.2"),
                LoopbackHttpsServer.ClientAuth.NONE, null, page);
                LoopbackHttpsServer plain = LoopbackHttpsServer.http(page)) {
            for (Device d : DEVICES) {
                String url = (d.plainHttp() ? plain : server).url(HOST, "/v1/config");
                Trace t = session(d.profile(), url, ca, SERVER_AUTHENTICATION, dir.resolve(d.name() + ".live.csv"));
                // the fleet's logs come from different days: keep the bytes and times, move the start
                new Trace(t.metadata().withStart(Instant.parse(d.day() + "T08:00:00Z")).withTag("device", d.name()),
                        t.entries()).write(dir.resolve(d.name() + ".csv"));
            }
        }
        return dir;
    }

    /**
     * Runs the firmware's session against an emulated module and records the wire: the CA uploaded,
     * the PDP context activated (one retry), the SSL settings, the request, the body read when it
     * worked, the context deactivated.
     *
     * @param profile the module's fault profile, or null for a healthy one
     * @param url what the firmware fetches; its host resolves to 127.0.0.1
     * @param ca the CA certificate the firmware uploads as {@code RAM:ca.pem}
     * @param sslSettings the firmware's AT+QSSLCFG commands
     * @param scratch where the recording is written while it runs (deleted)
     */
    public static Trace session(String profile, String url, Pki.Issued ca, List<String> sslSettings, Path scratch)
            throws Exception {
        FaultProfile faults = profile == null ? FaultProfile.NONE : FaultProfile.builtIn(profile);
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(ModulePace.FAST).withFaults(faults)
                .withHost(HOST, "127.0.0.1").withLog(line -> { });
        Link module = new EmulatedModule(config, REGISTRY, "fleet-module").startOnPipe(true);
        try (TraceRecorder recorder = TraceRecorder.create(scratch, TraceMetadata.EMPTY, Duration.ofMillis(100),
                Duration.ofSeconds(1), null);
                AtHost host = new AtHost(new RecordingLink(module, recorder, Direction.HOST_TO_MODULE), REGISTRY,
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
            for (String c : sslSettings) {
                host.send(c);
            }
            host.upload("AT+QHTTPURL=" + url.length() + ",60", url.getBytes(StandardCharsets.US_ASCII));
            if (host.send("AT+QHTTPGET=60").ok()) {
                host.send("AT+QHTTPREAD=30");
            }
            host.send("AT+QIDEACT");
        }
        Trace t = Trace.read(scratch);
        Files.delete(scratch);
        return t;
    }
}
