package dev.atscope.cli;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.Severity;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.json.DiagnosticJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope check TRACE...}: each trace's commands and sessions against the protocol libraries' rules. */
@Command(name = "check", description = {"Checks traces against the grammar and the rules of the application note:"
        + " syntax and ranges of every command and answer, certificates, uploads, HTTPS, PDP context, security.",
        "Findings are grouped by session, with the offending line and a caret under the bad part. Reads files,"
        + " folders (recursively) and standard input ('-'); a trace that cannot be read is reported in one line and"
        + " the others are checked; the exit code is the worst seen (2 for a trace not read, 1 for findings with"
        + " --fail-on)."})
final class CheckCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", arity = "1..*", description = "traces, folders of them, or - for standard input")
    List<String> traces;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

    @Mixin
    OutputStyle style;

    @Option(names = "--json", description = "JSON Lines: one finding a line, with its place in the trace")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "exit with 1 when a finding is this severe:"
            + " error, or warning (warnings and errors)")
    String failOn;

    @Option(names = "--info", description = "also show findings of severity info (unknown commands, spellings)")
    boolean info;

    @Override
    int execute() throws Exception {
        Severity gate = gate();
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        ImportOptions options = input.options();
        List<TraceSource> sources = input.sources(traces);
        FindingPrinter printer = new FindingPrinter(out(), info, style.width());
        library.selection(registry); // an unknown --library is a usage error before any file is read
        boolean one = sources.size() == 1;
        int read = input.forEach(sources, out(), err(), (s, out, err) -> {
            // a folder's files are checked side by side: a progress bar each would fight over the line
            try (ProgressDisplay progress = one ? style.progress("check " + s.name(), s.size(), ProgressDisplay.Unit.BYTES)
                    : ProgressDisplay.NONE; TraceReader reader = s.open(options, progress::advance)) {
                checkTrace(reader, s.name(), library.selection(registry), printer.into(out), json, !style.quiet, err);
            }
            return OK;
        });
        if (!json && !style.quiet && sources.size() > 1) {
            printer.total();
        }
        int found = gate != null && printer.worst() != null && printer.worst().compareTo(gate) <= 0 ? FINDINGS : OK;
        return Math.max(read, found);
    }

    /**
     * Checks one trace, printing its findings by session (and its summary when asked); the reader's
     * warnings go to {@code err}.
     */
    static void checkTrace(TraceReader reader, String name, LibrarySelection selection, FindingPrinter printer,
            boolean json, boolean summary, PrintWriter err) throws IOException {
        String shown = reader.metadata().source() != null ? TerminalText.safe(reader.metadata().source()) : name;
        printer.startFile(shown, new DiagnosticJson(reader.metadata().start(), shown));
        SessionTracker sessions = new SessionTracker(selection, s -> printer.sessionClosed());
        TraceChecker checker = new TraceChecker(selection, d -> printer.finding(d, sessions.currentIndex(), json));
        TraceDecoding.decode(reader, selection, (Decoded d) -> {
            sessions.accept(d);
            printer.current(d);
            checker.accept(d);
        });
        checker.finish();
        sessions.finish();
        if (!json && summary) {
            printer.endFile(selection);
        }
        for (String w : reader.warnings()) {
            err.println("atscope: warning: " + w);
        }
    }

    private Severity gate() {
        if (failOn == null) {
            return null;
        }
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new UsageException("--fail-on " + failOn + ": expected error or warning");
        };
    }
}
