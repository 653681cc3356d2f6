package dev.atscope.cli;

import dev.atscope.capture.CaptureDecoder;
import dev.atscope.capture.CaptureOptions;
import dev.atscope.capture.CaptureSession;
import dev.atscope.capture.InlineProxy;
import dev.atscope.capture.PassiveTap;
import dev.atscope.capture.PortSpec;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.capture.TcpBridge;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atscope capture}: records a live UART as an inline proxy, a passive tap or a TCP bridge. */
@Command(name = "capture", description = {"Records the traffic of a live UART into a trace until Ctrl-C, then prints"
        + " a summary.",
    "Inline proxy: --host PORT --module PORT. Passive tap: --tap-tx PORT --tap-rx PORT. TCP bridge: --bridge PORT"
        + " [--listen ADDR].",
    "A PORT is a device path (pseudo-terminals included) or a system name, optionally with its own line settings:"
        + " /dev/ttyUSB0@115200,8N1,rtscts."})
final class CaptureCommand extends AbstractCommand {

    @Option(names = "--host", paramLabel = "PORT", description = "inline proxy: the port wired to the host")
    String host;

    @Option(names = "--module", paramLabel = "PORT", description = "inline proxy: the port wired to the module")
    String module;

    @Option(names = "--tap-tx", paramLabel = "PORT", description = "passive tap: the adapter on the host's TX line")
    String tapTx;

    @Option(names = "--tap-rx", paramLabel = "PORT", description = "passive tap: the adapter on the host's RX line")
    String tapRx;

    @Option(names = "--bridge", paramLabel = "PORT", description = "TCP bridge: the module's port to share")
    String bridge;

    @Option(names = "--listen", paramLabel = "ADDR", defaultValue = "tcp:127.0.0.1:5000",
            description = "TCP bridge: where clients connect, tcp:HOST:PORT (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRACE", description = "the trace file to write")
    Path output;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "line speed (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--frame", paramLabel = "DPS", defaultValue = "8N1",
            description = "data bits, parity (N/E/O/M/S), stop bits (default: ${DEFAULT-VALUE})")
    String frame;

    @Option(names = "--flow", paramLabel = "MODE", defaultValue = "none",
            description = "flow control: none, rtscts, xonxoff (default: ${DEFAULT-VALUE})")
    String flow;

    @Option(names = "--flush-ms", paramLabel = "MS", defaultValue = "100",
            description = "hand the trace to the system at least this often: what a crash can lose (default: ${DEFAULT-VALUE})")
    long flushMs;

    @Option(names = "--force-ms", paramLabel = "MS", defaultValue = "1000",
            description = "force the trace to the disk at least this often: what a power cut can lose (default: ${DEFAULT-VALUE})")
    long forceMs;

    @Option(names = "--rotate-size", paramLabel = "SIZE", description = "continue in a new file past this size: 500k, 10MB, 1G")
    String rotateSize;

    @Option(names = "--rotate-time", paramLabel = "AGE", description = "continue in a new file after this long: 90s, 30m, 1h, 1d")
    String rotateTime;

    @Option(names = "--reopen-ms", paramLabel = "MS", defaultValue = "500",
            description = "try a vanished port again this often (default: ${DEFAULT-VALUE})")
    long reopenMs;

    @Option(names = "--live", description = "print each transaction as soon as it completes, failures highlighted")
    boolean live;

    @Mixin
    OutputStyle style;

    @Option(names = "--force", description = "replace TRACE when it exists (rotated files are always new)")
    boolean force;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "a tag written into the trace (device, site, firmware); repeatable")
    Map<String, String> tags = new LinkedHashMap<>();

    /** Counted down once recording has started; for tests. */
    final CountDownLatch recording = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    int execute() throws Exception {
        SerialSettings defaults = lineSettings();
        CaptureOptions options = options();
        OutputFile.check(output.toString(), "-o", false, force, java.util.List.of());
        PrintWriter out = out();
        CaptureDecoder decoding = null;
        LiveTable table = null;
        if (live) {
            table = new LiveTable(out, style.color(), output, style.width());
            decoding = new CaptureDecoder(ProtocolRegistry.loadDefault(), table::print);
            options = options.withListener(decoding);
            table.header(); // before any entry can arrive, so that no line comes before it
        }
        CaptureSession session;
        String what;
        try {
            if (host != null) {
                PortSpec h = port(host, defaults);
                PortSpec m = port(module, defaults);
                session = InlineProxy.start(h, m, output, options);
                what = "inline proxy between host " + h.path() + " and module " + m.path();
            } else if (tapTx != null) {
                PortSpec tx = port(tapTx, defaults);
                PortSpec rx = port(tapRx, defaults);
                session = PassiveTap.start(tx, rx, output, options);
                what = "passive tap on TX " + tx.path() + " and RX " + rx.path();
            } else {
                PortSpec m = port(bridge, defaults);
                InetSocketAddress at = listenAddress();
                TcpBridge b = TcpBridge.start(m, at, output, options);
                session = b.session();
                what = "TCP bridge from tcp:" + b.address().getAddress().getHostAddress() + ":" + b.address().getPort()
                        + " to module " + m.path();
            }
        } catch (Exception e) {
            if (decoding != null) {
                decoding.close();
            }
            throw e;
        }
        SerialLink.beforeShutdown(new Thread(this::stopAndWait, "atscope-capture-stop"));
        if (!style.quiet) {
            err().println("atscope: recording " + what + " into " + TerminalText.safe(output.toString()) + "; Ctrl-C stops");
            err().flush();
        }
        recording.countDown();
        try {
            while (!stopRequested.await(100, TimeUnit.MILLISECONDS)) {
                if (session.failure() != null) {
                    break;
                }
            }
            IOException closing = null;
            try {
                session.close();
            } catch (IOException e) {
                closing = e; // the summary still says what was recorded up to the failure
            }
            if (decoding != null) {
                decoding.close();
                table.footer();
            }
            if (!style.quiet) {
                for (String line : session.summary().lines()) {
                    out.println(line);
                }
            }
            out.flush();
            IOException failure = session.failure() != null ? session.failure() : closing;
            if (failure != null) {
                throw new IOException("recording into " + output + " failed: " + failure, failure);
            }
        } finally {
            finished.countDown(); // Ctrl-C: the hook waits for this, so the summary is out before the JVM ends
        }
        return OK;
    }

    /** Ends the capture as Ctrl-C does: the file is closed cleanly and the summary printed. */
    void stop() {
        stopRequested.countDown();
    }

    /** Ctrl-C: asks the capture to stop, then lets the JVM end only once the summary is out. */
    private void stopAndWait() {
        stop();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SerialSettings lineSettings() {
        try {
            return SerialSettings.parse(baud + "," + frame + "," + flow);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad line settings --baud " + baud + " --frame " + frame + " --flow " + flow
                    + ": " + e.getMessage());
        }
    }

    private CaptureOptions options() {
        int modes = (host != null || module != null ? 1 : 0) + (tapTx != null || tapRx != null ? 1 : 0)
                + (bridge != null ? 1 : 0);
        if (modes != 1) {
            throw new UsageException("choose one mode: --host PORT --module PORT (inline proxy), --tap-tx PORT"
                    + " --tap-rx PORT (passive tap), or --bridge PORT (TCP bridge)");
        }
        if ((host == null) != (module == null)) {
            throw new UsageException("the inline proxy needs both --host PORT and --module PORT");
        }
        if ((tapTx == null) != (tapRx == null)) {
            throw new UsageException("the passive tap needs both --tap-tx PORT and --tap-rx PORT");
        }
        if (flushMs <= 0 || forceMs <= 0 || reopenMs <= 0) {
            throw new UsageException("--flush-ms, --force-ms and --reopen-ms must be positive");
        }
        TraceRecorder.Rotation rotation = TraceRecorder.Rotation.NONE;
        if (rotateSize != null || rotateTime != null) {
            rotation = new TraceRecorder.Rotation(rotateSize == null ? 0 : size(rotateSize),
                    rotateTime == null ? null : age(rotateTime));
        }
        return CaptureOptions.DEFAULTS.withSync(Duration.ofMillis(flushMs), Duration.ofMillis(forceMs))
                .withRotation(rotation).withReopenEvery(Duration.ofMillis(reopenMs)).withTags(tags);
    }

    private InetSocketAddress listenAddress() {
        try {
            return TcpBridge.parseListen(listen);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static PortSpec port(String spec, SerialSettings defaults) {
        try {
            return PortSpec.parse(spec, defaults);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code 500k}, {@code 10MB}, {@code 1G}, {@code 4096}: powers of 1024. */
    static long size(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        Matcher m = Pattern.compile("(\\d+)\\s*([KMG]?)I?B?").matcher(t);
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
            throw new UsageException("bad --rotate-size " + text + "; expected a positive size such as 500k, 10MB or 1G");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 1d}. */
    static Duration age(String text) {
        Matcher m = Pattern.compile("(\\d+)\\s*([smhd])").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
            throw new UsageException("bad --rotate-time " + text + "; expected a positive age such as 90s, 30m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The decode table, one transaction a line as it completes, failures in red when asked for. */
    static final class LiveTable {
        private static final String RED = "\u001b[1;31m";
        private static final String RESET = "\u001b[0m";

        private final PrintWriter out;
        private final boolean color;
        private final StringWriter line = new StringWriter();
        private final TransactionTable table;

        LiveTable(PrintWriter out, boolean color, Path file, int width) {
            this.out = out;
            this.color = color;
            this.table = new TransactionTable(new PrintWriter(line), TraceMetadata.EMPTY.withSource(file.toString()), width);
        }

        void header() {
            table.header("-");
            emit(false);
        }

        void print(Decoded d) {
            if (d instanceof Transaction t) {
                table.transaction(t);
                emit(t.outcome() != Outcome.OK);
            } else if (d instanceof Event e && DecodeCommand.standalone(e)) {
                table.event(e);
                emit(false);
            }
        }

        void footer() {
            table.footer();
            emit(false);
        }

        private void emit(boolean failure) {
            String text = line.toString();
            line.getBuffer().setLength(0);
            synchronized (out) {
                if (failure && color) {
                    String body = text.endsWith(System.lineSeparator())
                            ? text.substring(0, text.length() - System.lineSeparator().length()) : text;
                    out.println(RED + body + RESET);
                } else {
                    out.print(text);
                }
                out.flush();
            }
        }
    }
}
