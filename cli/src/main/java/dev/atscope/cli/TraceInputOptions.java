package dev.atscope.cli;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.LayoutHints;
import dev.atscope.core.trace.imports.PrefixPatterns;
import dev.atscope.core.trace.imports.TraceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.Option;

/**
 * How a command reads its traces, shared by every command that reads one: add
 * {@code @Mixin TraceInputOptions input;} and open with {@code Traces.open(path, input.options())}.
 */
final class TraceInputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "read traces in this format instead of detecting it: ${COMPLETION-CANDIDATES}")
    String format;

    @Option(names = "--keep-going", description = "on a line that breaks the format, import what can be read and"
            + " mark the gap instead of stopping")
    boolean keepGoing;

    @Option(names = "--patterns", paramLabel = "FILE", description = "extra line patterns for home-grown logs"
            + " (JSON, see the README); default ~/.config/atscope/patterns.json when present")
    Path patterns;

    /**
     * The import options these flags stand for.
     *
     * @throws AbstractCommand.UsageException for an unknown format
     * @throws IOException when the pattern file cannot be read
     */
    ImportOptions options() throws IOException {
        TraceFormat f = null;
        if (format != null) {
            try {
                f = TraceFormat.byId(format);
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("--format: " + e.getMessage());
            }
        }
        PrefixPatterns p = patterns == null ? PrefixPatterns.standard() : PrefixPatterns.withFile(patterns);
        return new ImportOptions(f, keepGoing, p, ProtocolRegistry.loadDefault(), LayoutHints.NONE);
    }

    /** The format names, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TraceFormat.values()).map(TraceFormat::id).iterator();
        }
    }
}
