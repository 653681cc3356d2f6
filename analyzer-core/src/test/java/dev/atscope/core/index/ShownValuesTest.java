package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Given a document's shown values, when written and read back, each comes back as it was, in Lucene's encodings. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShownValuesTest {

    static Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(IndexFields.TYPE, "transaction");
        v.put(IndexFields.FILE, "/logs/Pump-7 ümlaut 🚀.csv");
        v.put(IndexFields.DEVICE, "");
        v.put(IndexFields.TIME_US, 1_795_000_000_123_456L);
        v.put(IndexFields.TX_ID, 0L);
        v.put(IndexFields.OFFSET, -1L);
        v.put(IndexFields.DURATION_US, Long.MAX_VALUE);
        v.put(IndexFields.COMMAND_TEXT, "AT+QHTTPURL=57,60\\r" + "x".repeat(5000)); // past the first buffer
        v.put(IndexFields.RESULT, "+CME ERROR: 3815");
        return v;
    }

    @Test
    void valuesComeBackAsTheyWereWritten() throws Exception {
        ShownValues shown = new ShownValues();
        shown.reset().add("first", "a document before"); // reset forgets it
        shown.reset();
        values().forEach(shown::add);
        assertThat(ShownValues.read(shown.bytes())).isEqualTo(values());
        // the buffer is reused: a second, shorter document holds only its own values
        shown.reset().add(IndexFields.TYPE, "session");
        assertThat(ShownValues.read(shown.bytes())).isEqualTo(Map.of(IndexFields.TYPE, "session"));
    }

    @Test
    void theBytesAreLuceneStringsAndZigZagLongs() throws Exception {
        ShownValues shown = new ShownValues().reset();
        ByteBuffersDataOutput lucene = new ByteBuffersDataOutput();
        for (Map.Entry<String, Object> e : values().entrySet()) {
            shown.add(e.getKey(), e.getValue());
            lucene.writeString(e.getKey());
            if (e.getValue() instanceof Long l) {
                lucene.writeByte((byte) 1);
                lucene.writeZLong(l);
            } else {
                lucene.writeByte((byte) 0);
                lucene.writeString((String) e.getValue());
            }
        }
        assertThat(shown.bytes()).isEqualTo(new BytesRef(lucene.toArrayCopy()));
    }

    @Test
    void aDocumentWithoutShownValuesReadsEmpty() throws Exception {
        assertThat(ShownValues.read(null)).isEmpty();
        assertThat(ShownValues.read(new ShownValues().reset().bytes())).isEmpty();
    }
}
