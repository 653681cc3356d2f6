package dev.atscope.core.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens trace files by path; {@code -} stands for standard input. */
public final class Traces {

    private Traces() {}

    /**
     * Opens a native trace for streaming.
     *
     * @throws TraceFormatException when the file is not a native trace
     * @throws NoSuchFileException when there is no such file
     */
    public static TraceReader open(String path) throws IOException {
        if ("-".equals(path)) {
            return new TraceCsvReader(new BufferedInputStream(System.in), "<stdin>");
        }
        return open(Path.of(path));
    }

    /** Opens a native trace file for streaming. */
    public static TraceReader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return new TraceCsvReader(in, path.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
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
