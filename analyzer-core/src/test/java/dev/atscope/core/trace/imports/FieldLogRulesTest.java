package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rules of the text readers that real field logs called for, each on the shape of the log that
 * showed it (named beside each case, under {@code samples/field-logs}), shortened, and on a
 * neighbour that the rule must leave alone.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FieldLogRulesTest {

    private static ImportOptions options() {
        return ImportOptions.defaults().withModel(ProtocolRegistry.loadDefault());
    }

    private static List<TraceEntry> read(String log) throws IOException {
        try (TraceReader r = BadInputTest.open(log, options())) {
            return ShortSession.readAll(r);
        }
    }

    private static List<String> decoded(String log) throws IOException {
        return ShortSession.transactions(read(log), true);
    }

    private static long gaps(List<TraceEntry> entries) {
        return entries.stream().filter(e -> e instanceof Marker m && m.text().equals(LineFramer.UPLOAD_NOT_IN_LOG)).count();
    }

    @Test
    void aPlaceholderWhereTheUploadShouldBeIsAnUploadNotInTheLog() throws IOException {
        // wiolte-34-ec21-qisend-binary: "<- (binary)" stands for the 22 bytes
        String log = "<- AT+QISEND=0,22\n-> >\n<- (binary)\n-> SEND OK\n<- AT+QIRD=0\n-> +QIRD: 0\n-> OK\n";
        List<TraceEntry> entries = read(log);
        assertThat(gaps(entries)).isEqualTo(1);
        assertThat(ShortSession.transactions(entries, false)).containsExactly("AT+QISEND=0,22 | INTERMEDIATE >  | SEND OK | OK",
                "AT+QIRD=0 | RESPONSE +QIRD: 0 | OK | OK");
    }

    @Test
    void bracketedDataOfTheAnnouncedLengthIsTheUploadItself() throws IOException {
        String log = "<- AT+QISEND=0,8\n-> >\n<- (binary)\n-> SEND OK\n";
        List<TraceEntry> entries = read(log);
        assertThat(gaps(entries)).isZero();
        assertThat(ShortSession.transactions(entries, false)).containsExactly(
                "AT+QISEND=0,8 | INTERMEDIATE >  | PAYLOAD (binary) | SEND OK | OK");
    }

    @Test
    void aResultGluedToTheNextCommandEndsAnUploadTheLogShowsInPart() throws IOException {
        // tinygsm-475-bg96-send-ok-glued: the upload is redacted, SEND OK is glued to AT+QIRD=0,0
        String log = "AT+QISEND=0,83\n\n>QMQTT*****(redacted)\nSEND OKAT+QIRD=0,0\n\n+QIRD: 0,0,0\n\nOK\n";
        assertThat(decoded(log)).extracting(t -> t.substring(0, t.indexOf(" |"))).containsExactly("AT+QISEND=0,83",
                "AT+QIRD=0,0");
        assertThat(decoded(log).get(0)).endsWith("| SEND OK | OK");
        assertThat(decoded(log).get(1)).endsWith("| RESPONSE +QIRD: 0,0,0 | OK | OK");
    }

    @Test
    void theModulesLinesBeforeAnEchoAnswerTheCommandBefore() throws IOException {
        // esp-at-388: the old command's ERROR arrives after the new command was written, before its echo
        String log = "> AT+CWLAP\n< AT+CWLAP\n> AT\n< ERROR\n< AT\n< OK\n";
        assertThat(decoded(log)).containsExactly("AT+CWLAP | echo AT+CWLAP | ERROR | ERROR", "AT | echo AT | OK | OK");
    }

    @Test
    void withoutAnEchoTheLinesKeepTheirOrder() throws IOException {
        String log = "> AT+CWLAP\n< AT+CWLAP\n> AT\n< ERROR\n> AT\n< AT\n< OK\n";
        assertThat(decoded(log)).containsExactly("AT+CWLAP | echo AT+CWLAP |  | NO_RESPONSE",
                "AT | echo - | ERROR | ERROR", "AT | echo AT | OK | OK");
    }

    @Test
    void aBlankAfterAResultIsTheLogsNotTheModules() throws IOException {
        // esp-at-388: the last line is "OK " as printed
        assertThat(decoded("> AT\n< AT\n< OK \n")).containsExactly("AT | echo AT | OK | OK");
    }

    @Test
    void theResultsOfATextLogComeFromTheGrammar() {
        // V.250's result codes always; a command's own final result only from a model that knows it
        assertThat(AtText.kind("NO CARRIER")).isEqualTo(AtText.Kind.RESULT);
        assertThat(AtText.kind("SHUT OK")).isEqualTo(AtText.Kind.OTHER);
        assertThat(AtText.kind("SHUT OK", AtText.results(ProtocolRegistry.loadDefault()))).isEqualTo(AtText.Kind.RESULT);
        assertThat(AtText.results(ResponseModel.NONE)).isEqualTo(AtText.V250_RESULTS)
                .contains("OK", "ERROR", "CONNECT", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE")
                .doesNotContain("RING");
        assertThat(AtText.gluedCommand("SEND OKAT+QIRD=0,0", AtText.results(ProtocolRegistry.loadDefault())))
                .isEqualTo("SEND OK".length());
    }
}
