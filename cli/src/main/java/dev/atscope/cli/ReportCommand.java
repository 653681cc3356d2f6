package dev.atscope.cli;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.report.ReportOptions;
import dev.atscope.report.TimelineReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope report TRACE -o timeline.html}: the self-contained HTML timeline of a trace. */
@Command(name = "report", description = {"Writes one self-contained HTML file with the timeline of a trace: summary,"
        + " zoomable timeline, transaction list, details with diagnostics, and a flow view per session.",
    "The file opens offline and makes no network request."})
final class ReportCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "a trace file")
    Path trace;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the HTML file to write")
    Path output;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

    @Option(names = "--redact", description = "mask certificate and key bodies, PEM blocks and APN passwords")
    boolean redact;

    @Option(names = "--redact-pattern", paramLabel = "REGEX",
            description = "also mask every match of this Java regular expression (repeatable)")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--payload-bytes", paramLabel = "N",
            description = "bytes of each data-mode payload kept in the page (default: ${DEFAULT-VALUE})")
    int payloadBytes = ReportOptions.DEFAULT_PAYLOAD_BYTES;

    @Override
    int execute() throws Exception {
        ReportOptions options = ReportOptions.DEFAULT.withRedact(redact).withPayloadBytes(checked(payloadBytes));
        for (String p : patterns) {
            try {
                options = options.withPattern(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--redact-pattern " + p + ": " + e.getDescription());
            }
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException(output + ": no such folder " + dir);
        }
        PrintWriter err = err();
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        library.selection(registry); // an unknown --library is a usage error before the file is read
        TimelineReport.Summary s = new TimelineReport(registry, options, library.id).write(trace, input.options(), output,
                n -> {
                    err.println("atscope: " + n + " transactions decoded");
                    err.flush();
                });
        for (String w : s.warningsOfReader()) {
            err.println("atscope: warning: " + w);
        }
        out().printf("%s: %s%n", output, counts(s));
        return OK;
    }

    /** {@code 13 transactions, 1 session, 0 errors, 1 warning}. */
    static String counts(TimelineReport.Summary s) {
        return plural(s.transactions(), "transaction") + ", " + plural(s.sessions(), "session") + ", "
                + plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static int checked(int n) {
        if (n < 0) {
            throw new UsageException("--payload-bytes must not be negative: " + n);
        }
        return n;
    }
}
