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
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope check TRACE...}: each trace's commands and sessions against the protocol libraries' rules. */
@Command(name = "check", description = {"Checks traces against the grammar and the rules of the application note:"
        + " syntax and ranges of every command and answer, certificates, uploads, HTTPS, PDP context, security.",
        "Findings are grouped by session, with the offending line and a caret under the bad part."})
final class CheckCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", arity = "1..*", description = "trace files, or - for standard input")
    List<String> traces;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

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
        FindingPrinter printer = new FindingPrinter(out(), info);
        library.selection(registry); // an unknown --library is a usage error before any file is read
        for (String trace : traces) {
            checkFile(trace, input.options(), library.selection(registry), printer, json, err());
        }
        if (!json && traces.size() > 1) {
            printer.total();
        }
        return gate != null && printer.worst() != null && printer.worst().compareTo(gate) <= 0 ? FINDINGS : OK;
    }

    /** Checks one trace, printing its findings by session; the reader's warnings go to {@code err}. */
    static void checkFile(String trace, ImportOptions options, LibrarySelection selection, FindingPrinter printer,
            boolean json, java.io.PrintWriter err) throws java.io.IOException {
        try (TraceReader reader = Traces.open(trace, options)) {
            String name = reader.metadata().source() != null ? reader.metadata().source() : trace;
            printer.startFile(trace, new DiagnosticJson(reader.metadata().start(), name));
            SessionTracker sessions = new SessionTracker(selection, s -> printer.sessionClosed());
            TraceChecker checker = new TraceChecker(selection, d -> printer.finding(d, sessions.currentIndex(), json));
            TraceDecoding.decode(reader, selection, (Decoded d) -> {
                sessions.accept(d);
                printer.current(d);
                checker.accept(d);
            });
            checker.finish();
            sessions.finish();
            if (!json) {
                printer.endFile(selection);
            }
            for (String w : reader.warnings()) {
                err.println("atscope: warning: " + w);
            }
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
