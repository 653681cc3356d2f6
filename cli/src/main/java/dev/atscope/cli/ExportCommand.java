package dev.atscope.cli;

import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope export TRACE --to FORMAT -o OUT}: a trace in a format other tools open. */
@Command(name = "export", description = {"Writes a trace in a format other tools open: pcapng (Wireshark, tshark),"
        + " umockdev (umockdev-run --script), socat (socat -x layout), jsonl, native.",
    "The output appears only once complete."})
final class ExportCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "a trace in any format atscope reads, or - for standard input")
    String trace;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "pcapng, umockdev, socat, jsonl or native")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the file to write")
    Path output;

    @Mixin
    TraceInputOptions input;

    @Override
    int execute() throws Exception {
        TraceFormat format;
        try {
            format = TraceFormat.byId(to);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--to: " + e.getMessage());
        }
        if (!format.writable()) {
            throw new UsageException("--to: atscope cannot write " + format.id() + "; it writes "
                    + String.join(", ", Arrays.stream(TraceFormat.values()).filter(TraceFormat::writable)
                            .map(TraceFormat::id).toList()));
        }
        long entries = 0;
        try (TraceReader reader = Traces.open(trace, input.options()); AtomicOutput out = new AtomicOutput(output)) {
            try (OutputStream os = Files.newOutputStream(out.temporary());
                    TraceWriter writer = TraceImports.writer(format, os, reader.metadata())) {
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
        }
        out().printf("exported %d entries of %s as %s into %s%n", entries, trace, format.id(), output);
        return OK;
    }
}
