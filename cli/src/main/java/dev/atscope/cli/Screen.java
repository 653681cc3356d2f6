package dev.atscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What standard output and standard error are attached to, as JLine sees them: a terminal and its
 * width, or a pipe or file. JLine is asked only when the answer can be a terminal (it costs a few
 * hundred milliseconds), so scripts and pipes pay nothing.
 */
final class Screen {

    /** The width of output that goes to no terminal, or to one whose width is unknown. */
    static final int DEFAULT_WIDTH = 80;

    /** The environment; tests give their own. */
    static volatile Map<String, String> environment = System.getenv();

    private static Terminal stdout;
    private static boolean stdoutAsked;
    private static Terminal stderr;
    private static final int STDERR = 2;
    private static boolean stderrAsked;

    private Screen() {}

    /** Whether standard output is a terminal. */
    static boolean stdoutIsTerminal() {
        return stdoutTerminal() != null;
    }

    /**
     * The columns output should fit in: {@code COLUMNS} when set, else the terminal's width, else
     * {@value #DEFAULT_WIDTH}.
     */
    static int width() {
        String columns = environment.get("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.strip());
                if (n >= 20) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: ask the terminal
            }
        }
        Terminal t = stdoutTerminal();
        int w = t == null ? 0 : t.getSize().getColumns();
        return w >= 20 ? w : DEFAULT_WIDTH;
    }

    /** Whether the user asked for no colour ({@code NO_COLOR} set and not empty, or a dumb terminal). */
    static boolean colorRefused() {
        String no = environment.get("NO_COLOR");
        return no != null && !no.isEmpty() || "dumb".equals(environment.get("TERM"));
    }

    /** The terminal standard error is attached to, or null when it is not a terminal. */
    static synchronized Terminal stderrTerminal() {
        if (!stderrAsked) {
            stderrAsked = true;
            Terminal out = stdoutAsked ? stdout : null;
            if (out != null) {
                // JLine keeps one system terminal: when standard output has it, standard error shares it if it
                // is a terminal too (then the same one, as far as a person can tell)
                stderr = stderrIsTerminal() ? out : null;
            } else {
                stderr = mayBeTerminal(STDERR) ? open(TerminalBuilder.SystemOutput.SysErr) : null;
            }
        }
        return stderr;
    }

    /**
     * Whether a standard stream may be a terminal, from what the system shows its descriptor to be
     * ({@code /proc/self/fd/N} on Linux): a pipe, a socket, a file or {@code /dev/null} is not, and
     * then JLine is not asked at all (its probe costs the thread that asks a fifth of a second).
     * True where the system does not tell.
     */
    static boolean mayBeTerminal(int fd) {
        try {
            return mayBeTerminal(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException | InvalidPathException e) {
            return true;
        }
    }

    /** Whether a descriptor pointing at {@code target} may be a terminal: a device, other than the null device. */
    static boolean mayBeTerminal(String target) {
        return target.startsWith("/dev/") && !target.equals("/dev/null");
    }

    private static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("jni").isSystemStream(SystemStream.Error);
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static synchronized Terminal stdoutTerminal() {
        if (!stdoutAsked) {
            stdoutAsked = true;
            // Java's console exists only when standard input and output are both terminals: a cheap first test
            stdout = System.console() == null ? null : open(TerminalBuilder.SystemOutput.SysOut);
        }
        return stdout;
    }

    private static Terminal open(TerminalBuilder.SystemOutput stream) {
        try {
            // paused and without the grapheme probe, JLine never reads standard input (it may be the trace)
            // and sends the terminal no queries whose answers would end up typed into the shell
            Terminal t = TerminalBuilder.builder().system(true).systemOutput(stream).dumb(true).paused(true)
                    .graphemeCluster(false).nativeSignals(false).build();
            if (t.getType().startsWith(Terminal.TYPE_DUMB)) {
                t.close();
                return null;
            }
            return t;
        } catch (IOException | RuntimeException e) {
            return null; // no usable terminal: behave as for a pipe
        }
    }
}
