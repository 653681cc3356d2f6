package dev.atscope.cli;

import dev.atscope.core.generate.TextLogWriter;
import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.text.Durations;
import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atscope generate --size 1GB --seed N -o big.csv}: realistic device traffic of any size, for benchmarks and demos. */
@Command(name = "generate", description = {"Writes realistic device sessions as a native trace, deterministic for a"
        + " seed.", "Boots with URCs, certificate uploads, SSL configuration, PDP activation (sometimes failing),"
        + " HTTPS requests with bodies (some failing the handshake) and deactivation."})
final class GenerateCommand extends AbstractCommand {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|K|M|G)?", Pattern.CASE_INSENSITIVE);

    @Option(names = "--size", paramLabel = "SIZE", description = "wire traffic to write, with its unit B, KB, MB or GB:"
            + " 500KB, 100MB, 1GB (default 10MB)")
    String size = "10MB";

    @Option(names = "--transactions", paramLabel = "N", description = "stop after exactly N command lines instead"
            + " (whichever comes first)")
    long maxTransactions = Long.MAX_VALUE;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "sessions (the default: device sessions"
            + " whose certificate uploads and HTTP bodies carry most bytes) or dense (a fleet polling registration,"
            + " signal and small requests: short commands and answers, the cost per transaction dominates)")
    String profile = "sessions";

    @Option(names = "--seed", paramLabel = "N", description = "the same seed writes the same bytes (default 1)")
    long seed = 1;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "the trace to write, or - for standard output")
    String output;

    @Option(names = "--text-log", paramLabel = "FILE",
            description = "also write the same traffic as a device's plain text log (the grep baseline); atscope"
                    + " reads it back as the same transactions")
    String textLog;

    @Option(names = "--start", paramLabel = "INSTANT", description = "wall-clock time of the first byte (default 2026-11-01T00:00:00Z)")
    String start = "2026-11-01T00:00:00Z";

    @Option(names = "--force", description = "replace outputs that exist")
    boolean force;

    @Mixin
    OutputStyle style;

    @Override
    int execute() throws IOException {
        long bytes = parseSize(size);
        if (maxTransactions <= 0) {
            throw new UsageException("--transactions " + maxTransactions + ": must be more than 0");
        }
        Instant t0;
        try {
            t0 = Instant.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--start " + start + ": expected an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(t0)
                .withSource("atscope generate --seed " + seed + (profile().equals(TraceGenerator.Profile.SESSIONS) ? ""
                        : " --profile " + profile.toLowerCase(Locale.ROOT)))
                .withTag("generator", "atscope TraceGenerator seed " + seed);
        TraceGenerator generator = new TraceGenerator(seed, profile());
        long began = System.nanoTime();
        long written;
        long fileBytes;
        // written under a temporary name and moved into place when complete: nothing half-written looks whole
        try (OutputFile trace = OutputFile.check(output, "-o", true, force, List.of());
                OutputFile text = textLog == null ? null : OutputFile.check(textLog, "--text-log", true, force, List.of());
                ProgressDisplay progress = style.progress("generate", bytes, ProgressDisplay.Unit.BYTES)) {
            if (text != null && text.isStdout() && trace.isStdout()) {
                throw new UsageException("-o - and --text-log -: only one output can be standard output");
            }
            try (TraceWriter traceOut = new TraceCsvWriter(new BufferedOutputStream(trace.open(), 1 << 16), meta);
                    Writer textOut = text == null ? null : new OutputStreamWriter(text.open(), StandardCharsets.ISO_8859_1);
                    TraceWriter log = textOut == null ? null : new TextLogWriter(textOut, t0)) {
                written = generator.write(new TraceWriter() {
                    @Override
                    public void write(TraceEntry entry) throws IOException {
                        traceOut.write(entry);
                        if (log != null) {
                            log.write(entry);
                        }
                        if (entry instanceof Chunk c) {
                            progress.advance(c.data().length);
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                }, bytes, maxTransactions);
            }
            trace.commit();
            if (text != null) {
                text.commit();
            }
            fileBytes = trace.isStdout() ? -1 : Files.size(trace.path());
        }
        double secs = (System.nanoTime() - began) / 1e9;
        if (!style.quiet) {
            (output.equals("-") ? err() : out()).printf(Locale.ROOT, "wrote %s: %s, %s, %.1f MB of wire traffic%s in %s%n",
                    TerminalText.safe(output), Plural.of(generator.sessions(), "session"),
                    Plural.of(generator.transactions(), "transaction"), written / 1e6,
                    fileBytes < 0 ? "" : String.format(Locale.ROOT, ", %.1f MB of file", fileBytes / 1e6),
                    Durations.format((long) (secs * 1e6)));
        }
        return OK;
    }

    private TraceGenerator.Profile profile() {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "sessions" -> TraceGenerator.Profile.SESSIONS;
            case "dense" -> TraceGenerator.Profile.DENSE;
            default -> throw new UsageException("--profile " + profile + ": expected sessions or dense");
        };
    }

    /** Parses {@code 500KB}, {@code 1.5GB}, {@code 1000B}; decimal units, as disks are sold. A unit is required. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--size " + text + ": expected a number with a unit B, KB, MB or GB (500KB)");
        }
        if (m.group(2) == null) {
            throw new UsageException("--size " + text + ": give a unit: " + text.strip() + "B for bytes, "
                    + text.strip() + "KB, " + text.strip() + "MB or " + text.strip() + "GB");
        }
        double n = Double.parseDouble(m.group(1));
        long factor = switch (Character.toUpperCase(m.group(2).charAt(0))) {
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
}
