package dev.atscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report data's storage: every column streamed to its own temporary file as the trace goes by
 * (so a trace of any size fits), and the string table that holds each repeated short text once.
 * {@link ReportModel} decides what goes in; this class decides how it is held and written out.
 */
final class ReportColumns implements Closeable {

    /** Texts up to this length go to the string table (repeated results, URCs, URLs, findings); longer ones inline. */
    static final int SHARED_TEXT_CHARS = 256;
    /** At most this many characters of shared texts are held: past it every new text is written inline. */
    static final long SHARED_TEXT_BUDGET = 32L << 20;

    /** Every column by its path in the data ({@code transactions.start}), in the order they were made. */
    private final Map<String, Column> columns = new LinkedHashMap<>();
    /** The string table: each shared text and its index. */
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private long sharedChars;

    /** A new column at a path of the data ({@code group.field}). */
    Column column(String path) throws IOException {
        Column c = new Column();
        columns.put(path, c);
        return c;
    }

    /** A text as a column holds it: its index in the string table, the text itself, or null. */
    void text(Column c, String s) throws IOException {
        write(c.g, s);
    }

    /** A field holding an array of texts, each as {@link #text} writes it. */
    void texts(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            write(g, s);
        }
        g.writeEndArray();
    }

    /** A field holding an array of numbers. */
    static void longs(JsonGenerator g, String field, long[] values) throws IOException {
        g.writeFieldName(field);
        g.writeArray(values, 0, values.length);
    }

    private void write(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        Integer i = shared(s);
        if (i != null) {
            g.writeNumber(i);
        } else {
            g.writeString(s);
        }
    }

    /** The index of a text in the string table, added when it fits; null when it is to be written inline. */
    private Integer shared(String s) {
        if (s.length() > SHARED_TEXT_CHARS) {
            return null;
        }
        Integer i = strings.get(s);
        if (i == null && sharedChars + s.length() <= SHARED_TEXT_BUDGET) {
            i = strings.size();
            strings.put(s, i);
            sharedChars += s.length();
        }
        return i;
    }

    /** Writes the string table as the field {@code strings}. */
    void writeStrings(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("strings");
        for (String s : strings.keySet()) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /**
     * Ends every column and writes them as fields of the open object, grouped by the first part of
     * their paths ({@code "transactions": {"start": [...], ...}}), each copied as it was streamed.
     *
     * @param left a column not to write (one whose values the page can derive), or null
     */
    void writeColumns(JsonGenerator g, OutputStream out, Column left) throws IOException {
        for (Column c : columns.values()) {
            c.end();
        }
        String group = null;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (e.getValue() == left) {
                continue;
            }
            String[] path = e.getKey().split("\\.");
            if (!path[0].equals(group)) {
                if (group != null) {
                    g.writeEndObject();
                }
                g.writeObjectFieldStart(path[0]);
                group = path[0];
            }
            // the column is copied as it was streamed; an empty raw value keeps the generator's count
            g.writeFieldName(path[1]);
            g.writeRawValue("");
            g.flush();
            Files.copy(e.getValue().file, out);
        }
        if (group != null) {
            g.writeEndObject();
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (Column c : columns.values()) {
            try {
                c.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** One column of values streamed as a JSON array to a temporary file, deleted on close. */
    static final class Column implements Closeable {
        final Path file;
        final OutputStream out;
        /** Where the column's values are written, one a row. */
        final JsonGenerator g;
        private boolean ended;

        Column() throws IOException {
            file = Files.createTempFile("atscope-report-col", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 14);
            g = ReportJson.generator(out);
            g.writeStartArray();
        }

        void end() throws IOException {
            if (!ended) {
                ended = true;
                g.writeEndArray();
                g.close();
                out.close();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                g.close();
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
