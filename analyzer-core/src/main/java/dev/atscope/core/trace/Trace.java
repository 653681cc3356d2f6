package dev.atscope.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
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

    /** Reads a whole native trace file (any other format: {@code Traces.read} of the importers). */
    public static Trace read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); TraceReader r = new TraceCsvReader(in, file.toString())) {
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
        try (OutputStream out = Files.newOutputStream(file); TraceWriter w = new TraceCsvWriter(out, metadata)) {
            for (TraceEntry e : entries) {
                w.write(e);
            }
        }
    }
}
