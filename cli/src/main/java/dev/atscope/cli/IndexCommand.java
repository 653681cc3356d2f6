package dev.atscope.cli;

import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.solr.SolrCollection;
import dev.atscope.solr.SolrTraceStore;
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

/** {@code atscope index PATH... --index DIR} (or {@code --solr SPEC}): adds traces to a search index. */
@Command(name = "index", description = {"Indexes trace files, whole folders (recursively) and standard input ('-') for"
        + " atscope search, into a local index (--index) or a SolrCloud collection (--solr, docs/solr.md).",
    "Indexing a file again replaces its documents; a file that cannot be read is reported"
        + " in one line and skipped (exit code 2), the others are indexed."})
final class IndexCommand extends AbstractCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "trace files, folders, or - for standard input")
    List<String> paths;

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder (created if missing)")
    Path index;

    @Mixin
    SolrOptions solr;

    @Option(names = "--create", description = "with --solr: create the collection with atscope's configset unless it exists")
    boolean create;

    @Option(names = "--shards", paramLabel = "N", description = "with --create: shards of the new collection (default ${DEFAULT-VALUE})")
    int shards = 2;

    @Option(names = "--replicas", paramLabel = "R", description = "with --create: copies of each shard (default ${DEFAULT-VALUE})")
    int replicas = 2;

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
        solr.exactlyOne(index, "--index DIR");
        if (solr.spec == null && (create || shards != 2 || replicas != 2)) {
            throw new UsageException("--create, --shards and --replicas go with --solr");
        }
        if (shards < 1 || replicas < 1) {
            throw new UsageException("--shards and --replicas must be at least 1");
        }
        Path parent = index == null ? null : index.toAbsolutePath().getParent();
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
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        try (TraceIndexWriter writer = solr.spec != null
                ? new TraceIndexWriter(new SolrTraceStore(create ? SolrCollection.create(solr.parsed(), shards, replicas)
                        : SolrCollection.open(solr.parsed()), true), registry, storeSecrets)
                : new TraceIndexWriter(index, registry, storeSecrets);
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
                    TerminalText.safe(solr.spec != null ? solr.spec : index.toString()), skipped == 0 ? "" : "; " + Plural.of(skipped, "file") + " skipped");
        }
        return skipped == 0 ? OK : BAD_INPUT;
    }
}
