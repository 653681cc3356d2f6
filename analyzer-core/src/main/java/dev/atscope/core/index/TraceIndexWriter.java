package dev.atscope.core.index;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes traces into a trace index (the local Lucene index, or a {@link TraceStore} such as a
 * search cluster), one document per transaction (and per session). Indexing a file again replaces
 * its documents. Thread-safe: several files may be indexed at once.
 */
public final class TraceIndexWriter implements AutoCloseable {

    private final TraceStore store;
    private final ProtocolRegistry registry;
    private final TransactionDocuments documents;

    /**
     * Opens (or creates) the local index in {@code dir}.
     *
     * @param storeSecrets keep certificate and key upload bodies in the raw text (off: only their size)
     */
    public TraceIndexWriter(Path dir, ProtocolRegistry registry, boolean storeSecrets) throws IOException {
        this(new LuceneTraceStore(dir), registry, storeSecrets);
    }

    /**
     * Writes into another store; closing the writer closes it.
     *
     * @param storeSecrets keep certificate and key upload bodies in the raw text (off: only their size)
     */
    public TraceIndexWriter(TraceStore store, ProtocolRegistry registry, boolean storeSecrets) {
        this.store = store;
        this.registry = registry;
        this.documents = new TransactionDocuments(registry, storeSecrets);
    }

    /** What indexing one file gave. */
    public record Indexed(Path file, long transactions, long sessions, long bytes) {}

    /**
     * Indexes one trace file, replacing what the index held for it.
     *
     * @throws IOException when the file cannot be read; the index keeps the file's old documents
     *     removed only once reading succeeded up to the failure point is not guaranteed, so a failed
     *     file is removed entirely
     */
    public Indexed index(Path file) throws IOException {
        return index(file, ImportOptions.defaults());
    }

    /** Indexes one trace file read with the given import options (a forced format, keep-going). */
    public Indexed index(Path file, ImportOptions options) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        return index(abs.toString(), abs, () -> Traces.open(abs, options.withModel(registry)));
    }

    /** Opens a trace; the caller closes it. */
    @FunctionalInterface
    public interface Opener {
        TraceReader open() throws IOException;
    }

    /**
     * Indexes one trace under a key, replacing what the index held for that key; a trace that
     * cannot be read leaves no document of it.
     *
     * @param key the {@code file} field of its documents: a file's absolute path, or a stream's name
     * @param file the file (its name and time stand in when the trace has no device or start), or null
     */
    public Indexed index(String key, Path file, Opener open) throws IOException {
        long[] counts = new long[2];
        store.replace(key);
        try (TraceReader reader = open.open()) {
            TraceMetadata meta = reader.metadata();
            long startMillis = (meta.start() != null ? meta.start() : Instant.ofEpochMilli(
                    file != null ? Files.getLastModifiedTime(file).toMillis() : System.currentTimeMillis())).toEpochMilli();
            String device = device(meta, file != null ? file : Path.of(key));
            String firmware = meta.tags().get("firmware");
            // each file is read with the libraries its own traffic shows
            LibrarySelection selection = new LibrarySelection(registry);
            SessionTracker sessions = new SessionTracker(selection, s -> {
                add(TransactionDocuments.tagged(documents.of(s, key, device, startMillis), device, firmware));
                counts[1]++;
            });
            // the checker reports a transaction's findings while it accepts it: they go on its document
            java.util.Set<String> rules = new java.util.TreeSet<>();
            TraceChecker checker = new TraceChecker(selection, diagnostic -> rules.add(diagnostic.ruleId()));
            TraceDecoding.decode(reader, selection, d -> {
                sessions.accept(d);
                rules.clear();
                checker.accept(d);
                if (d instanceof Transaction t) {
                    add(TransactionDocuments.tagged(documents.of(t, key, device, startMillis, sessions.currentIndex(),
                            rules), device, firmware));
                    counts[0]++;
                }
            });
            checker.finish();
            sessions.finish();
            store.fileDone(key);
        } catch (IOException | RuntimeException e) {
            try {
                store.fileFailed(key);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return new Indexed(file, counts[0], counts[1], file != null && Files.isRegularFile(file) ? Files.size(file) : -1);
    }

    private void add(TraceDocument doc) {
        try {
            store.add(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String device(TraceMetadata meta, Path file) {
        if (meta.tags().containsKey("device")) {
            return meta.tags().get("device");
        }
        if (meta.hostPort() != null) {
            return meta.hostPort();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Makes what was indexed visible to searches. */
    public void commit() throws IOException {
        store.commit();
    }

    /** Documents in the index. */
    public long documents() throws IOException {
        return store.documents();
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
