package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The local index: a Lucene index in a folder, each kind of field written as its queries need.
 *
 * <p>A file's documents are handed to Lucene on other threads, in batches: turning a document into
 * Lucene's fields, its facets and inverting them into the writer's buffer was about half of
 * indexing a command-dense trace, and the thread that reads, decodes and checks the file does the
 * other half meanwhile, so one file keeps two processors busy. Between {@link #replace} and {@link
 * #fileDone} a file is written by one thread (the {@link TraceStore} contract); its batches are
 * waited for in {@link #fileDone} and {@link #fileFailed}, where the first failure among them is
 * thrown.
 */
final class LuceneTraceStore implements TraceStore {

    /** Documents handed over at once: enough to make the hand-over cost nothing beside them. */
    private static final int BATCH = 256;

    private final IndexWriter writer;
    private final ExecutorService adders;
    /** Batches given to the adders and not yet written, over all files: bounds the memory they hold. */
    private final Semaphore inFlight;
    /** Each adder's buffer for a document's shown values. */
    private static final ThreadLocal<ShownValues> SHOWN = ThreadLocal.withInitial(ShownValues::new);
    /** The batch of the file this thread is writing. */
    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);

    /** One file's documents not yet handed over, and the batches handed over and not yet waited for. */
    private static final class Pending {
        List<TraceDocument> batch = new ArrayList<>(BATCH);
        final List<Future<?>> written = new ArrayList<>();
    }

    LuceneTraceStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        IndexWriterConfig cfg = new IndexWriterConfig(AtAnalyzer.perField());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(64);
        FSDirectory directory = FSDirectory.open(dir);
        try {
            IndexFormat.check(directory, dir);
            this.writer = new IndexWriter(directory, cfg);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        writer.setLiveCommitData(IndexFormat.commitData().entrySet());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.adders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "index-add-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(2 * threads);
    }

    /**
     * The Lucene fields of a document: each kind indexed as its queries need, every value a hit
     * shows in the one stored field {@link IndexFields#SHOWN}, the raw text stored on its own for
     * the highlighter, facets as the sorted-set doc values {@link FacetsConfig#build} would make
     * (the path {@code dim\u001fvalue} in {@code $facets}) without building the document twice.
     */
    static Document lucene(TraceDocument doc, ShownValues shown) {
        Document d = new Document();
        shown.reset();
        for (TraceDocument.Field f : doc.fields()) {
            String name = f.name();
            switch (f.kind()) {
                case ID -> { } // files are replaced by their file field; nothing looks a document up by its key
                case EXACT -> {
                    d.add(new StringField(name, (String) f.value(), Field.Store.NO));
                    shown.add(name, f.value());
                }
                case KEYWORD -> d.add(new StringField(name, lower(f), Field.Store.NO));
                case KEYWORD_STORED -> {
                    d.add(new StringField(name, lower(f), Field.Store.NO));
                    shown.add(name, f.value());
                }
                case TEXT -> d.add(new TextField(name, (String) f.value(), Field.Store.YES));
                case NUMBER, SORTED_NUMBER -> {
                    long v = (Long) f.value();
                    d.add(new LongPoint(name, v));
                    if (f.kind() == TraceDocument.Kind.SORTED_NUMBER) {
                        d.add(new NumericDocValuesField(name, v));
                    }
                    shown.add(name, v);
                }
                case STORED -> shown.add(name, f.value());
                case FACET -> d.add(new SortedSetDocValuesField(FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                        new BytesRef(FacetsConfig.pathToString(name, (String) f.value()))));
            }
        }
        d.add(new StoredField(IndexFields.SHOWN, shown.bytes()));
        return d;
    }

    private static String lower(TraceDocument.Field f) {
        return ((String) f.value()).toLowerCase(Locale.ROOT);
    }

    @Override
    public void replace(String file) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.FILE, file));
    }

    @Override
    public void add(TraceDocument document) throws IOException {
        Pending p = pending.get();
        p.batch.add(document);
        if (p.batch.size() >= BATCH) {
            handOver(p);
        }
    }

    private void handOver(Pending p) throws IOException {
        List<TraceDocument> docs = p.batch;
        p.batch = new ArrayList<>(BATCH);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while indexing");
        }
        try {
            p.written.add(adders.submit(() -> {
                try {
                    ShownValues shown = SHOWN.get();
                    for (TraceDocument d : docs) {
                        writer.addDocument(lucene(d, shown));
                    }
                } finally {
                    inFlight.release();
                }
                return null;
            }));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        if (p.written.size() >= 64) {
            // keep the list short on a long file: what is written already is checked now
            for (var it = p.written.iterator(); it.hasNext(); ) {
                Future<?> f = it.next();
                if (f.isDone()) {
                    waitFor(f);
                    it.remove();
                }
            }
        }
    }

    /** Hands over this thread's last batch and waits until all its batches are written. */
    private void drain() throws IOException {
        Pending p = pending.get();
        pending.remove();
        if (!p.batch.isEmpty()) {
            handOver(p);
        }
        IOException failed = null;
        for (Future<?> f : p.written) {
            try {
                waitFor(f);
            } catch (IOException | RuntimeException e) {
                if (failed == null) {
                    failed = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static void waitFor(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while indexing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void fileDone(String file) throws IOException {
        // once the file's batches are in the writer's buffer; commit makes them durable
        drain();
    }

    @Override
    public void fileFailed(String file) throws IOException {
        try {
            drain();
        } finally {
            writer.deleteDocuments(new Term(IndexFields.FILE, file));
        }
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public long documents() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        adders.shutdown();
        writer.close();
    }
}
