package dev.atscope.core.index;

import java.io.IOException;

/**
 * Where {@link TraceIndexWriter} puts a trace's documents: the local Lucene index, or a search
 * cluster. Each file's documents come between {@link #replace} and {@link #fileDone} (or {@link
 * #fileFailed}); files may be indexed on several threads at once.
 */
public interface TraceStore extends AutoCloseable {

    /** Removes what the store holds for a file: its documents are about to be written again. */
    void replace(String file) throws IOException;

    /** Adds one document of the file being written. */
    void add(TraceDocument document) throws IOException;

    /** The file's documents are all given: once this returns, they are written (not yet visible). */
    void fileDone(String file) throws IOException;

    /** Reading the file failed: none of its documents may stay. */
    void fileFailed(String file) throws IOException;

    /** Makes what was written durable and visible to searches. */
    void commit() throws IOException;

    /** Documents in the store. */
    long documents() throws IOException;

    @Override
    void close() throws IOException;
}
