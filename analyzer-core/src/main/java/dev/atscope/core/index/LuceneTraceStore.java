package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

/** The local index: a Lucene index in a folder, each kind of field written as its queries need. */
final class LuceneTraceStore implements TraceStore {

    private final IndexWriter writer;
    private final FacetsConfig facets = new FacetsConfig();

    LuceneTraceStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        IndexWriterConfig cfg = new IndexWriterConfig(AtAnalyzer.perField());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(FSDirectory.open(dir), cfg);
        facets.setMultiValued(IndexFields.FACET_COMMAND, true);
        facets.setMultiValued(IndexFields.FACET_RULE, true);
    }

    /** The Lucene fields of a document. */
    static Document lucene(TraceDocument doc) {
        Document d = new Document();
        for (TraceDocument.Field f : doc.fields()) {
            String name = f.name();
            switch (f.kind()) {
                case EXACT -> d.add(new StringField(name, (String) f.value(), Field.Store.YES));
                case KEYWORD -> d.add(new StringField(name, lower(f), Field.Store.NO));
                case KEYWORD_STORED -> {
                    d.add(new StringField(name, lower(f), Field.Store.NO));
                    d.add(new StoredField(name, (String) f.value()));
                }
                case TEXT -> d.add(new TextField(name, (String) f.value(), Field.Store.YES));
                case NUMBER, SORTED_NUMBER -> {
                    long v = (Long) f.value();
                    d.add(new LongPoint(name, v));
                    if (f.kind() == TraceDocument.Kind.SORTED_NUMBER) {
                        d.add(new NumericDocValuesField(name, v));
                    }
                    d.add(new StoredField(name, v));
                }
                case STORED -> d.add(f.value() instanceof Long l ? new StoredField(name, l)
                        : new StoredField(name, (String) f.value()));
                case FACET -> d.add(new SortedSetDocValuesFacetField(name, (String) f.value()));
            }
        }
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
        writer.addDocument(facets.build(lucene(document)));
    }

    @Override
    public void fileDone(String file) {
        // the writer holds the documents; commit makes them durable
    }

    @Override
    public void fileFailed(String file) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.FILE, file));
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
        writer.close();
    }
}
