package dev.atscope.core.emulator;

import dev.atscope.core.link.PipeLink;
import dev.atscope.core.link.RecordingLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code atscope demo} does, with no hardware and no network: certificates made on the fly, a
 * real HTTPS server on 127.0.0.1, an emulated module, and a host that runs the note's procedures
 * against it (uploads to RAM, §3.1, and NVRAM, §3.2; the HTTPS GET of §3.3; the same GET with the
 * uploaded certificates in use; and a GET whose handshake fails because the configured CA did not
 * sign the server), with the wire recorded as a native trace.
 */
public final class DemoScenario {

    /** The server's name; the module's resolver maps it to 127.0.0.1. */
    public static final String HOST = "demo.atscope.test";
    /** The trace's file name in the output folder. */
    public static final String TRACE = "trace.csv";
    /** The module's log (requests, handshake failures and why). */
    public static final String LOG = "emulator.log";

    private final ProtocolRegistry registry;
    private final ModulePace timing;
    private final Consumer<String> progress;
    private AtHost host;
    private int failures;

    /**
     * What the demo produced.
     *
     * @param trace the recorded trace
     * @param log the emulator's log file
     * @param commands how many command lines the host sent
     * @param failed how many of them did not end as the procedure expects
     */
    public record Result(Path trace, Path log, int commands, int failed) {}

    private DemoScenario(ProtocolRegistry registry, ModulePace timing, Consumer<String> progress) {
        this.registry = registry;
        this.timing = timing;
        this.progress = progress;
    }

    /**
     * Runs the demo into {@code dir} (created if missing), reporting each step to {@code progress}.
     *
     * @param timing the module's pace ({@link ModulePace#REALISTIC} for the demo, faster for tests)
     */
    public static Result run(Path dir, ProtocolRegistry registry, ModulePace timing, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(dir);
        return new DemoScenario(registry, timing, progress).run(dir);
    }

    private Result run(Path dir) throws IOException {
        progress.accept("making certificates: a CA, a server certificate for " + HOST
                + ", a client certificate, and a CA that signed nothing here");
        Pki.Issued ca = Pki.authority("atscope demo CA");
        Pki.Issued serverCert = Pki.server(ca, HOST);
        Pki.Issued client = Pki.client(ca, "demo-device-0001");
        Pki.Issued stranger = Pki.authority("a CA the server does not use");

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(timing).withHost(HOST, "127.0.0.1")
                .withLog(log::add);
        Path tracePath = dir.resolve(TRACE);
        TraceMetadata meta = TraceMetadata.EMPTY.withSource("atscope demo").withTag("device", "demo-m66");
        meta = new TraceMetadata(meta.source(), "host (atscope demo)", "emulated M66", 115_200, null, false,
                meta.tags());
        PipeLink[] pair = PipeLink.pair("host", "emulated-m66");
        int commands;
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(serverCert, List.of("TLSv1.2", "TLSv1.3"),
                LoopbackHttpsServer.ClientAuth.WANT, ca.certificate(), NoteExamples.page());
                TraceRecorder recorder = TraceRecorder.create(tracePath, meta, Duration.ofMillis(200),
                        Duration.ofSeconds(1), null)) {
            progress.accept("HTTPS server on 127.0.0.1:" + server.port() + " (TLS 1.2 and 1.3; asks for a client"
                    + " certificate, does not insist)");
            Thread module = moduleThread(config, pair[1], log);
            try {
                progress.accept("emulated M66 booting; recording the wire into " + tracePath);
                host = new AtHost(new RecordingLink(pair[0], recorder, Direction.HOST_TO_MODULE), registry,
                        Duration.ofSeconds(75), Duration.ofMillis(100));
                host.awaitUrc("SMS Ready", Duration.ofSeconds(30));
                commands = procedures(server.url(HOST, "/test/testfiles/test2000.html"), ca, client, stranger);
            } finally {
                if (host != null) {
                    host.close();
                }
                pair[1].close();
                join(module);
            }
        }
        Path logPath = dir.resolve(LOG);
        synchronized (log) {
            Files.write(logPath, log, StandardCharsets.UTF_8);
        }
        return new Result(tracePath, logPath, commands, failures);
    }

    private int procedures(String url, Pki.Issued ca, Pki.Issued client, Pki.Issued stranger) throws IOException {
        int sent = 0;
        progress.accept("§3.1 certificates and key into RAM");
        upload("RAM:ca_cert.pem", ca.certificatePem());
        upload("RAM:client_cert.pem", client.certificatePem());
        upload("RAM:client_key.pem", client.keyPem());
        progress.accept("§3.2 certificates and key into NVRAM (and a second CA, CA1, that did not sign the server)");
        upload("NVRAM:CA0", ca.certificatePem());
        upload("NVRAM:CC0", client.certificatePem());
        upload("NVRAM:CK0", client.keyPem());
        upload("NVRAM:CA1", stranger.certificatePem());
        sent += 7;

        progress.accept("§3.3 HTTPS GET, no authentication (TLS 1.2: the note's TLS 1.1 is refused by today's servers)");
        for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT", "AT+QILOCIP",
                "AT+QSSLCFG=\"sslversion\",0,3", "AT+QSSLCFG=\"secllevel\",0,0",
                "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", "AT+QSSLCFG=\"https\",1")) {
            step(c, true);
        }
        sent += 9 + get(url, true);

        progress.accept("the same GET with the §3.1 certificates in use: server and client authentication");
        for (String c : List.of("AT+QIACT", "AT+QSSLCFG=\"secllevel\",0,2", "AT+QSSLCFG=\"cacert\",0,\"RAM:ca_cert.pem\"",
                "AT+QSSLCFG=\"clientcert\",0,\"RAM:client_cert.pem\"",
                "AT+QSSLCFG=\"clientkey\",0,\"RAM:client_key.pem\"")) {
            step(c, true);
        }
        sent += 5 + get(url, true);

        progress.accept("a failing variant: server authentication against NVRAM:CA1, a CA that did not sign the server");
        for (String c : List.of("AT+QIACT", "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA1\"")) {
            step(c, true);
        }
        sent += 3 + get(url, false);
        return sent;
    }

    /** URL, GET, READ when it worked, DEACT; returns the number of command lines. */
    private int get(String url, boolean shouldWork) throws IOException {
        AtHost.Reply u = host.upload("AT+QHTTPURL=" + url.length() + ",60", url.getBytes(StandardCharsets.US_ASCII));
        report(u, true, url);
        AtHost.Reply g = step("AT+QHTTPGET=60", shouldWork);
        int n = 2;
        if (g.ok()) {
            AtHost.Reply r = host.send("AT+QHTTPREAD=30");
            report(r, true, r.body().length + " bytes of body");
            n++;
        }
        step("AT+QIDEACT", true);
        return n + 1;
    }

    private void upload(String name, byte[] data) throws IOException {
        AtHost.Reply r = host.upload("AT+QSECWRITE=\"" + name + "\"," + data.length + ",100", data);
        String expected = "+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data);
        boolean matches = r.lines().contains(expected);
        report(r, r.ok() && matches, data.length + " bytes" + (matches ? ", checksum matches" : ", CHECKSUM DIFFERS"));
    }

    private AtHost.Reply step(String command, boolean shouldWork) throws IOException {
        AtHost.Reply r = host.send(command);
        report(r, r.ok() == shouldWork, shouldWork ? null : "expected to fail");
        return r;
    }

    private void report(AtHost.Reply r, boolean asExpected, String note) {
        if (!asExpected) {
            failures++;
        }
        List<String> answer = new ArrayList<>(r.answer());
        answer.removeIf(l -> l.startsWith("+QSECWRITE:"));
        String text = String.format("  %-52s %s%s%s", r.command(), String.join(" | ", answer),
                note == null ? "" : "  (" + note + ")", asExpected ? "" : "  <- NOT AS EXPECTED");
        progress.accept(text);
    }

    private Thread moduleThread(EmulatorConfig config, PipeLink end, List<String> log) {
        EmulatedModule m = new EmulatedModule(config, registry, "emulated-m66");
        Thread t = new Thread(() -> {
            try {
                m.serve(end);
            } catch (IOException e) {
                log.add("the module stopped: " + e.getMessage());
            }
        }, "atscope-demo-module");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
