package dev.atscope.core.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One document of the trace index as the back ends receive it: each field once, with what it is
 * for. {@link TransactionDocuments} makes them; the local Lucene index and a Solr collection write
 * them, each with its own field types for the same kinds (see the Solr configset's schema).
 */
public final class TraceDocument {

    /** What a field is for: how it is indexed and whether it is shown. */
    public enum Kind {
        /**
         * The document's unique key ({@code file#tx}): the update key of a back end that needs one (a
         * Solr collection's {@code uniqueKey}); the local index replaces a file's documents by {@code
         * file} and leaves it out.
         */
        ID,
        /** A value matched exactly, as given, and stored: {@code type}, {@code file}, {@code outcome}. */
        EXACT,
        /** A value matched in lower case, not stored: {@code command}, {@code rule}, every parameter. */
        KEYWORD,
        /** A value matched in lower case and stored as given: {@code device}, {@code result}. */
        KEYWORD_STORED,
        /** Text analysed with {@link AtAnalyzer}, stored for snippets: {@code raw}, {@code error_meaning}. */
        TEXT,
        /** A number for ranges, stored: {@code duration}, {@code error}. */
        NUMBER,
        /** A number for ranges and sorting, stored: {@code time}. */
        SORTED_NUMBER,
        /** Shown, not searched: a string or a number. */
        STORED,
        /** A facet dimension's value, counted as given: {@code f_outcome}, {@code f_command}. */
        FACET
    }

    /** A field's value: a {@link String}, or a {@link Long} for the number kinds and numbers stored. */
    public record Field(String name, Kind kind, Object value) {}

    private final List<Field> fields = new ArrayList<>();

    TraceDocument add(String name, Kind kind, Object value) {
        fields.add(new Field(name, kind, value));
        return this;
    }

    /** The fields in the order they were made; a name may come several times (multi-valued). */
    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The first value of a field, or null. */
    public Object first(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** The document's unique key ({@code file#tx} or {@code file#sN}). */
    public String key() {
        return (String) first(IndexFields.KEY);
    }
}
