package dev.atscope.cli;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.protocol.ProtocolRegistry;
import picocli.CommandLine.Option;

/**
 * Which vendor library a command reads traces with, shared by the commands that decode: add
 * {@code @Mixin LibraryOption library;} and read each trace with {@link #selection}.
 */
final class LibraryOption {

    @Option(names = "--library", paramLabel = "ID", description = "read traces with this vendor library instead of"
            + " choosing it from each trace's traffic (see 'atscope libraries')")
    String id;

    /**
     * A fresh selection for one trace.
     *
     * @throws AbstractCommand.UsageException when no such vendor library is loaded
     */
    LibrarySelection selection(ProtocolRegistry registry) {
        try {
            return new LibrarySelection(registry, id);
        } catch (IllegalArgumentException e) {
            throw new AbstractCommand.UsageException("--library: " + e.getMessage());
        }
    }
}
