package dev.atscope.core.trace;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Streams the entries of a trace in time order, one at a time, so that a trace of any size can
 * be read in constant memory.
 */
public interface TraceReader extends Closeable {

    /** What the file says about the trace; read before the first entry. */
    TraceMetadata metadata();

    /**
     * The next entry, or null at the end.
     *
     * @throws TraceFormatException when the input breaks its format, with file and line
     */
    TraceEntry next() throws IOException;

    /**
     * Problems that did not stop reading (a cut-short last row after a crash), each as {@code
     * file:line: what}; complete once {@link #next()} has returned null.
     */
    List<String> warnings();
}
