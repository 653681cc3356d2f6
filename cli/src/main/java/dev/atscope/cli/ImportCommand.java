package dev.atscope.cli;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.LogLayout;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import dev.atscope.core.trace.imports.Traces;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope import FILE -o trace.csv}: a field log of another tool as a native trace. */
@Command(name = "import", description = {"Converts a log of another tool (socat, interceptty, slsnif, jpnevulator,"
        + " umockdev, ModemManager, Mbed, chat, home-grown logs with markers, terminal transcripts, JSON Lines,"
        + " pcapng) into a native trace.", "The format is detected from the content unless --format names it; the"
        + " layout of a home-grown log (which marker is the host, the time, wrappers) is learned from its lines."
        + " --explain prints what was learned instead of writing a trace. The output appears only once complete."})
final class ImportCommand extends AbstractCommand {

    @Parameters(paramLabel = "FILE", description = "the log, or - for standard input")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "TRACE", description = "the native trace to write")
    Path output;

    @Option(names = "--explain", description = "print the layout learned from the log (which marker is the host"
            + " and why, where the time is, what was stripped, which lines were left out, how sure) and write nothing")
    boolean explain;

    @Mixin
    TraceInputOptions input;

    @Override
    int execute() throws Exception {
        if (explain) {
            return explain(input.options());
        }
        if (output == null) {
            throw new UsageException("-o TRACE is needed (or --explain to see how the log is read)");
        }
        long chunks = 0;
        long bytes = 0;
        long gaps = 0;
        String format;
        try (TraceReader reader = Traces.open(file, input.options());
                AtomicOutput out = new AtomicOutput(output)) {
            format = reader.metadata().tags().getOrDefault("imported-from", TraceFormat.NATIVE.id());
            try (var writer = Traces.create(out.temporary(), reader.metadata())) {
                TraceEntry e;
                while ((e = reader.next()) != null) {
                    writer.write(e);
                    if (e instanceof Chunk c) {
                        chunks++;
                        bytes += c.data().length;
                    } else if (e instanceof Marker m && m.kind() == Marker.Kind.GAP && m.text().startsWith("not imported")) {
                        gaps++;
                    }
                }
            }
            out.commit();
            for (String w : reader.warnings()) {
                err().println("atscope: warning: " + w);
            }
        }
        out().printf("imported %d chunks (%d bytes) from %s (%s) into %s%s%n", chunks, bytes, file, format, output,
                gaps == 0 ? "" : "; " + gaps + " broken parts skipped and marked as gaps");
        return gaps == 0 ? OK : FINDINGS;
    }

    private int explain(ImportOptions options) throws Exception {
        LogLayout layout;
        try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            layout = TraceImports.explain(in, "-".equals(file) ? "<stdin>" : file, options);
        }
        out().println(file + ":");
        for (String line : layout.explain()) {
            out().println("  " + line);
        }
        return OK;
    }
}
