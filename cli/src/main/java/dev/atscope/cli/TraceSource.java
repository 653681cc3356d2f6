package dev.atscope.cli;

import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.TraceImports;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One trace a command reads: a file named on the command line or found in a folder, or standard
 * input ({@code -}). Opening it checks what the path is first, so that every failure names the file
 * and says why, and nothing waits for ever: a folder, a missing file, a FIFO or device (whose
 * format cannot be detected, as detection would have to read it twice), an empty file.
 *
 * @param path the file, or null for standard input
 * @param relative the path below the folder it was found in (the file name for a file named
 *     directly), for naming an output after it
 */
record TraceSource(Path path, Path relative) {

    /** Standard input. */
    static final TraceSource STDIN = new TraceSource(null, Path.of("stdin"));

    /** A file named on the command line. */
    static TraceSource of(Path file) {
        Path name = file.getFileName();
        return new TraceSource(file, name == null ? file : name);
    }

    boolean isStdin() {
        return path == null;
    }

    /** The name messages use, safe to print on a terminal. */
    String name() {
        return path == null ? "<stdin>" : TerminalText.safe(path.toString());
    }

    /** The size in bytes when known (a regular file), else -1. */
    long size() {
        try {
            return path != null && Files.isRegularFile(path) ? Files.size(path) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Opens the trace for streaming.
     *
     * @param bytesRead told how many bytes were read, as they are read (for progress)
     * @throws TraceFormatException when it is no trace (the reason names the file)
     * @throws NoSuchFileException, AccessDeniedException when it cannot be opened
     */
    TraceReader open(ImportOptions options, LongConsumer bytesRead) throws IOException {
        if (path == null) {
            return TraceImports.open(new Counting(System.in, bytesRead), name(), options);
        }
        String name = name();
        if (Files.isDirectory(path)) {
            throw refused("is a folder, not a trace");
        }
        if (!Files.exists(path)) {
            throw Files.isSymbolicLink(path) ? refused("a link to " + TerminalText.safe(
                    Files.readSymbolicLink(path).toString()) + ", which does not exist")
                    : new NoSuchFileException(name);
        }
        if (!Files.isRegularFile(path)) {
            if (options.format() == null) {
                throw refused("not a regular file (a FIFO, socket or device): its format cannot be detected, as"
                        + " that reads the start twice; name the format with --format to stream it");
            }
            // FileInputStream, not Files.newInputStream: the channel's stream tries to seek a FIFO
            return TraceImports.open(new Counting(new FileInputStream(path.toFile()), bytesRead), name, options);
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(name);
        }
        if (Files.size(path) == 0) {
            throw refused("an empty file");
        }
        InputStream in = Files.newInputStream(path);
        return TraceImports.open(new Counting(in, bytesRead), name, options);
    }

    /** Reads the whole trace into memory: a recording to replay or to answer from. */
    Trace read(ImportOptions options) throws IOException {
        try (TraceReader reader = open(options, n -> { })) {
            List<TraceEntry> entries = new ArrayList<>();
            TraceEntry e;
            while ((e = reader.next()) != null) {
                entries.add(e);
            }
            return new Trace(reader.metadata(), entries);
        }
    }

    private TraceFormatException refused(String why) {
        return new TraceFormatException(new SourceLocation(name(), -1), why);
    }

    /** Passes on the bytes read to a counter. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer counter;

        Counting(InputStream in, LongConsumer counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }
    }
}
