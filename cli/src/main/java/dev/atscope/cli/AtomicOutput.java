package dev.atscope.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that appears only when complete: written under a hidden temporary name beside it, moved
 * into place by {@link #commit()}, and deleted on close when not committed, so that a failed or
 * interrupted run leaves nothing that looks whole.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    AtomicOutput(Path target) {
        this.target = target.toAbsolutePath();
        if (!Files.isDirectory(this.target.getParent())) {
            throw new AbstractCommand.UsageException(target + ": the folder " + this.target.getParent() + " does not exist");
        }
        // not createTempFile: its owner-only mode would stay on the finished file
        this.temporary = this.target.resolveSibling("." + this.target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".partial");
    }

    /** Where to write. */
    Path temporary() {
        return temporary;
    }

    /** Moves the finished file into place, replacing what was there. */
    void commit() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }
}
