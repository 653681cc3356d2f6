package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens trace files by path; {@code -} stands for standard input. Any format atscope reads is
 * accepted (see {@link TraceFormat}), detected from the first part of the content unless forced.
 * Text logs are framed with the response model of the options ({@link ImportOptions#model()}),
 * which the caller supplies: this layer does not load protocol libraries.
 */
public final class Traces {

    private Traces() {}

    /**
     * Opens a trace for streaming, detecting its format.
     *
     * @throws TraceFormatException when the file is in no format atscope reads
     * @throws NoSuchFileException when there is no such file
     */
    public static TraceReader open(String path) throws IOException {
        return open(path, ImportOptions.defaults());
    }

    /** Opens a trace for streaming, in the format the options force or else the detected one. */
    public static TraceReader open(String path, ImportOptions options) throws IOException {
        if ("-".equals(path)) {
            return TraceImports.open(System.in, "<stdin>", options);
        }
        return open(Path.of(path), options);
    }

    /** Opens a trace file for streaming, detecting its format. */
    public static TraceReader open(Path path) throws IOException {
        return open(path, ImportOptions.defaults());
    }

    /** Opens a trace file for streaming in a forced format (null to detect). */
    public static TraceReader open(Path path, TraceFormat format) throws IOException {
        return open(path, ImportOptions.defaults().withFormat(format));
    }

    /** Opens a trace file for streaming with the given options. */
    public static TraceReader open(Path path, ImportOptions options) throws IOException {
        InputStream in = Files.newInputStream(path);
        return TraceImports.open(in, path.toString(), options);
    }

    /** Reads a whole trace file of any format into memory (small traces, tests, replay). */
    public static Trace read(Path path, ImportOptions options) throws IOException {
        try (TraceReader r = open(path, options)) {
            List<TraceEntry> list = new ArrayList<>();
            TraceEntry e;
            while ((e = r.next()) != null) {
                list.add(e);
            }
            return new Trace(r.metadata(), list);
        }
    }

    /** Creates (or replaces) a native trace file. */
    public static TraceWriter create(Path path, TraceMetadata metadata) throws IOException {
        OutputStream out = Files.newOutputStream(path);
        try {
            return new TraceCsvWriter(out, metadata);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
