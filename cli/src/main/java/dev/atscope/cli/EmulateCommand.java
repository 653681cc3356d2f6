package dev.atscope.cli;

import dev.atscope.capture.PortSpec;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.EmulatorServer;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atscope emulate}: emulated M66 modules on a TCP port, one per connection, until stopped. */
@Command(name = "emulate", description = {"Serves emulated M66-class modules: every TCP connection gets a module of"
        + " its own, booted on connect, answering the application note's commands with real HTTP and HTTPS.",
    "Stops with Ctrl-C."})
final class EmulateCommand extends AbstractCommand {

    @Option(names = "--listen", paramLabel = "tcp:HOST:PORT|serial:PATH", defaultValue = "tcp:127.0.0.1:5000",
            description = "where to listen (default: ${DEFAULT-VALUE}); port 0 picks a free one; serial:PATH[@BAUD]"
                    + " serves one module on a serial port")
    String listen;

    @Option(names = "--profile", paramLabel = "FILE|NAME",
            description = "a fault profile: a JSON file or a built-in name (pdp-fails-twice, handshake-failure, ...)")
    String profile;

    @Option(names = "--resolve", paramLabel = "NAME=IP",
            description = "the module's DNS: NAME resolves to IP (repeatable); other names fail unless --system-dns")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--system-dns", description = "resolve names not given with --resolve with the system's resolver")
    boolean systemDns;

    @Option(names = "--local-ip", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "the address AT+QILOCIP answers and requests leave from (default: ${DEFAULT-VALUE})")
    String localIp;

    @Option(names = "--fast", description = "no module delays (tests, load)")
    boolean fast;

    @Option(names = "--quiet", description = "do not print what the modules do")
    boolean quiet;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "stop after this many seconds (scripts)")
    Long exitAfter;

    @Override
    int execute() throws Exception {
        boolean serial = listen.startsWith("serial:");
        if (!listen.startsWith("tcp:") && !serial) {
            throw new UsageException("--listen " + listen + ": expected tcp:HOST:PORT or serial:PATH[@BAUD[,8N1]]");
        }
        if (serial) {
            return serveSerial(listen.substring("serial:".length()));
        }
        String hostPort = listen.substring(4);
        int colon = hostPort.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (RuntimeException e) {
            port = -1;
        }
        if (colon <= 0 || port < 0 || port > 65535) {
            throw new UsageException("--listen " + listen + ": expected tcp:HOST:PORT with a port 0-65535");
        }
        PrintWriter out = out();
        EmulatorConfig config = config();
        CountDownLatch stop = new CountDownLatch(1);
        try (EmulatorServer server = EmulatorServer.start(hostPort.substring(0, colon), port, config,
                ProtocolRegistry.loadDefault())) {
            Thread hook = new Thread(stop::countDown, "atscope-emulate-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            synchronized (out) {
                out.println("emulating M66 modules on " + server.describe() + ", one per connection (fault profile: "
                        + (profile == null ? "none" : profile) + "); Ctrl-C stops");
                out.flush();
            }
            if (exitAfter != null) {
                stop.await(exitAfter, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook has run
            }
            synchronized (out) {
                out.println("stopped after serving " + server.served() + " connection(s)");
            }
        }
        return OK;
    }

    /** The module's settings from the options. */
    private EmulatorConfig config() throws java.io.IOException {
        FaultProfile faults = profile == null ? FaultProfile.NONE : FaultProfile.load(profile);
        PrintWriter out = out();
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(fast ? ModulePace.FAST : ModulePace.REALISTIC)
                .withFaults(faults).withSystemDns(systemDns).withLocalIp(localIp)
                .withLog(quiet ? line -> { } : line -> {
                    synchronized (out) {
                        out.println(LocalTime.now().format(hms) + " " + line);
                        out.flush();
                    }
                });
        for (String r : resolve) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--resolve " + r + ": expected NAME=IP");
            }
            config = config.withHost(r.substring(0, eq), r.substring(eq + 1));
        }
        return config;
    }

    /**
     * One module on a serial port (a USB-UART adapter wired to the host firmware, or one end of a
     * pseudo-terminal pair), until Ctrl-C or {@code --exit-after}.
     */
    private int serveSerial(String spec) throws Exception {
        PortSpec port;
        try {
            port = PortSpec.parse(spec, SerialSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--listen serial:" + spec + ": " + e.getMessage());
        }
        EmulatorConfig config = config();
        PrintWriter out = out();
        try (SerialLink link = SerialLink.open(port)) {
            EmulatedModule module = new EmulatedModule(config, ProtocolRegistry.loadDefault(), "emulated-m66");
            Thread serving = new Thread(() -> {
                try {
                    module.serve(link);
                } catch (java.io.IOException e) {
                    synchronized (out) {
                        out.println("the port closed: " + e.getMessage());
                    }
                }
            }, "atscope-emulate-serial");
            serving.setDaemon(true);
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "atscope-emulate-stop");
            SerialLink.beforeShutdown(hook);
            synchronized (out) {
                out.println("emulating an M66 module on " + link.describe() + " (fault profile: "
                        + (profile == null ? "none" : profile) + "); Ctrl-C stops");
                out.flush();
            }
            serving.start();
            if (exitAfter != null) {
                stop.await(exitAfter, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        }
        return OK;
    }
}
