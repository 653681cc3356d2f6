package dev.atscope.cli;

import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.LogLayout;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import dev.atscope.core.trace.imports.Traces;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope import FILE -o trace.csv}: a field log of another tool as a native trace. */
@Command(name = "import", description = {"Converts a log of another tool (socat, interceptty, slsnif, jpnevulator,"
        + " umockdev, ModemManager, Mbed, chat, home-grown logs with markers, terminal transcripts, JSON Lines,"
        + " pcapng) into a native trace.", "The format is detected from the content unless --format names it; the"
        + " layout of a home-grown log (which marker is the host, the time, wrappers) is learned from its lines."
        + " --explain prints what was learned instead of writing a trace. The output appears only once complete;"
        + " several logs or a folder of them are imported one by one into -o FOLDER."})
final class ImportCommand extends AbstractCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the log, a folder of logs, or - for standard input")
    List<String> files;

    @Option(names = {"-o", "--output"}, paramLabel = "TRACE",
            description = "the native trace to write, - for standard output (a folder for several logs)")
    String output;

    @Option(names = "--explain", description = "print the layout learned from the log (which marker is the host"
            + " and why, where the time is, what was stripped, which lines were left out, how sure) and write nothing")
    boolean explain;

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--force", description = "replace an output that exists")
    boolean force;

    @Override
    int execute() throws Exception {
        if (explain) {
            return explain(input.options());
        }
        if (output == null) {
            throw new UsageException("-o TRACE is needed (or --explain to see how the log is read)");
        }
        ImportOptions options = input.options();
        List<TraceSource> sources = input.sources(files);
        Map<TraceSource, OutputFile> plan = OutputFile.perInput(files, sources, output, "-o", ".csv", true, force);
        return input.forEach(sources, err(), source -> {
            long chunks = 0;
            long bytes = 0;
            long gaps = 0;
            String format;
            try (OutputFile out = plan.get(source);
                    ProgressDisplay progress = style.progress("import " + source.name(), source.size(),
                            ProgressDisplay.Unit.BYTES);
                    TraceReader reader = source.open(options, progress::advance)) {
                format = reader.metadata().tags().getOrDefault("imported-from", TraceFormat.NATIVE.id());
                try (TraceWriter writer = new TraceCsvWriter(new BufferedOutputStream(out.open(), 1 << 16),
                        reader.metadata())) {
                    TraceEntry e;
                    while ((e = reader.next()) != null) {
                        writer.write(e);
                        if (e instanceof Chunk c) {
                            chunks++;
                            bytes += c.data().length;
                        } else if (e instanceof Marker m && m.kind() == Marker.Kind.GAP
                                && m.text().startsWith("not imported")) {
                            gaps++;
                        }
                    }
                }
                out.commit();
                for (String w : reader.warnings()) {
                    err().println("atscope: warning: " + w);
                }
                if (!style.quiet) {
                    (out.isStdout() ? err() : out()).printf("imported %s (%s) from %s (%s) into %s%s%n",
                            Plural.of(chunks, "chunk"), Plural.of(bytes, "byte"), source.name(), format, out.name(),
                            gaps == 0 ? "" : "; " + Plural.of(gaps, "broken part") + " skipped and marked as gaps");
                }
            }
            return gaps == 0 ? OK : FINDINGS;
        });
    }

    private int explain(ImportOptions options) throws Exception {
        for (String file : files) {
            TraceSource source = input.one(file, "import --explain");
            LogLayout layout;
            try (InputStream in = source.isStdin() ? System.in : Files.newInputStream(source.path())) {
                layout = TraceImports.explain(in, source.isStdin() ? "<stdin>" : file, options);
            }
            out().println(TerminalText.safe(file) + ":");
            for (String line : layout.explain()) {
                out().println("  " + line);
            }
        }
        return OK;
    }
}
