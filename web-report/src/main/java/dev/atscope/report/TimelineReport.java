package dev.atscope.report;

import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.Severity;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes the self-contained HTML timeline of a trace: decodes it once, streaming, and writes one
 * file that holds its data, script and styles and opens offline.
 */
public final class TimelineReport {

    /** How often, in transactions, progress is reported. */
    public static final long PROGRESS_EVERY = 50_000;

    private final ProtocolRegistry registry;
    private final ReportOptions options;
    private final String library;

    /** A report that reads each trace with the libraries its traffic shows. */
    public TimelineReport(ProtocolRegistry registry, ReportOptions options) {
        this(registry, options, null);
    }

    /**
     * A report that reads each trace with the given vendor library.
     *
     * @param library the id of the vendor library to use, or null to choose it from the traffic
     * @throws IllegalArgumentException when no such vendor library is loaded
     */
    public TimelineReport(ProtocolRegistry registry, ReportOptions options, String library) {
        this.registry = registry;
        this.options = options;
        this.library = library;
        new LibrarySelection(registry, library); // fails now, before any file is read, on an unknown library
    }

    /**
     * The Content-Security-Policy the timeline page carries: its own inline script and styles by their
     * hashes, no request. A server that sends the page gives it as a header too.
     */
    public static String contentSecurityPolicy() {
        return HtmlPage.TIMELINE.csp();
    }

    /**
     * What was written.
     *
     * @param transactions transactions in the report
     * @param sessions sessions in the report
     * @param errors diagnostics of severity error
     * @param warnings diagnostics of severity warning
     * @param warningsOfReader problems the reader reported without stopping ({@code file:line: what})
     */
    public record Summary(long transactions, int sessions, long errors, long warnings, List<String> warningsOfReader) {}

    /**
     * Writes the report of a trace file to {@code html}, replacing it only once it is complete.
     *
     * @param progress told the number of transactions decoded, every {@link #PROGRESS_EVERY}
     */
    public Summary write(Path trace, Path html, LongConsumer progress) throws IOException {
        return write(trace, ImportOptions.defaults(), html, progress);
    }

    /** Writes the report of a trace file read with the given import options (a forced format, keep going). */
    public Summary write(Path trace, ImportOptions input, Path html, LongConsumer progress) throws IOException {
        try (TraceReader reader = Traces.open(trace, input.withModel(registry))) {
            return HtmlPage.toFile(html, out -> write(reader, trace.getFileName().toString(), out, progress));
        }
    }

    /** Writes the report of an open trace to {@code out}; {@code name} is what the page calls it. */
    public Summary write(TraceReader reader, String name, OutputStream out, LongConsumer progress) throws IOException {
        LibrarySelection selection = new LibrarySelection(registry, library);
        try (ReportModel model = new ReportModel(selection, options)) {
            TraceDecoding.decode(reader, selection, d -> {
                model.accept(d);
                if (d instanceof dev.atscope.core.decode.Transaction && model.transactions() % PROGRESS_EVERY == 0) {
                    progress.accept(model.transactions());
                }
            });
            List<String> readerWarnings = reader.warnings();
            HtmlPage.write(out, HtmlPage.TIMELINE, model.shown(name),
                    o -> model.writeJson(o, name, reader.metadata(), readerWarnings));
            List<SessionSummary> sessions = model.sessions();
            List<Diagnostic> diags = model.diagnostics();
            long errors = diags.stream().filter(d -> d.severity() == Severity.ERROR).count();
            long warnings = diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
            return new Summary(model.transactions(), sessions.size(), errors, warnings, readerWarnings);
        }
    }

    /** Text made safe for HTML element content and attribute values, as the report makes every captured byte. */
    public static String escapeHtml(String text) {
        return HtmlPage.escape(text);
    }
}
