package dev.atscope.core.trace;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/** Writes trace entries in time order. */
public interface TraceWriter extends Closeable, Flushable {

    /**
     * Appends one entry.
     *
     * @throws IllegalArgumentException when the entry is older than the previous one
     */
    void write(TraceEntry entry) throws IOException;
}
