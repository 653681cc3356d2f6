package dev.atscope.cli;

import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.text.Durations;
import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope index PATH... --index DIR}: adds traces to a search index. */
@Command(name = "index", description = {"Indexes trace files, whole folders (recursively) and standard input ('-') for"
        + " atscope search.", "Indexing a file again replaces its documents; a file that cannot be read is reported"
        + " in one line and skipped (exit code 2), the others are indexed."})
final class IndexCommand extends AbstractCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "trace files, folders, or - for standard input")
    List<String> paths;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index folder (created if missing)")
    Path index;

    @Option(names = "--threads", paramLabel = "N", description = "files indexed at once (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--store-secrets", description = "keep certificate and key upload bodies in the index (off: only their size)")
    boolean storeSecrets;

    @Override
    int execute() throws Exception {
        Path parent = index.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new UsageException(TerminalText.safe(index.toString()) + ": the folder "
                    + TerminalText.safe(parent.toString()) + " does not exist");
        }
        PrintWriter err = err();
        ImportOptions options = input.options();
        List<TraceSource> sources = input.sources(paths);
        List<Path> files = new ArrayList<>();
        for (TraceSource s : sources) {
            if (!s.isStdin()) {
                files.add(s.path());
            }
        }
        long t0 = System.nanoTime();
        int skipped = 0;
        long indexed = 0;
        long transactions = 0;
        try (TraceIndexWriter writer = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), storeSecrets);
                ProgressDisplay progress = style.progress("index", sources.size(), ProgressDisplay.Unit.FILES)) {
            if (sources.contains(TraceSource.STDIN)) {
                try {
                    transactions += writer.index("<stdin>", null, () -> TraceSource.STDIN.open(options, n -> { }))
                            .transactions();
                    indexed++;
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    err.println("atscope: skipped " + TraceInputOptions.message(e, input.verbose));
                    skipped++;
                }
                progress.advance(1);
            }
            FolderIndexer.Report report = new FolderIndexer(writer, threads,
                    file -> TraceSource.of(file).open(options, n -> { }))
                    .runFiles(files, (done, total, tx, file, failure) -> {
                        if (failure != null) {
                            synchronized (err) {
                                err.println("atscope: skipped " + TraceInputOptions.message(failure, input.verbose));
                                err.flush();
                            }
                        }
                        progress.advance(1);
                    });
            indexed += report.indexed().size();
            transactions += report.transactions();
            skipped += report.failures().size();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!style.quiet) {
            out().printf(Locale.ROOT, "indexed %s, %s in %s (%.0f transactions/s) into %s%s%n",
                    Plural.of(indexed, "file"), Plural.of(transactions, "transaction"),
                    Durations.format((long) (secs * 1e6)), transactions / Math.max(secs, 1e-3),
                    TerminalText.safe(index.toString()), skipped == 0 ? "" : "; " + Plural.of(skipped, "file") + " skipped");
        }
        return skipped == 0 ? OK : BAD_INPUT;
    }
}
