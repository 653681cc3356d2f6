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

    @Option(names = "--host-marker", paramLabel = "MARKER", description = "in a home-grown log, the marker of the"
            + " host's lines as the log prints it (e.g. '<-'), where learning it from the lines is not sure")
    String hostMarker;

    @Option(names = "--time", paramLabel = "HOW", description = "how to read a text log's time: auto (learned),"
            + " none (ignore it), or the unit of a bare count at the end of each line: s, ms, us")
    String time;

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
        LayoutHints.TimeHint t = LayoutHints.TimeHint.AUTO;
        if (time != null) {
            try {
                t = LayoutHints.TimeHint.byName(time);
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("--time: " + e.getMessage());
            }
        }
        return new ImportOptions(f, keepGoing, p, ProtocolRegistry.loadDefault(), new LayoutHints(hostMarker, t));
    }

    /** The format names, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TraceFormat.values()).map(TraceFormat::id).iterator();
        }
    }
}
