package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atscope import --explain}: the layout learned from a log, for a person; and the one line of
 * warning every command prints when the layout is a guess, naming the option that settles it.
 */
class ExplainCommandTest {

    static final Path CORPUS = Path.of("../samples/field-logs");

    @TempDir
    Path dir;

    @Test
    void explainsWhichArrowIsTheHostAndWhy() throws Exception {
        CliRun r = CliRun.of("import", "--explain", CORPUS.resolve("wiolte-34-ec21-reversed-arrows.log").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  format: prefixed\n")
                .containsPattern("  side: <- is the host \\(\\d+ lines: \\d+ commands, 0 results; its lines are command"
                        + " lines and never results\\)")
                .containsPattern("  side: -> is the module \\(\\d+ lines: 0 commands, \\d+ results; its lines include final"
                        + " results");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void explainsAnArduinoMonitorTranscriptItsTimeAndTheLinesLeftOut() throws Exception {
        CliRun r = CliRun.of("import", "--explain", CORPUS.resolve("tinygsm-157-bg96-serial-monitor.log").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  format: transcript\n").contains("  time: a stamp at the start of each line\n")
                .contains("  stripped: the prefix '->' that every line repeats (no direction: a transcript)\n")
                .containsPattern("  left out: \\d+ lines the host program printed [^\\n]*, e\\.g\\. line \\d+: '")
                .contains("  sure: yes\n");
    }

    @Test
    void explainsAnUploadThatTheLogShowsOnlyAsAPlaceholder() throws Exception {
        CliRun r = CliRun.of("import", "--explain", CORPUS.resolve("wiolte-34-ec21-qisend-binary.log").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  side: <- is the host (")
                .contains("  left out: 1 placeholders the log shows in place of an upload, e.g. line 13: '<- (binary)'\n")
                .contains("  time: none: made-up times 1 ms apart keep only the order\n");
    }

    @Test
    void explainsATimeGivenOnALineOfItsOwnAndUnmarkedModuleLines() throws Exception {
        CliRun r = CliRun.of("import", "--explain", CORPUS.resolve("esp-at-388-python-bytes-chinese.log").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  time: a time on a line of its own before what was received, carried to the lines"
                + " after it\n")
                .contains("  side: (no marker) is the module (")
                .containsPattern("  left out: 20 lines that give the time of the lines after them, e\\.g\\. line 2: '");
    }

    @Test
    void explainsAToolsFormatToo() throws Exception {
        CliRun r = CliRun.of("import", "--explain", CORPUS.resolve("ppp-347-chat-syslog-priority.log").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  format: chat\n")
                .contains("  side: send is the host")
                .contains("  time: the syslog stamp at the start of the line (whole seconds)\n")
                .containsPattern("  left out: \\d+ chat's own remarks");
    }

    @Test
    void anUnsureLayoutIsOneWarningLineNamingTheOptionAndTheOptionSettlesIt() throws Exception {
        Path log = dir.resolve("counts.log");
        Files.writeString(log, "<- AT+CSQ (20732)\n-> +CSQ: 20,99 (20736)\n-> OK (20737)\n");
        CliRun decode = CliRun.of("decode", log.toString());
        assertThat(decode.code()).isZero();
        assertThat(decode.err().lines().filter(l -> l.contains("the layout is a guess"))).singleElement().asString()
                .startsWith("atscope: warning: " + log + ": the layout is a guess: ").contains("--time s");
        CliRun told = CliRun.of("decode", "--time", "ms", log.toString());
        assertThat(told.err()).doesNotContain("the layout is a guess");
        CliRun explained = CliRun.of("import", "--explain", "--time", "ms", log.toString());
        assertThat(explained.out()).contains("a count read as milliseconds\n").contains("  sure: yes\n");
    }

    @Test
    void importWithoutAnOutputOrExplainIsAUsageError() throws Exception {
        CliRun r = CliRun.of("import", CORPUS.resolve("wiolte-34-ec21-reversed-arrows.log").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-o TRACE is needed (or --explain");
    }
}
