package dev.atscope.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading format of the field-log corpus: what it accepts, and where it says a reading is broken. */
class FieldLogReadingTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("some-log.reading"), text);
    }

    @Test
    void readsHeaderCommandsAlternativesAndFacts() throws IOException {
        FieldLogReading r = FieldLogReading.parse(write("""
                source: https://example.org/thread
                layout: plain transcript
                time: no (none in the log)
                status: wrong: refused

                # a comment
                ok AT+CPIN?
                    answer: +CPIN: READY
                error/no-response AT+CWJAP="a b","c"
                    cme: operation not allowed
                """));
        assertThat(r.name()).isEqualTo("some-log");
        assertThat(r.timeInLog()).isFalse();
        assertThat(r.right()).isFalse();
        assertThat(r.knownWrong()).isEqualTo("refused");
        assertThat(r.commands()).hasSize(2);
        assertThat(r.commands().get(1).command()).isEqualTo("AT+CWJAP=\"a b\",\"c\"");
        assertThat(r.commands().get(1).outcomes()).containsExactlyInAnyOrder("error", "no-response");
        assertThat(r.commands().get(1).facts()).containsExactly(Map.entry("cme", "operation not allowed"));
    }

    @Test
    void anUnknownOutcomeNamesTheLine() throws IOException {
        Path p = write("source: s\nlayout: l\ntime: yes\nstatus: right\n\nok AT\nfine AT+CSQ\n");
        assertThatThrownBy(() -> FieldLogReading.parse(p))
                .hasMessageStartingWith(p + ":7: expected 'OUTCOME COMMAND'");
    }

    @Test
    void aFactWithoutACommandOrOfAnUnknownKindIsRefused() throws IOException {
        Path p = write("source: s\nlayout: l\ntime: yes\nstatus: right\n\nok AT\n    mood: happy\n");
        assertThatThrownBy(() -> FieldLogReading.parse(p)).hasMessageStartingWith(p + ":7: expected a fact");
    }

    @Test
    void aMissingStatusIsRefused() throws IOException {
        Path p = write("source: s\nlayout: l\ntime: yes\n\nok AT\n");
        assertThatThrownBy(() -> FieldLogReading.parse(p)).hasMessageContaining("'status: ...'");
    }
}
