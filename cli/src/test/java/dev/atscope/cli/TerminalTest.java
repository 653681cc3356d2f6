package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * atscope on a real terminal: a pseudo-terminal made by util-linux's {@code script}, sized with
 * {@code stty}, with atscope in a JVM of its own. Colour and the progress display appear there,
 * NO_COLOR and --quiet take them away, and tables fit the terminal's width, not 80.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TerminalTest {

    @TempDir
    static Path dir;

    static Path index;

    @BeforeAll
    static void indexTheSamples() {
        index = dir.resolve("idx");
        assertThat(CliRun.of("index", "../samples/traces", "--index", index.toString()).code()).isZero();
    }

    /** Runs atscope on a terminal of the given width and returns all the terminal showed. */
    static String onTerminal(int columns, String env, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        StringBuilder cmd = new StringBuilder("stty cols " + columns + " rows 40; exec env -u COLUMNS " + env + " '" + java
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.atscope.cli.Main");
        for (String a : args) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        Path log = Files.createTempFile(dir, "terminal", ".txt");
        List<String> command = new ArrayList<>(List.of("script", "-q", "-e", "-c", cmd.toString(), log.toString()));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("atscope ended").isTrue();
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    @Test
    void searchIsBoldOnATerminalUnlessNoColorIsSet() throws Exception {
        String coloured = onTerminal(100, "TERM=xterm-256color", "search", "--index", index.toString(), "cmnet");
        assertThat(coloured).contains("\u001b[1mCMNET\u001b[0m");
        String plain = onTerminal(100, "TERM=xterm-256color NO_COLOR=1", "search", "--index", index.toString(), "cmnet");
        assertThat(plain).contains("CMNET").doesNotContain("\u001b[1m");
        String never = onTerminal(100, "TERM=xterm-256color", "search", "--color", "never", "--index", index.toString(),
                "cmnet");
        assertThat(never).contains("CMNET").doesNotContain("\u001b[1m");
    }

    @Test
    void theDecodeTableFillsTheTerminalsWidth() throws Exception {
        String wide = onTerminal(120, "TERM=xterm-256color", "decode", "../samples/traces/https-get.csv");
        List<String> lines = wide.lines().map(l -> l.replace("\r", "")).filter(l -> l.contains(" H>M ")).toList();
        assertThat(lines).hasSize(13).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        // at 120 columns the whole answer of the upload fits; at 80 it is cut
        assertThat(wide).contains("CONNECT | <57 bytes H>M> | OK");
        String narrow = onTerminal(80, "TERM=xterm-256color", "decode", "../samples/traces/https-get.csv");
        assertThat(narrow).doesNotContain("CONNECT | <57 bytes H>M> | OK").contains("CONNECT | <57 b~");
    }

    @Test
    void longWorkShowsProgressOnTheTerminalAndQuietDoesNot() throws Exception {
        Path big = dir.resolve("big.csv");
        assertThat(CliRun.of("generate", "--size", "10MB", "-o", big.toString()).code()).isZero();
        String shown = onTerminal(100, "TERM=xterm-256color", "check", big.toString());
        // a status line at the bottom: what, a bar, done of the total, the rate, the time left
        assertThat(shown).containsPattern("~[^ ]*big\\.csv \\[[# ]+\\] +\\d+%  [\\d.]+ (B|kB|MB) of [\\d.]+ MB, [\\d.]+ (B|kB|MB)/s");
        String quiet = onTerminal(100, "TERM=xterm-256color", "check", "--quiet", big.toString());
        assertThat(quiet).doesNotContain(" MB, ").doesNotContain("/s, ");
        // and nothing asked the terminal a question whose answer would be left in the shell's input
        assertThat(shown).doesNotContain("\u001b[6n").doesNotContain("\u001b[c");
    }

    @Test
    void progressToAFileOrPipeNeverAsksForATerminal() throws Exception {
        // a check of standard input that still reads after the quiet start, so it would draw progress;
        // with standard error in a file or a pipe, JLine (whose probe costs a fifth of a second) is never loaded
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> trace = Files.readAllLines(Path.of("../samples/traces/https-get.csv"));
        for (boolean pipe : new boolean[] {false, true}) {
            Path classes = Files.createTempFile(dir, "classes", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder b = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classes, "-cp",
                    System.getProperty("java.class.path"), "dev.atscope.cli.Main", "check", "-")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (!pipe) {
                b.redirectError(err.toFile());
            }
            Process p = b.start();
            try (var in = p.getOutputStream()) {
                in.write((String.join("\n", trace.subList(0, 8)) + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                // the progress display's clock starts when the check opens its input: wait for that, then past
                // its quiet start
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(classes).contains("dev.atscope.cli.ProgressDisplay")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(ProgressDisplay.QUIET_START_NANOS / 1_000_000 + 500);
                in.write((String.join("\n", trace.subList(8, trace.size())) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (pipe) {
                p.getErrorStream().transferTo(OutputStream.nullOutputStream());
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("atscope ended").isTrue();
            assertThat(p.exitValue()).as("warnings only: exit 0").isZero();
            String loaded = Files.readString(classes);
            assertThat(loaded).as("the check ran").contains("dev.atscope.cli.ProgressDisplay");
            assertThat(loaded).as(pipe ? "standard error a pipe" : "standard error a file").doesNotContain("org.jline");
        }
        assertThat(Screen.mayBeTerminal("/dev/pts/3")).isTrue();
        assertThat(Screen.mayBeTerminal("/dev/tty1")).isTrue();
        assertThat(Screen.mayBeTerminal("pipe:[4026]")).isFalse();
        assertThat(Screen.mayBeTerminal("socket:[77]")).isFalse();
        assertThat(Screen.mayBeTerminal("/dev/null")).isFalse();
        assertThat(Screen.mayBeTerminal("/tmp/atscope.log")).isFalse();
    }
}
