package dev.atscope.cli;

import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Divergence;
import dev.atscope.core.replay.MockOptions;
import dev.atscope.core.replay.MockReport;
import dev.atscope.core.replay.ModuleMock;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.Traces;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope mock TRACE --listen SPEC}: the recorded module, answering a live host. */
@Command(name = "mock", description = {"Answers a host as the recorded module answered: each command matched to the"
        + " recording in order, the recorded bytes at the recorded latencies, uploads and bodies included.",
    "Exit code 1 when the host diverged from the recording (retries aside)."})
final class MockCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "the recording, in any format atscope reads, or - for standard input")
    String trace;

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--listen", required = true, paramLabel = "SPEC", description = {"where the host connects:",
        "  tcp:HOST:PORT  a TCP port; port 0 picks a free one and prints it (tcp:127.0.0.1:5000)",
        "  serial:PATH[@BAUD[,8N1]]  a serial port the host is wired to (serial:/dev/ttyUSB1@115200)"})
    String listen;

    @Option(names = "--lenient", description = "answer a command the recording does not have as the emulator"
            + " would, and go on, instead of stopping")
    boolean lenient;

    @Option(names = "--latency-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = "multiply the recorded latencies (0 answers at once); default ${DEFAULT-VALUE}")
    double latencyScale;

    @Option(names = "--linger", paramLabel = "MS", defaultValue = "2000",
            description = "end this long after the last recorded answer when the host is quiet; default ${DEFAULT-VALUE}")
    long linger;

    @Override
    int execute() throws Exception {
        if (!(latencyScale >= 0) || Double.isInfinite(latencyScale) || linger < 0) {
            throw new UsageException("--latency-scale and --linger must be numbers of 0 or more");
        }
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        TraceSource source = input.one(trace, "mock");
        Recording recording = Recording.of(source.read(input.options()), registry);
        ModuleMock mock = new ModuleMock(recording, new MockOptions(!lenient, latencyScale, linger),
                lenient ? EmulatedTarget.fallback() : ModuleMock.ERROR_FALLBACK);
        PrintWriter o = out();
        MockReport report;
        try (Link link = LinkSpecs.listeners().open(listen, o)) {
            o.println("host connected from " + link.describe() + "; " + recording.transactions().size()
                    + " recorded transactions");
            o.flush();
            report = mock.serve(link);
        }
        for (Divergence d : report.divergences()) {
            FindingPrinter.wrap(o, "", (d.kind() == Divergence.Kind.UNEXPECTED && report.stoppedEarly() ? "stopped: "
                    : "diverged: ") + d.describe(), style.width());
        }
        if (!style.quiet) {
            FindingPrinter.wrap(o, "", "answered " + report.answered() + " of " + report.recorded()
                    + " recorded transactions to " + report.hostCommands() + " host commands"
                    + (report.followedTheRecording() ? "; the host followed the recording" : ""), style.width());
        }
        return report.followedTheRecording() ? OK : FINDINGS;
    }
}
