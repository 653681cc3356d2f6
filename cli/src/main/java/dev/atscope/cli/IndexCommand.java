package dev.atscope.cli;

import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope index PATH... --index DIR}: adds traces to a search index. */
@Command(name = "index", description = {"Indexes trace files and whole folders (recursively) for atscope search.",
    "Indexing a file again replaces its documents; a file that cannot be read is reported and skipped."})
final class IndexCommand extends AbstractCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "trace files or folders")
    List<Path> paths;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index folder (created if missing)")
    Path index;

    @Option(names = "--threads", paramLabel = "N", description = "files indexed at once (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    TraceInputOptions input;

    @Option(names = "--store-secrets", description = "keep certificate and key upload bodies in the index (off: only their size)")
    boolean storeSecrets;

    @Override
    int execute() throws Exception {
        PrintWriter err = err();
        boolean tty = System.console() != null;
        long t0 = System.nanoTime();
        FolderIndexer.Report report;
        try (TraceIndexWriter writer = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), storeSecrets)) {
            report = new FolderIndexer(writer, threads, input.options()).run(paths, (done, total, tx, file, failure) -> {
                synchronized (err) {
                    if (failure != null) {
                        err.println((tty ? "\r" : "") + "atscope: skipped " + file + ": "
                                + (failure.getMessage() == null ? failure : failure.getMessage()));
                    }
                    String bar = bar(done, total) + " " + done + "/" + total + " files, " + tx + " transactions";
                    if (tty) {
                        err.print("\r" + bar);
                    } else if (done == total || done % 50 == 0) {
                        err.println(bar);
                    }
                    err.flush();
                }
            });
            if (tty) {
                err.println();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out().printf("indexed %d files, %d transactions in %.1f s (%.0f transactions/s) into %s%s%n",
                report.indexed().size(), report.transactions(), secs, report.transactions() / Math.max(secs, 1e-3),
                index, report.failures().isEmpty() ? "" : "; " + report.failures().size() + " files skipped");
        return report.failures().isEmpty() ? OK : FINDINGS;
    }

    private static String bar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }
}
