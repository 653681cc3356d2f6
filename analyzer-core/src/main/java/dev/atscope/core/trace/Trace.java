package dev.atscope.core.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole trace in memory: metadata and entries in time order. For small traces, tests and
 * tools; large ones are streamed through {@link TraceReader} instead.
 *
 * @param metadata what is known about the trace
 * @param entries the chunks and markers, in time order
 */
public record Trace(TraceMetadata metadata, List<TraceEntry> entries) {

    public Trace {
        entries = List.copyOf(entries);
    }

    /** Reads a whole trace file. */
    public static Trace read(Path file) throws IOException {
        try (TraceReader r = Traces.open(file)) {
            List<TraceEntry> list = new ArrayList<>();
            TraceEntry e;
            while ((e = r.next()) != null) {
                list.add(e);
            }
            return new Trace(r.metadata(), list);
        }
    }

    /** Writes the trace as a native file. */
    public void write(Path file) throws IOException {
        try (TraceWriter w = Traces.create(file, metadata)) {
            for (TraceEntry e : entries) {
                w.write(e);
            }
        }
    }
}
