package dev.atscope.core.index;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A back end that answers searches over indexed traces (the local Lucene index, or a cluster):
 * what {@code atscope search} prints and writes as JSON, whoever answered.
 */
public interface TraceSearch extends AutoCloseable {

    /** How hits are ordered. */
    enum Order {
        /** Most relevant first. */
        SCORE,
        /** Oldest first. */
        TIME
    }

    /** Which documents a query looks at, unless it names a {@code type} itself. */
    enum Scope {
        /** Transactions: a command with its answers. */
        TRANSACTIONS("transaction"),
        /** Sessions: a power cycle or a PDP context's life, with its outcome. */
        SESSIONS("session");

        private final String type;

        Scope(String type) {
            this.type = type;
        }

        /** The value of the {@code type} field. */
        public String type() {
            return type;
        }
    }

    /**
     * A search.
     *
     * @param query the user's query (see docs/search.md: fields, bare command names, dates)
     * @param limit hits to return
     * @param facets whether to count hits by outcome, command, error and rule
     * @param scope the documents searched when the query names no {@code type}; null for all
     */
    record Request(String query, int limit, Order order, boolean facets, Scope scope) {}

    /** A part of a snippet's text that matched the query: {@code [start, end)}. */
    record Span(int start, int end) {}

    /** The matching lines of a document's text, and where in them the query matched. */
    record Snippet(String text, List<Span> matches) {}

    /**
     * One hit.
     *
     * @param type {@code transaction} or {@code session}
     * @param file the trace it is in (the key it was indexed under)
     * @param device the device it came from
     * @param time when it started
     * @param transaction the transaction's id in its trace (for a session: the transaction that decided its outcome), or -1
     * @param session its session's number, from 1, or -1
     * @param command the command line as sent, or for a session a description of it
     * @param outcome its outcome ({@code ok}, {@code error}, {@code tls-handshake-failed}, ...)
     * @param result the final result as sent ({@code +CME ERROR: 3815}), or the session's outcome
     * @param durationMicros how long it took
     * @param snippet the matching text, or null
     */
    record Hit(String type, String file, String device, Instant time, long transaction, int session, String command,
            String outcome, String result, long durationMicros, Snippet snippet, float score) {}

    /** The most values a facet dimension lists, largest first: the same in every back end. */
    int FACET_VALUES = 20;

    /**
     * What a search gave.
     *
     * @param total all matching documents
     * @param hits the first of them, as many as asked for
     * @param facets counts by dimension ({@code outcome}, {@code command}, {@code error}, {@code rule}, {@code
     *     device}, {@code firmware}), largest first, at most {@link #FACET_VALUES} a dimension
     * @param warnings what in the query likely finds nothing (an unknown field, a value no document has), with
     *     the nearest valid ones
     */
    record Result(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, long tookMicros,
            List<String> warnings) {}

    /** A query that cannot be parsed: the message says where and what was expected. */
    final class BadQueryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public BadQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs a search.
     *
     * @throws BadQueryException when the query cannot be parsed
     */
    Result search(Request request) throws IOException;

    /**
     * Counts the request's hits over time (its limit, order and facets do not matter): a histogram.
     *
     * @param bucketMillis the width of a bucket
     * @return hits by the start of their bucket (epoch milliseconds, a multiple of the width), oldest
     *     first; buckets without a hit are left out
     * @throws BadQueryException when the query cannot be parsed
     */
    SortedMap<Long, Long> countOverTime(Request request, long bucketMillis) throws IOException;

    /**
     * What the search page shows of one query: its hits and facets, and its hits counted over time.
     *
     * @param overTime hits by the start of their bucket, as {@link #countOverTime} gives them
     */
    record Counted(Result result, SortedMap<Long, Long> overTime) {}

    /**
     * Runs a search and counts its hits over time. The default asks the back end twice; the local
     * index answers both from one pass over the hits.
     *
     * @throws BadQueryException when the query cannot be parsed
     */
    default Counted searchCounted(Request request, long bucketMillis) throws IOException {
        Result result = search(request);
        return new Counted(result, countOverTime(request, bucketMillis));
    }

    @Override
    void close() throws IOException;
}
