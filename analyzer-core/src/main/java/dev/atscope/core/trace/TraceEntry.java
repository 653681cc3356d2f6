package dev.atscope.core.trace;

/** One row of a trace: bytes seen on the wire, or a marker the recorder added. */
public sealed interface TraceEntry permits Chunk, Marker {

    /** Microseconds since the trace's start time. */
    long timeMicros();

    /** Line in the source file this entry was read from, or -1 when unknown. */
    long line();
}
