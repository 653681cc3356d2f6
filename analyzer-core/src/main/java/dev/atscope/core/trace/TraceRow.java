package dev.atscope.core.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One record of a native trace file as {@link TraceRowScanner} reads it: its fields' bytes, unquoted, one after another. */
final class TraceRow {

    /** Fields whose bounds a row keeps; beyond them only the count grows (a trace row has four). */
    private static final int MAX_FIELDS_KEPT = 64;

    /** The 1-based line where the record (with the comments and blank lines before it) begins. */
    long line;
    /** Number of fields. */
    int size;
    byte[] bytes = new byte[256];
    int length;
    /** End index in {@link #bytes} of each field; a field starts where the previous one ends. */
    int[] ends = new int[8];

    int start(int field) {
        return field == 0 ? 0 : ends[field - 1];
    }

    int end(int field) {
        return ends[field];
    }

    /** The field as text, one character per byte (the file is read as ISO-8859-1). */
    String text(int field) {
        int from = start(field);
        return new String(bytes, from, ends[field] - from, StandardCharsets.ISO_8859_1);
    }

    void clear() {
        size = 0;
        length = 0;
    }

    void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = b;
    }

    void append(byte[] src, int from, int to) {
        int n = to - from;
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
        System.arraycopy(src, from, bytes, length, n);
        length += n;
    }

    void endField() {
        if (size < MAX_FIELDS_KEPT) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size] = length;
        }
        size++; // a row of thousands of commas is counted, not held
    }
}
