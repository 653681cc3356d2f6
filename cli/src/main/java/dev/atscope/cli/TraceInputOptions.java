package dev.atscope.cli;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.LayoutHints;
import dev.atscope.core.trace.imports.PrefixPatterns;
import dev.atscope.core.trace.imports.TraceFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a command reads its traces, shared by every command that reads one: add {@code @Mixin
 * TraceInputOptions input;}, turn the arguments into {@link TraceSource}s with {@link #sources} and
 * run the work on each with {@link #forEach}. Files and folders (recursively, filtered by {@code
 * --include}/{@code --exclude}) and {@code -} for standard input are accepted alike; a trace that
 * cannot be read is reported in one line and the others are still read.
 */
final class TraceInputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "read traces in this format instead of detecting it: ${COMPLETION-CANDIDATES}")
    String format;

    @Option(names = "--keep-going", description = "on a line that breaks the format, import what can be read and"
            + " mark the gap instead of stopping")
    boolean keepGoing;

    @Option(names = "--patterns", paramLabel = "FILE", description = "extra line patterns for home-grown logs"
            + " (JSON, see docs/field-logs.md); default ~/.config/atscope/patterns.json when present")
    Path patterns;

    @Option(names = "--host-marker", paramLabel = "MARKER", description = "in a home-grown log, the marker of the"
            + " host's lines as the log prints it (e.g. '<-'), where learning it from the lines is not sure")
    String hostMarker;

    @Option(names = "--time", paramLabel = "HOW", description = "how to read a text log's time: auto (learned),"
            + " none (ignore it), or the unit of a bare count at the end of each line: s, ms, us")
    String time;
    @Option(names = "--include", paramLabel = "GLOB", description = "in folders, read only files whose name or path"
            + " below the folder matches (repeatable): '*.csv', '**/uart*.log'")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "in folders, skip files whose name or path below the"
            + " folder matches (repeatable): '*.html', 'attachments/**'")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "say all about a file that is not read: what each format"
            + " found in it")
    boolean verbose;

    /**
     * The import options these flags stand for.
     *
     * @throws AbstractCommand.UsageException for an unknown format
     * @throws IOException when the pattern file cannot be read
     */
    ImportOptions options() throws IOException {
        TraceFormat f = null;
        if (format != null) {
            try {
                f = TraceFormat.byId(format);
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("--format: " + e.getMessage());
            }
        }
        PrefixPatterns p = patterns == null ? PrefixPatterns.standard() : PrefixPatterns.withFile(patterns);
        LayoutHints.TimeHint t = LayoutHints.TimeHint.AUTO;
        if (time != null) {
            try {
                t = LayoutHints.TimeHint.byName(time);
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("--time: " + e.getMessage());
            }
        }
        return new ImportOptions(f, keepGoing, p, ProtocolRegistry.loadDefault(), new LayoutHints(hostMarker, t));
    }

    /**
     * The traces the arguments name: {@code -} is standard input, a folder stands for the files
     * below it (hidden ones aside, sorted, filtered by the globs), anything else for itself, so that
     * a missing file is reported when it is read. Files named directly are never filtered.
     *
     * @throws AbstractCommand.UsageException for a folder with no file to read
     */
    List<TraceSource> sources(List<String> args) throws IOException {
        List<PathMatcher> in = matchers(include);
        List<PathMatcher> out = matchers(exclude);
        List<TraceSource> all = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                all.add(TraceSource.STDIN);
                continue;
            }
            Path p = Path.of(arg);
            if (!Files.isDirectory(p)) {
                all.add(TraceSource.of(p));
                continue;
            }
            List<TraceSource> found = new ArrayList<>();
            Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(p) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path rel = p.relativize(file);
                    if (!hidden(file) && (in.isEmpty() || matches(in, rel)) && !matches(out, rel)) {
                        found.add(new TraceSource(file, rel));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable folder or a loop of links: reported when it is read
                    if (!hidden(file)) {
                        found.add(new TraceSource(file, p.relativize(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            if (found.isEmpty()) {
                // a folder with nothing to read is a wrong folder, not a clean one
                throw new AbstractCommand.UsageException(TerminalText.safe(arg) + ": no files in this folder"
                        + (include.isEmpty() && exclude.isEmpty() ? "" : " that --include and --exclude let through")
                        + "; expected traces or logs in it or below it");
            }
            found.sort((a, b) -> a.path().compareTo(b.path()));
            all.addAll(found);
        }
        return all;
    }

    /**
     * The one trace a command that reads a single trace is given.
     *
     * @throws AbstractCommand.UsageException for a folder
     */
    TraceSource one(String arg, String command) {
        if (arg.equals("-")) {
            return TraceSource.STDIN;
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            throw new AbstractCommand.UsageException(TerminalText.safe(arg) + ": is a folder; " + command
                    + " reads one trace");
        }
        return TraceSource.of(p);
    }

    /** Work on one trace; returns an exit code (0 ok, 1 findings). */
    @FunctionalInterface
    interface TraceWork {
        int run(TraceSource source) throws IOException;
    }

    /**
     * Runs the work on each trace. A trace that cannot be read is reported on {@code err} in one line
     * ({@code atscope: FILE: why}, every format's reason only with --verbose) and the others are
     * still read.
     *
     * @return the worst exit code seen: 2 when a trace could not be read, else the work's worst
     */
    int forEach(List<TraceSource> sources, PrintWriter err, TraceWork work) throws IOException {
        int worst = AbstractCommand.OK;
        for (TraceSource s : sources) {
            int code;
            try {
                code = work.run(s);
            } catch (IOException | UncheckedIOException e) {
                err.println("atscope: " + message(e, verbose));
                err.flush();
                code = AbstractCommand.BAD_INPUT;
            }
            worst = Math.max(worst, code);
        }
        return worst;
    }

    /**
     * What went wrong reading a trace, naming the file: its first line, or all of it when verbose
     * (detection lists every format it tried).
     */
    static String message(Exception e, boolean verbose) {
        String m;
        if (e instanceof UncheckedIOException u) {
            return message(u.getCause(), verbose);
        } else if (e instanceof NoSuchFileException n) {
            m = TerminalText.safe(n.getFile()) + ": no such file";
        } else if (e instanceof AccessDeniedException a) {
            m = TerminalText.safe(a.getFile()) + ": permission denied";
        } else if (e instanceof FileSystemException f) {
            m = TerminalText.safe(f.getFile()) + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        } else if (e instanceof TraceFormatException) {
            m = e.getMessage();
        } else {
            m = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        int nl = m.indexOf('\n');
        if (verbose || nl < 0) {
            return m;
        }
        String first = m.substring(0, nl);
        if (first.endsWith("; tried:")) {
            return first.substring(0, first.length() - "; tried:".length()) + " (--verbose says what each format found)";
        }
        return first + " (--verbose says more)";
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> m = new ArrayList<>();
        for (String g : globs) {
            try {
                m.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("bad glob '" + g + "': " + e.getMessage());
            }
        }
        return m;
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative) || m.matches(relative.getFileName())) {
                return true;
            }
        }
        return false;
    }

    /** The format names, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TraceFormat.values()).map(TraceFormat::id).iterator();
        }
    }
}
