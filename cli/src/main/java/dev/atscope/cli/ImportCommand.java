package dev.atscope.cli;

import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.TraceFormat;
import java.io.BufferedOutputStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope import FILE -o trace.csv}: a field log of another tool as a native trace. */
@Command(name = "import", description = {"Converts a log of another tool (socat, interceptty, slsnif, jpnevulator,"
        + " umockdev, ModemManager, Mbed, chat, prefixed, terminal transcripts, JSON Lines, pcapng) into a native"
        + " trace.", "The format is detected from the content unless --format names it. The output appears only"
        + " once complete; several logs or a folder of them are imported one by one into -o FOLDER."})
final class ImportCommand extends AbstractCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the log, a folder of logs, or - for standard input")
    List<String> files;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRACE",
            description = "the native trace to write, - for standard output (a folder for several logs)")
    String output;

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--force", description = "replace an output that exists")
    boolean force;

    @Override
    int execute() throws Exception {
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
}
