package dev.atscope.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file a command writes, checked before any work starts so that a user's file is never lost and
 * a mistake is said at once: its folder must exist, it must not be one of the inputs, and it must
 * not exist unless {@code --force} is given. {@code -} is standard output where the output is a
 * stream. A file appears only once complete ({@link AtomicOutput}) and follows the umask.
 */
final class OutputFile implements AutoCloseable {

    private final Path path;
    private AtomicOutput atomic;

    private OutputFile(Path path) {
        this.path = path;
    }

    /**
     * Checks an output before anything starts.
     *
     * @param spec the file, or {@code -} for standard output
     * @param option how the command line names it ({@code -o}), for messages
     * @param stream whether {@code -} may stand for standard output
     * @param inputs what the command reads: none of it may be overwritten
     * @throws AbstractCommand.UsageException saying what is wrong, naming the file
     */
    static OutputFile check(String spec, String option, boolean stream, boolean force, Collection<TraceSource> inputs) {
        if (spec.equals("-")) {
            if (!stream) {
                throw new AbstractCommand.UsageException(option + " -: this output is a file, not a stream");
            }
            return new OutputFile(null);
        }
        Path p = Path.of(spec);
        String name = TerminalText.safe(spec);
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new AbstractCommand.UsageException(name + ": the folder " + TerminalText.safe(dir.toString())
                    + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw new AbstractCommand.UsageException(name + ": is a folder; " + option + " names a file");
        }
        for (TraceSource in : inputs) {
            if (!in.isStdin() && same(p, in.path())) {
                throw new AbstractCommand.UsageException(name + ": is also an input; write the output elsewhere");
            }
        }
        if (Files.exists(p) && !force) {
            throw new AbstractCommand.UsageException(name + ": exists; give --force to replace it");
        }
        return new OutputFile(p);
    }

    /**
     * The output of each input of a command that converts traces one by one: one trace named
     * directly goes to {@code spec} itself; several traces, or a folder of them, go into the folder
     * {@code spec}, each under its path below its folder with the extension changed. Every output
     * is checked before any work starts.
     *
     * @param args the command's trace arguments (to tell a folder from a file)
     * @param extension the extension of the outputs, with its dot ({@code .html})
     */
    static Map<TraceSource, OutputFile> perInput(List<String> args, List<TraceSource> sources, String spec,
            String option, String extension, boolean stream, boolean force) {
        boolean folderGiven = args.stream().anyMatch(a -> !a.equals("-") && Files.isDirectory(Path.of(a)));
        Map<TraceSource, OutputFile> plan = new LinkedHashMap<>();
        if (!folderGiven && sources.size() == 1) {
            plan.put(sources.get(0), check(spec, option, stream, force, sources));
            return plan;
        }
        if (sources.isEmpty()) {
            throw new AbstractCommand.UsageException("no traces found in " + TerminalText.safe(String.join(" ", args)));
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new AbstractCommand.UsageException(option + " " + TerminalText.safe(spec) + ": with several traces"
                    + " (or a folder), " + option + " names an existing folder to write one output each into");
        }
        for (TraceSource s : sources) {
            String rel = s.relative().toString();
            int dot = rel.lastIndexOf('.');
            String stem = dot > rel.lastIndexOf('/') + 1 ? rel.substring(0, dot) : rel;
            Path target = dir.resolve(stem + extension);
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new AbstractCommand.UsageException(TerminalText.safe(target.getParent().toString())
                        + ": cannot create the folder: " + e.getMessage());
            }
            plan.put(s, check(target.toString(), option, false, force, sources));
        }
        return plan;
    }

    /** Whether the output is standard output. */
    boolean isStdout() {
        return path == null;
    }

    /** The file, or null for standard output. */
    Path path() {
        return path;
    }

    /** The name messages use. */
    String name() {
        return path == null ? "<stdout>" : TerminalText.safe(path.toString());
    }

    /**
     * Where to write: the temporary file that {@link #commit()} moves into place.
     *
     * @throws IllegalStateException for standard output
     */
    Path temporary() {
        if (path == null) {
            throw new IllegalStateException("standard output has no file");
        }
        if (atomic == null) {
            atomic = new AtomicOutput(path);
        }
        return atomic.temporary();
    }

    /** A stream to write to; closing it leaves standard output open. */
    OutputStream open() throws IOException {
        if (path == null) {
            return new FilterOutputStream(System.out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newOutputStream(temporary());
    }

    /** Moves the finished file into place. */
    void commit() throws IOException {
        if (atomic != null) {
            atomic.commit();
        }
    }

    @Override
    public void close() throws IOException {
        if (atomic != null) {
            atomic.close();
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // compare the names instead
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
