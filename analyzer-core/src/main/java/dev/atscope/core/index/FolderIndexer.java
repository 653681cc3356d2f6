package dev.atscope.core.index;

import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Indexes files and whole folders (recursively) in parallel. A file that cannot be read is
 * reported and skipped; the others are indexed.
 */
public final class FolderIndexer {

    /** Told after each file. */
    public interface Progress {
        void fileDone(int done, int total, long transactions, Path file, Exception failure);
    }

    /** The outcome of a run. */
    public record Report(List<TraceIndexWriter.Indexed> indexed, List<Failure> failures, long transactions) {}

    /** A file that could not be indexed, and why. */
    public record Failure(Path file, String message) {}

    /** Opens one file of a run; the indexer closes it. */
    @FunctionalInterface
    public interface FileOpener {
        TraceReader open(Path file) throws IOException;
    }

    private final TraceIndexWriter writer;
    private final int threads;
    /** How each file is opened: any format atscope reads is detected unless one is forced. */
    private final FileOpener opener;

    public FolderIndexer(TraceIndexWriter writer, int threads) {
        this(writer, threads, ImportOptions.defaults());
    }

    /** An indexer that reads every file with the given import options. */
    public FolderIndexer(TraceIndexWriter writer, int threads, ImportOptions options) {
        this(writer, threads, file -> Traces.open(file, options));
    }

    /** An indexer that opens every file its own way (checks, progress). */
    public FolderIndexer(TraceIndexWriter writer, int threads, FileOpener opener) {
        this.writer = writer;
        this.threads = Math.max(1, threads);
        this.opener = opener;
    }

    /** The files under the given paths, sorted; hidden files and folders are skipped. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> notHidden(p.relativize(f)))
                            .sorted()
                            .forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString());
            }
        }
        return out;
    }

    private static boolean notHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Indexes every file under the paths, then commits. */
    public Report run(List<Path> paths, Progress progress) throws IOException, InterruptedException {
        return runFiles(files(paths), progress);
    }

    /** Indexes each of these files (no folders), then commits. */
    public Report runFiles(List<Path> files, Progress progress) throws IOException, InterruptedException {
        List<TraceIndexWriter.Indexed> done = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong transactions = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    Exception failure = null;
                    try {
                        Path abs = f.toAbsolutePath().normalize();
                        TraceIndexWriter.Indexed r = writer.index(abs.toString(), abs, () -> opener.open(f));
                        done.add(r);
                        transactions.addAndGet(r.transactions());
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                        failures.add(new Failure(f, message(e)));
                    }
                    progress.fileDone((int) finished.incrementAndGet(), files.size(), transactions.get(), f, failure);
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        writer.commit();
        return new Report(List.copyOf(done), List.copyOf(failures), transactions.get());
    }

    /** What went wrong, with the reason: a file system error's message is often just the file's name. */
    static String message(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return message(u.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
