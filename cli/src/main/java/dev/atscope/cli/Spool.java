package dev.atscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one trace's work printed while another trace's output was still being shown: kept in
 * memory up to {@link #IN_MEMORY} characters, the rest in a temporary file, so that a folder's
 * outputs come out in order without holding a large output in memory.
 */
final class Spool extends Writer {

    /** Characters kept in memory before the spool moves to a temporary file. */
    static final int IN_MEMORY = 1 << 20;
    private final StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer fileOut;

    /** A printer into this spool. */
    PrintWriter printer() {
        return new PrintWriter(this);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        if (fileOut == null && memory.length() + len > IN_MEMORY) {
            file = Files.createTempFile("atscope-", ".out");
            fileOut = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            fileOut.append(memory);
            memory.setLength(0);
            memory.trimToSize();
        }
        if (fileOut != null) {
            fileOut.write(buf, off, len);
        } else {
            memory.append(buf, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    /** Writes everything spooled to {@code to}, in order, and frees the spool (its file deleted). */
    void drainTo(PrintWriter to) {
        try {
            if (fileOut != null) {
                fileOut.close();
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    in.transferTo(to);
                }
            } else {
                to.append(memory);
            }
            to.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a folder's output could not be read back from " + file, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        memory.setLength(0);
        try {
            if (fileOut != null) {
                fileOut.close();
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind: the system's temporary folder is cleaned by others
        }
        fileOut = null;
    }
}
