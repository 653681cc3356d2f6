package dev.atscope.cli;

import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import java.io.BufferedOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope export TRACE --to FORMAT -o OUT}: a trace in a format other tools open. */
@Command(name = "export", description = {"Writes a trace in a format other tools open: pcapng (Wireshark, tshark),"
        + " umockdev (umockdev-run --script), socat (socat -x layout), jsonl, native.",
    "The output appears only once complete; several traces or a folder of them are exported one by one into"
        + " -o FOLDER."})
final class ExportCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", arity = "1..*",
            description = "a trace in any format atscope reads, a folder of them, or - for standard input")
    List<String> traces;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", completionCandidates = WritableFormats.class,
            description = "${COMPLETION-CANDIDATES}")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "the file to write, - for standard output (a folder for several traces)")
    String output;

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--force", description = "replace an output that exists")
    boolean force;

    @Override
    int execute() throws Exception {
        TraceFormat format;
        try {
            format = TraceFormat.byId(to);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--to " + to + ": expected " + writable());
        }
        if (!format.writable()) {
            throw new UsageException("--to: atscope cannot write " + format.id() + "; it writes " + writable());
        }
        ImportOptions options = input.options();
        List<TraceSource> sources = input.sources(traces);
        Map<TraceSource, OutputFile> plan = OutputFile.perInput(traces, sources, output, "-o",
                "." + extension(format), true, force);
        return input.forEach(sources, err(), source -> {
            long entries = 0;
            try (OutputFile out = plan.get(source);
                    ProgressDisplay progress = style.progress("export " + source.name(), source.size(),
                            ProgressDisplay.Unit.BYTES);
                    TraceReader reader = source.open(options, progress::advance)) {
                try (TraceWriter writer = TraceImports.writer(format, new BufferedOutputStream(out.open(), 1 << 16),
                        reader.metadata())) {
                    TraceEntry e;
                    while ((e = reader.next()) != null) {
                        writer.write(e);
                        entries++;
                    }
                }
                out.commit();
                for (String w : reader.warnings()) {
                    err().println("atscope: warning: " + w);
                }
                if (!style.quiet) {
                    (out.isStdout() ? err() : out()).printf("exported %s of %s as %s into %s%n",
                            Plural.of(entries, "entry"), source.name(), format.id(), out.name());
                }
            }
            return OK;
        });
    }

    private static String extension(TraceFormat f) {
        return switch (f) {
            case NATIVE -> "csv";
            case UMOCKDEV -> "script";
            case SOCAT -> "log";
            default -> f.id();
        };
    }

    private static String writable() {
        return String.join(", ", new WritableFormats());
    }

    /** The formats atscope writes, for help and completion. */
    static final class WritableFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TraceFormat.values()).filter(TraceFormat::writable).map(TraceFormat::id).iterator();
        }
    }
}
