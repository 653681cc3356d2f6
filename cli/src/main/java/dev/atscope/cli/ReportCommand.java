package dev.atscope.cli;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.report.ReportOptions;
import dev.atscope.report.TimelineReport;
import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope report TRACE -o timeline.html}: the self-contained HTML timeline of a trace. */
@Command(name = "report", description = {"Writes one self-contained HTML file with the timeline of a trace: summary,"
        + " zoomable timeline, transaction list, details with diagnostics, and a flow view per session.",
    "The file opens offline and makes no network request; a URL fragment selects what it shows"
        + " (timeline.html#tx=42, #session=2, #flow)."})
final class ReportCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", arity = "1..*",
            description = "a trace, or - for standard input; several traces or folders write one page each into -o FOLDER")
    List<String> traces;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "the HTML file to write (a folder for several traces)")
    String output;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

    @Mixin
    OutputStyle style;

    @Option(names = "--force", description = "replace an output that exists")
    boolean force;

    @Option(names = "--redact", description = "mask certificate and key bodies, PEM blocks and APN passwords")
    boolean redact;

    @Option(names = "--redact-pattern", paramLabel = "REGEX",
            description = "also mask every match of this Java regular expression (repeatable)")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--payload-bytes", paramLabel = "N",
            description = "bytes of each data-mode payload kept in the page (default: ${DEFAULT-VALUE})")
    int payloadBytes = ReportOptions.DEFAULT_PAYLOAD_BYTES;

    @Option(names = "--payload-budget", paramLabel = "BYTES",
            description = "payload bytes kept in all at --payload-bytes each; past it each payload keeps its first "
                    + ReportOptions.CUT_PAYLOAD_BYTES + " (default: ${DEFAULT-VALUE})")
    long payloadBudget = ReportOptions.DEFAULT_PAYLOAD_BUDGET;

    @Override
    int execute() throws Exception {
        ReportOptions options = ReportOptions.DEFAULT.withRedact(redact).withPayloadBytes(checked(payloadBytes))
                .withPayloadBudget(budget(payloadBudget));
        for (String p : patterns) {
            try {
                options = options.withPattern(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--redact-pattern " + p + ": " + e.getDescription());
            }
        }
        ImportOptions importOptions = input.options();
        List<TraceSource> sources = input.sources(traces);
        Map<TraceSource, OutputFile> plan = OutputFile.perInput(traces, sources, output, "-o", ".html", true, force);
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        library.selection(registry); // an unknown --library is a usage error before a file is read
        TimelineReport report = new TimelineReport(registry, options, library.id);
        PrintWriter err = err();
        return input.forEach(sources, err, source -> {
            try (OutputFile out = plan.get(source);
                    ProgressDisplay progress = style.progress("report " + source.name(), source.size(),
                            ProgressDisplay.Unit.BYTES);
                    TraceReader reader = source.open(importOptions, progress::advance)) {
                TimelineReport.Summary s;
                try (OutputStream os = new BufferedOutputStream(out.open(), 1 << 16)) {
                    String name = source.isStdin() ? "stdin" : source.path().getFileName().toString();
                    s = report.write(reader, name, os, n -> { });
                }
                out.commit();
                for (String w : s.warningsOfReader()) {
                    err.println("atscope: warning: " + w);
                }
                if (!style.quiet) {
                    (out.isStdout() ? err : out()).printf("%s: %s%n", out.name(), counts(s));
                }
            }
            return OK;
        });
    }

    /** {@code 13 transactions, 1 session, 0 errors, 1 warning}. */
    static String counts(TimelineReport.Summary s) {
        return Plural.of(s.transactions(), "transaction") + ", " + Plural.of(s.sessions(), "session") + ", "
                + Plural.of(s.errors(), "error") + ", " + Plural.of(s.warnings(), "warning");
    }

    private static long budget(long n) {
        if (n < 0) {
            throw new UsageException("--payload-budget must not be negative: " + n);
        }
        return n;
    }

    private static int checked(int n) {
        if (n < 0) {
            throw new UsageException("--payload-bytes must not be negative: " + n);
        }
        return n;
    }
}
