package dev.atscope.cli;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.emulator.DemoScenario;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.report.ReportOptions;
import dev.atscope.report.TimelineReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atscope demo}: the note's procedures against an emulated module and a local HTTPS server, recorded and decoded. */
@Command(name = "demo", description = {"Runs the application note's procedures against an emulated M66 and a local"
        + " HTTPS server with certificates made on the fly: uploads to RAM and NVRAM, the HTTPS GET of section 3.3,"
        + " the same GET with client authentication, and a GET whose TLS handshake fails.",
    "No hardware and no network are needed. Writes the trace, the HTML timeline, the checker's findings, the decoded"
        + " transactions, the session outcomes and the emulator's log into one folder."})
final class DemoCommand extends AbstractCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "the output folder (default: atscope-out/demo-<date>-<time>)")
    Path output;

    @Option(names = "--fast", description = "no module delays (the realistic pace takes some seconds)")
    boolean fast;

    /** One file the demo writes from its trace. */
    interface Output {
        /** Writes the file into {@code dir}; returns it and says in a few words what it holds. */
        Written write(Path trace, Path dir, ProtocolRegistry registry) throws IOException;
    }

    /** A file the demo wrote and what it holds. */
    record Written(Path file, String what) {}

    /** What the demo writes besides the trace and the log, in order; a new output is one more entry. */
    static List<Output> outputs() {
        return List.of(DemoCommand::report, DemoCommand::checkText, DemoCommand::decodedText, DemoCommand::sessionsText);
    }

    @Override
    int execute() throws Exception {
        Path dir = output != null ? output
                : Path.of("atscope-out", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                        "yyyyMMdd-HHmmss")));
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        PrintWriter out = out();
        DemoScenario.Result r = DemoScenario.run(dir, registry, fast ? ModulePace.FAST : ModulePace.REALISTIC, line -> {
            out.println(line);
            out.flush();
        });
        List<Written> written = new ArrayList<>();
        for (Output o : outputs()) {
            written.add(o.write(r.trace(), dir, registry));
        }
        written.add(new Written(r.log(), "what the emulated module did; a failed handshake with its reason"));
        written.add(new Written(r.trace(), "the recorded wire (./atscope decode " + r.trace() + ")"));
        out.println();
        out.println("done: " + r.commands() + " commands" + (r.failed() == 0 ? ", each answered as expected"
                : ", " + r.failed() + " NOT answered as expected"));
        out.println("open:");
        for (Written w : written) {
            out.printf("  %-50s %s%n", w.file(), w.what());
        }
        return r.failed() == 0 ? OK : FINDINGS;
    }

    /** timeline.html: the report of {@code atscope report}, the file to open first. */
    static Written report(Path trace, Path dir, ProtocolRegistry registry) throws IOException {
        Path file = dir.resolve("timeline.html");
        TimelineReport.Summary s = new TimelineReport(registry, ReportOptions.DEFAULT).write(trace, file, n -> { });
        return new Written(file, "the timeline: open it in a browser (" + ReportCommand.counts(s) + ")");
    }

    /** check.txt: the findings of {@code atscope check}. */
    static Written checkText(Path trace, Path dir, ProtocolRegistry registry) throws IOException {
        Path file = dir.resolve("check.txt");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                TraceReader reader = Traces.open(trace, ImportOptions.defaults().withModel(registry))) {
            FindingPrinter printer = new FindingPrinter(w, false, Screen.DEFAULT_WIDTH);
            CheckCommand.checkTrace(reader, trace.toString(), new LibrarySelection(registry), printer, false, true, w);
            return new Written(file, "the checker's findings by session, with the note's sections"
                    + (printer.worst() == null ? "" : " (worst: " + printer.worst().word() + ")"));
        }
    }

    /** decoded.txt: the table of {@code atscope decode}. */
    static Written decodedText(Path trace, Path dir, ProtocolRegistry registry) throws IOException {
        Path file = dir.resolve("decoded.txt");
        try (TraceReader reader = Traces.open(trace);
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            TransactionTable table = new TransactionTable(w, reader.metadata(), Screen.DEFAULT_WIDTH);
            table.header(trace.toString());
            TraceDecoding.decode(reader, registry, d -> {
                if (d instanceof Transaction t) {
                    table.transaction(t);
                } else if (d instanceof Event e && DecodeCommand.standalone(e)) {
                    table.event(e);
                }
            });
            table.footer();
        }
        return new Written(file, "every command with its answer, outcome and duration");
    }

    /** sessions.txt: each session with its outcome. */
    static Written sessionsText(Path trace, Path dir, ProtocolRegistry registry) throws IOException {
        Path file = dir.resolve("sessions.txt");
        List<SessionSummary> sessions = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(registry, sessions::add);
        try (TraceReader reader = Traces.open(trace)) {
            TraceDecoding.decode(reader, registry, (Decoded d) -> tracker.accept(d));
        }
        tracker.finish();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (SessionSummary s : sessions) {
                w.printf("session %d  %s - %s  %d transactions, %d failed  %s  (ended by %s)%n", s.index(),
                        TransactionTable.time(s.startMicros()), TransactionTable.time(s.endMicros()), s.transactions(),
                        s.failed(), s.outcome().word(), s.endedBy());
                if (!s.detail().isEmpty()) {
                    w.println("    " + s.detail());
                }
            }
        }
        return new Written(file, "sessions and their outcomes (" + String.join(", ",
                sessions.stream().map(s -> s.outcome().word()).toList()) + ")");
    }
}
