package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are no trace, or that break in the middle, say where and what was expected. */
class BadInputTest {

    @TempDir
    Path dir;

    static TraceReader open(String text, ImportOptions o) throws IOException {
        return TraceImports.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "log.txt", o);
    }

    @Test
    void aFileWithNoAtTrafficSaysSoInOneLineAndNamesTheNearestLayout() {
        String text = "shopping list\neggs\nmilk\n";
        assertThatThrownBy(() -> open(text, ImportOptions.defaults()))
                .isInstanceOf(TraceFormatException.class)
                // the first line says it (what the command line prints); the formats tried follow for --verbose
                .hasMessageStartingWith("log.txt: no AT traffic in it (no command line such as AT+CGMI, no result such"
                        + " as OK); the nearest layout is transcript (line 1: no AT command line; expected a transcript"
                        + " with commands such as AT+CGMI); tried:\n")
                .hasMessageContaining("\n  socat: line 1: 'shopping list'");
    }

    @Test
    void aFileWithTrafficInNoLayoutNamesEveryFormatTriedWithItsFirstFailingLine() {
        // answers without a command: traffic, but no layout reads it
        String text = "+CSQ: 20,99\nOK\n";
        assertThatThrownBy(() -> open(text, ImportOptions.defaults()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("log.txt: not a trace in any format atscope reads; tried:")
                .hasMessageContaining("  native: line 1: expected '# atscope-trace: 1'")
                .hasMessageContaining("  socat: line 1: '+CSQ: 20,99'; expected socat block header")
                .hasMessageContaining("  interceptty: line 1: '+CSQ: 20,99'; expected interceptty byte line")
                .hasMessageContaining("  umockdev: line 1:")
                .hasMessageContaining("  modemmanager: line 1: no ModemManager line")
                .hasMessageContaining("  transcript: line 1: no AT command line")
                .hasMessageContaining("(force one with --format)");
    }

    @Test
    void aLogThatBreaksInTheMiddleSaysFileLineAndWhatWasExpected() throws IOException {
        String text = "w 0 AT^M\nr 5 AT^M^M^JOK^M^J\nwhat is this\nw 100 AT+CGMI^M\n";
        try (TraceReader r = open(text, ImportOptions.defaults())) {
            assertThat(r.next()).isNotNull();
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).isInstanceOf(TraceFormatException.class)
                    .hasMessage("log.txt:3: 'what is this'; expected an operation 'r <ms> <data>', 'w <ms> <data>',"
                            + " 'f <percent> -' or 'Q'");
        }
    }

    @Test
    void keepGoingImportsWhatItCanAndMarksTheGap() throws IOException {
        String text = "w 0 AT^M\nr 5 AT^M^M^JOK^M^J\nwhat is this\nw 100 AT+CGMI^M\n";
        try (TraceReader r = open(text, ImportOptions.defaults().withFormat(TraceFormat.UMOCKDEV).withKeepGoing(true))) {
            List<TraceEntry> all = ShortSession.readAll(r);
            assertThat(all).hasSize(4);
            Marker gap = (Marker) all.get(2);
            assertThat(gap.kind()).isEqualTo(Marker.Kind.GAP);
            assertThat(gap.line()).isEqualTo(3);
            assertThat(gap.text()).contains("log.txt:3: 'what is this'");
            assertThat(all.get(3).toString()).contains("AT+CGMI");
            assertThat(r.warnings()).singleElement().asString().startsWith("log.txt:3: 'what is this'")
                    .endsWith("skipped up to the next line (--keep-going)");
        }
    }

    @Test
    void aRunOfBrokenLinesIsOneGap() throws IOException {
        String text = "w 0 AT^M\nxx\nyy\nzz\nr 5 AT^M^M^JOK^M^J\n";
        try (TraceReader r = open(text, ImportOptions.defaults().withFormat(TraceFormat.UMOCKDEV).withKeepGoing(true))) {
            List<TraceEntry> all = ShortSession.readAll(r);
            assertThat(all).hasSize(3);
            assertThat(((Marker) all.get(1)).line()).isEqualTo(2);
            assertThat(r.warnings()).singleElement().asString().startsWith("log.txt:2: 'xx'")
                    .endsWith("(and up to line 4); skipped (--keep-going)");
        }
    }

    @Test
    void aSocatBlockCutShortByTheEndOfTheFileIsAnError() {
        String text = "> 2026/11/23 10:00:00.000100  length=13 from=0 to=12\nAT+CG";
        assertThatThrownBy(() -> ShortSession.readAll(open(text, ImportOptions.defaults().withFormat(TraceFormat.SOCAT))))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("the file ends after 5 of the block's 13 bytes");
    }

    @Test
    void aForcedFormatReadsWhatDetectionWouldNot() throws IOException {
        // detection would read this too; forcing the format skips detection altogether
        String text = ">> AT+CGMI\n<< Quectel\n<< OK\n";
        try (TraceReader r = open(text, ImportOptions.defaults().withFormat(TraceFormat.PREFIXED))) {
            assertThat(ShortSession.transactions(ShortSession.readAll(r), false))
                    .containsExactly("AT+CGMI | RESPONSE Quectel | OK | OK");
        }
    }

    @Test
    void aUserPatternFileAddsALayout() throws IOException {
        Path patterns = dir.resolve("patterns.json");
        Files.writeString(patterns, """
                {"patterns": [{"name": "gsm-task", "regex": "^gsm: (?<dir>out|in) \\\\| (?<data>.*)$",
                               "host": ["out"], "module": ["in"]}]}""");
        String text = "boot\ngsm: out | AT+CGMI\ngsm: in | Quectel\ngsm: in | OK\n";
        ImportOptions o = new ImportOptions(null, false, PrefixPatterns.withFile(patterns));
        try (TraceReader r = open(text, o)) {
            assertThat(r.metadata().tags()).containsEntry("imported-from", "prefixed");
            assertThat(ShortSession.transactions(ShortSession.readAll(r), false))
                    .containsExactly("AT+CGMI | RESPONSE Quectel | OK | OK");
            assertThat(r.warnings()).singleElement().asString()
                    .contains("1 line was not AT traffic and was left out (1 lines without a marker");
        }
    }

    @Test
    void aPatternFileWithoutTheNamedGroupsIsRefused() throws IOException {
        Path patterns = dir.resolve("bad.json");
        Files.writeString(patterns, "{\"patterns\": [{\"name\": \"x\", \"regex\": \"^(.*)$\", \"host\": [], \"module\": []}]}");
        assertThatThrownBy(() -> PrefixPatterns.withFile(patterns)).hasMessageContaining("bad.json: pattern x needs the named groups");
    }

    @Test
    void theNativeFormatStaysTheFastPathAndNamesItsOwnFaults() throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT\\r\nbad,H>M,data,x\n1,M>H,data,OK\n");
        try (TraceReader r = Traces.open(file)) {
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).hasMessageContaining("t.csv:4: time_us 'bad' is not a whole number");
        }
    }
}
