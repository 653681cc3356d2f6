package dev.atscope.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The values a hit shows (type, file, device, times, command line, outcome, ...) as the local index
 * stores them: one binary stored field ({@link IndexFields#SHOWN}) per document instead of a stored
 * field per value, which Lucene writes and reads with a cost per field. Each value is its field's
 * name, a tag and the value: {@code name (string) 0 text (string)} or {@code name 1 number (zig-zag
 * variable-length long)}, strings as Lucene's {@code DataOutput.writeString} writes them (docs/search.md,
 * "The index folder").
 */
final class ShownValues {

    private static final byte TEXT = 0;
    private static final byte NUMBER = 1;

    /** The values so far; grows to the largest document's and stays. */
    private byte[] buffer = new byte[512];
    private final ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);

    /** Starts the values of another document. */
    ShownValues reset() {
        out.reset(buffer);
        return this;
    }

    /** Adds a value: a {@link String} or a {@link Long}. */
    void add(String name, Object value) {
        try {
            string(name);
            reserve(11);
            if (value instanceof Long l) {
                out.writeByte(NUMBER);
                out.writeZLong(l);
            } else {
                out.writeByte(TEXT);
                string((String) value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an array in memory: never
        }
    }

    /** A string as {@code DataInput.readString} reads it, encoded in place. */
    private void string(String s) throws IOException {
        int length = UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length());
        reserve(5 + length);
        out.writeVInt(length);
        int end = UnicodeUtil.UTF16toUTF8(s, 0, s.length(), buffer, out.getPosition());
        out.reset(buffer, end, buffer.length - end);
    }

    private void reserve(int bytes) {
        int at = out.getPosition();
        if (at + bytes > buffer.length) {
            buffer = ArrayUtil.grow(buffer, at + bytes);
            out.reset(buffer, at, buffer.length - at);
        }
    }

    /** The values added since {@link #reset}, as the stored field's bytes. */
    BytesRef bytes() {
        return new BytesRef(ArrayUtil.copyOfSubArray(buffer, 0, out.getPosition()));
    }

    /** The values of a document's stored bytes, by field name: a {@link String} or a {@link Long}. */
    static Map<String, Object> read(BytesRef bytes) throws IOException {
        Map<String, Object> values = new HashMap<>();
        if (bytes == null) {
            return values;
        }
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        while (!in.eof()) {
            String name = in.readString();
            byte tag = in.readByte();
            Object value = switch (tag) {
                case NUMBER -> in.readZLong();
                case TEXT -> in.readString();
                default -> throw new IllegalStateException("a stored value of field " + name + " has the unknown tag " + tag);
            };
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
