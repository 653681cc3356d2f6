package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given an index written by an older atscope (format 1: no format in its commits) or a newer one,
 * when opened for searching or indexing, it is refused with one message saying what to do; an index
 * of this format opens and keeps its format over further commits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IndexFormatTest {

    @TempDir
    Path tmp;

    /** A Lucene index with one document as atscope 1 wrote them, and the given commit data. */
    static Path lucene(Path dir, Map<String, String> commitData) throws IOException {
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(AtAnalyzer.perField()))) {
            Document d = new Document();
            d.add(new StringField(IndexFields.TYPE, "transaction", Field.Store.YES));
            w.addDocument(d);
            w.setLiveCommitData(commitData.entrySet());
            w.commit();
        }
        return dir;
    }

    @Test
    void anIndexOfTheFirstFormatIsRefusedForSearchingAndIndexing() throws Exception {
        Path old = lucene(tmp.resolve("old"), Map.of());
        assertThatThrownBy(() -> new TraceSearcher(old)).isInstanceOf(IOException.class)
                .hasMessage(old + ": an atscope index in format 1, made by an older atscope; this one reads and"
                        + " writes format " + IndexFormat.CURRENT + ": index the traces again into a new folder (or"
                        + " delete this one first)");
        assertThatThrownBy(() -> new TraceIndexWriter(old, ProtocolRegistry.loadDefault(), false))
                .isInstanceOf(IOException.class).hasMessageContaining("format 1, made by an older atscope");
        // refused before writing: the old index is as it was, and can be opened again (its lock is free)
        assertThatThrownBy(() -> new TraceSearcher(old)).hasMessageContaining("format 1");
    }

    @Test
    void anIndexOfANewerFormatIsRefused() throws Exception {
        String next = Integer.toString(IndexFormat.CURRENT + 1);
        Path newer = lucene(tmp.resolve("newer"), Map.of(IndexFormat.KEY, next));
        assertThatThrownBy(() -> new TraceSearcher(newer)).hasMessageContaining("format " + next + ", made by a newer atscope");
        Path odd = lucene(tmp.resolve("odd"), Map.of(IndexFormat.KEY, "two"));
        assertThatThrownBy(() -> new TraceSearcher(odd)).hasMessageContaining("format two, made by another atscope");
    }

    @Test
    void anIndexOfThisFormatKeepsItOverEveryCommit() throws Exception {
        Path dir = tmp.resolve("index");
        try (TraceIndexWriter w = new TraceIndexWriter(dir, ProtocolRegistry.loadDefault(), false)) {
            w.commit();
        }
        try (TraceIndexWriter w = new TraceIndexWriter(dir, ProtocolRegistry.loadDefault(), false)) {
            w.commit(); // appending
        }
        try (TraceSearcher s = new TraceSearcher(dir)) {
            assertThat(s.documents()).isZero();
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData())
                    .containsEntry(IndexFormat.KEY, Integer.toString(IndexFormat.CURRENT));
        }
    }
}
