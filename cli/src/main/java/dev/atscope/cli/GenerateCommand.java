package dev.atscope.cli;

import dev.atscope.core.generate.TextLogWriter;
import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atscope generate --size 1GB --seed N -o big.csv}: realistic device traffic of any size, for benchmarks and demos. */
@Command(name = "generate", description = {"Writes realistic device sessions as a native trace, deterministic for a seed:",
    "boots with URCs, certificate uploads, SSL configuration, PDP activation (sometimes failing),",
    "HTTPS requests with bodies (some failing the handshake) and deactivation."})
final class GenerateCommand extends AbstractCommand {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|K|M|G)?", Pattern.CASE_INSENSITIVE);

    @Option(names = "--size", paramLabel = "SIZE", description = "wire traffic to write: 500KB, 100MB, 1GB (default 10MB)")
    String size = "10MB";

    @Option(names = "--transactions", paramLabel = "N", description = "stop after N command lines instead (whichever comes first)")
    long maxTransactions = Long.MAX_VALUE;

    @Option(names = "--seed", paramLabel = "N", description = "the same seed writes the same bytes (default 1)")
    long seed = 1;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the trace to write")
    Path output;

    @Option(names = "--text-log", paramLabel = "FILE",
            description = "also write the same traffic as a device's plain text log (the grep baseline)")
    Path textLog;

    @Option(names = "--start", paramLabel = "INSTANT", description = "wall-clock time of the first byte (default 2026-11-01T00:00:00Z)")
    String start = "2026-11-01T00:00:00Z";

    @Override
    int execute() throws IOException {
        long bytes = parseSize(size);
        Instant t0;
        try {
            t0 = Instant.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--start " + start + ": expected an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(t0)
                .withSource("atscope generate --seed " + seed)
                .withTag("generator", "atscope TraceGenerator seed " + seed);
        // written beside the target and moved into place when complete: nothing half-written is left as if whole
        Path tmp = output.resolveSibling(output.getFileName() + ".part");
        Path textTmp = textLog == null ? null : textLog.resolveSibling(textLog.getFileName() + ".part");
        TraceGenerator generator = new TraceGenerator(seed);
        long began = System.nanoTime();
        long written;
        try (TraceWriter traceOut = Traces.create(tmp, meta);
                Writer text = textTmp == null ? null : Files.newBufferedWriter(textTmp, StandardCharsets.ISO_8859_1);
                TraceWriter log = text == null ? null : new TextLogWriter(text, t0)) {
            TraceWriter both = new Progress(traceOut, log, bytes);
            written = generator.write(both, bytes, maxTransactions);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (textTmp != null) {
                Files.deleteIfExists(textTmp);
            }
            throw e;
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        if (textTmp != null) {
            Files.move(textTmp, textLog, StandardCopyOption.REPLACE_EXISTING);
        }
        double secs = (System.nanoTime() - began) / 1e9;
        if (System.console() != null) {
            err().println();
        }
        out().printf(Locale.ROOT, "wrote %s: %d sessions, %d transactions, %.1f MB of wire traffic, %.1f MB of file in %.1f s%n",
                output, generator.sessions(), generator.transactions(), written / 1e6, Files.size(output) / 1e6, secs);
        return OK;
    }

    /** Parses {@code 500KB}, {@code 1.5GB}, {@code 1000} (bytes); decimal units, as disks are sold. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--size " + text + ": expected a number with an optional unit B, KB, MB or GB");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'K' -> 1_000L;
            case 'M' -> 1_000_000L;
            case 'G' -> 1_000_000_000L;
            default -> 1L;
        };
        long bytes = (long) (n * factor);
        if (bytes <= 0) {
            throw new UsageException("--size " + text + ": must be more than 0 bytes");
        }
        return bytes;
    }

    /** Writes to the trace (and the text log), with a progress line on standard error every 5 %. */
    private final class Progress implements TraceWriter {
        private final TraceWriter trace;
        private final TraceWriter log;
        private final long target;
        private long done;
        private long nextReport;
        private final boolean tty = System.console() != null;

        Progress(TraceWriter trace, TraceWriter log, long target) {
            this.trace = trace;
            this.log = log;
            this.target = target;
            this.nextReport = target / 20;
        }

        @Override
        public void write(TraceEntry entry) throws IOException {
            trace.write(entry);
            if (log != null) {
                log.write(entry);
            }
            if (entry instanceof dev.atscope.core.trace.Chunk c) {
                done += c.data().length;
                if (done >= nextReport) {
                    // a terminal gets one line redrawn in place; a log file gets a line each time
                    err().printf(Locale.ROOT, "%sgenerating: %3d%% (%.1f of %.1f MB)%s", tty ? "\r" : "",
                            Math.min(100, done * 100 / target), done / 1e6, target / 1e6, tty ? "" : "\n");
                    err().flush();
                    nextReport += target / 20;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            trace.flush();
        }

        @Override
        public void close() {
            // the streams are closed by their owner
        }
    }
}
