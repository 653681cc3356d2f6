package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given a text log in a layout no tool defines, when it is read, then the layout is learned from
 * what the lines are: which marker is the host, where the time is, what wraps the traffic and which
 * lines are not traffic. The layouts are those of the real logs under {@code samples/field-logs}
 * (named beside each case), shortened.
 */
class LearnedLayoutTest {

    private static final ProtocolRegistry GRAMMAR = ProtocolRegistry.loadDefault();

    private static ImportOptions options() {
        return ImportOptions.defaults().withModel(GRAMMAR);
    }

    private static List<TraceEntry> read(String log, ImportOptions o) throws IOException {
        try (TraceReader r = BadInputTest.open(log, o)) {
            return ShortSession.readAll(r);
        }
    }

    private static List<String> decoded(String log, ImportOptions o) throws IOException {
        return ShortSession.transactions(read(log, o), true);
    }

    private static LogLayout explain(String log, ImportOptions o) throws IOException {
        return TraceImports.explain(new ByteArrayInputStream(log.getBytes(StandardCharsets.ISO_8859_1)), "log.txt", o);
    }

    @Test
    void theArrowOfCommandLinesIsTheHostWhateverItsSpelling() throws IOException {
        // wiolte-34-ec21-reversed-arrows: "<-" is the host here, the module in other code bases
        String log = "<- AT+CGMI (20732)\n-> Quectel (20736)\n-> OK (20737)\n<- AT+CSQ (20800)\n-> +CSQ: 20,99 (20805)\n"
                + "-> OK (20806)\n";
        assertThat(decoded(log, options())).containsExactly("AT+CGMI | echo - | RESPONSE Quectel | OK | OK",
                "AT+CSQ | echo - | RESPONSE +CSQ: 20,99 | OK | OK");
        LogLayout l = explain(log, options());
        assertThat(l.format()).isEqualTo("prefixed");
        assertThat(l.sides()).extracting(LogLayout.Side::marker, LogLayout.Side::direction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("<-", Direction.HOST_TO_MODULE),
                org.assertj.core.groups.Tuple.tuple("->", Direction.MODULE_TO_HOST));
        assertThat(l.time()).isEqualTo("'(n)' at the end of each line, a count read as milliseconds (assumed)");
        assertThat(l.doubts()).singleElement().asString().contains("--time s");
    }

    @Test
    void aTimeHintSettlesTheUnitOfACount() throws IOException {
        String log = "<- AT (1)\n-> OK (2)\n";
        ImportOptions seconds = options().withHints(new LayoutHints(null, LayoutHints.TimeHint.S));
        try (TraceReader r = BadInputTest.open(log, seconds)) {
            List<TraceEntry> e = ShortSession.readAll(r);
            assertThat(e.get(1).timeMicros() - e.get(0).timeMicros()).isEqualTo(1_000_000);
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void theHostMarkerHintDecidesWhereNoResultDoes() throws IOException {
        String log = "[A] AT+CSQ\n[B] +CSQ: 20,99\n[A] AT+CREG?\n[B] +CREG: 0,1\n";
        LogLayout learned = explain(log, options());
        assertThat(learned.sure()).isFalse();
        assertThat(learned.warning()).contains("--host-marker");
        LogLayout told = explain(log, options().withHints(new LayoutHints("[A]", LayoutHints.TimeHint.AUTO)));
        assertThat(told.sides()).filteredOn(s -> s.direction() == Direction.HOST_TO_MODULE)
                .extracting(LogLayout.Side::marker).containsExactly("[A]");
        assertThat(told.sure()).isTrue();
    }

    @Test
    void anArduinoMonitorsArrowIsAPrefixNotADirection() throws IOException {
        // tinygsm-157-bg96-serial-monitor: "HH:MM:SS.mmm -> " before each line, echo on
        String log = "Wait...\n17:13:30.563 -> Initializing modem...\n17:13:30.563 -> AT\n17:13:30.563 -> AT\n\n"
                + "17:13:30.563 -> OK\n17:13:30.600 -> AT+CPIN?\n17:13:30.601 -> AT+CPIN?\n17:13:30.601 -> \n"
                + "17:13:30.602 -> +CPIN: READY\n17:13:30.602 -> \n17:13:30.602 -> OK\n17:13:36.526 -> [8972] ### Unhandled: RDY\n";
        assertThat(decoded(log, options())).containsExactly("AT | echo AT | OK | OK",
                "AT+CPIN? | echo AT+CPIN? | RESPONSE +CPIN: READY | OK | OK");
        LogLayout l = explain(log, options());
        assertThat(l.format()).isEqualTo("transcript");
        assertThat(l.stripped()).anyMatch(s -> s.contains("the prefix '->'"));
        assertThat(l.skipped()).extracting(LogLayout.Skipped::reason).contains(TranscriptSides.PRINT, TextLayout.COMMENT);
        assertThat(l.skipped()).flatExtracting(LogLayout.Skipped::examples)
                .anyMatch(x -> x.startsWith("line 2: ") && x.contains("Initializing modem..."));
    }

    @Test
    void escapedLineEndsAreReadAndACommandInPiecesStaysOneLine() throws IOException {
        // azure-ewf-20-bg96-send-recv
        String log = "Modem Ready!!!\n[SEND][   3][AT\\r]\n[RECV][   9][AT\\r\\r\\nOK\\r\\n]\n[SEND][   8][AT+CFUN=]\n"
                + "[SEND][   1][1]\n[SEND][   1][\\r]\n[RECV][   6][\\r\\nOK\\r\\n]\n";
        assertThat(decoded(log, options())).containsExactly("AT | echo AT | OK | OK", "AT+CFUN=1 | echo - | OK | OK");
    }

    @Test
    void aResultGluedToTheNextCommandIsTwoLines() throws IOException {
        // tinygsm-475-bg96-send-ok-glued
        String log = "AT+CSQ\n\n+CSQ: 20,99\nOKAT+QIRD=0,0\n\n+QIRD: 0,0,0\n\nOK\n";
        assertThat(decoded(log, options())).containsExactly("AT+CSQ | echo - | RESPONSE +CSQ: 20,99 | OK | OK",
                "AT+QIRD=0,0 | echo - | RESPONSE +QIRD: 0,0,0 | OK | OK");
    }

    @Test
    void commandsListedByAtClacAreItsAnswer() throws IOException {
        String log = "AT+CLAC\nAT+CGMI\nAT+CGMM\nOK\nAT+CSQ\n+CSQ: 20,99\nOK\n";
        assertThat(decoded(log, options())).containsExactly("AT+CLAC | echo - | RESPONSE AT+CGMI | RESPONSE AT+CGMM | OK | OK",
                "AT+CSQ | echo - | RESPONSE +CSQ: 20,99 | OK | OK");
    }

    @Test
    void anUploadTheLogDoesNotShowIsSaidSoAndNothingLaterIsTakenForIt() throws IOException {
        // catm1-bg96-9-qfupl-no-upload, with a command the grammar knows the upload of
        String log = "AT+QHTTPURL=57,60\nCONNECT\nOK\nAT+QHTTPGET=60\nOK\n";
        try (TraceReader r = BadInputTest.open(log, options())) {
            List<TraceEntry> e = ShortSession.readAll(r);
            assertThat(e).filteredOn(x -> x instanceof Marker).singleElement()
                    .satisfies(m -> assertThat(((Marker) m).text()).isEqualTo(LineFramer.UPLOAD_NOT_IN_LOG));
            assertThat(r.warnings()).anyMatch(w -> w.startsWith("log.txt:3: 1 upload is not in the log"));
            List<Transaction> tx = TraceDecoding.transactions(e, GRAMMAR);
            assertThat(tx).extracting(t -> t.command().text()).containsExactly("AT+QHTTPURL=57,60", "AT+QHTTPGET=60");
            assertThat(tx.get(0).payloads()).isEmpty();
            assertThat(tx.get(1).outcome().word()).isEqualTo("ok");
        }
    }

    @Test
    void theCheckerReportsNoSizeOrChecksumAboutAnUploadItDidNotSee() throws IOException {
        // the module's answer right after CONNECT: the library did not print the 1492 bytes it sent
        String log = "AT+QSECWRITE=\"RAM:ca.pem\",1492,100\nCONNECT\n+QSECWRITE: 1492,2554\nOK\n";
        List<dev.atscope.core.check.Diagnostic> found = new java.util.ArrayList<>();
        dev.atscope.core.check.TraceChecker checker = new dev.atscope.core.check.TraceChecker(GRAMMAR, found::add);
        List<TraceEntry> e = read(log, options());
        TraceDecoding.decode(e, GRAMMAR).forEach(checker::accept);
        checker.finish();
        assertThat(TraceDecoding.transactions(e, GRAMMAR)).singleElement()
                .satisfies(t -> assertThat(t.outcome().word()).isEqualTo("ok"))
                .satisfies(t -> assertThat(t.payloads()).isEmpty());
        assertThat(found).extracting(dev.atscope.core.check.Diagnostic::ruleId)
                .noneMatch(id -> id.startsWith("upload."));
    }

    @Test
    void anUploadShorterThanAnnouncedEndsAtTheModulesAnswer() throws IOException {
        String log = "AT+QHTTPURL=36,30\nCONNECT\nhttps://example.com/path/a.html\nOK\nAT+QHTTPGET=60\n+CME ERROR: 3815\n"
                + "AT+QIDEACT\nDEACT OK\n";
        List<Transaction> tx = TraceDecoding.transactions(read(log, options()), GRAMMAR);
        assertThat(tx).extracting(t -> t.command().text() + " " + t.outcome().word())
                .containsExactly("AT+QHTTPURL=36,30 ok", "AT+QHTTPGET=60 error", "AT+QIDEACT ok");
        assertThat(tx.get(0).payloads()).singleElement().extracting(Event::note).asString().contains("31 of 36 bytes");
    }

    @Test
    void aTimeOnALineOfItsOwnCarriesToTheLinesAfterIt() throws IOException {
        // esp-at-388-python-bytes-chinese: "received:mm:ss.micros" before the lines received
        String log = "send b'AT\\r\\n' \nrecv:35:07.966897\nAT\n\nOK\nsend b'AT\\r\\n' \nrecv:35:08.766820\nbusy p...\n";
        try (TraceReader r = BadInputTest.open(log, options())) {
            assertThat(r.metadata().synthetic()).isFalse();
            List<TraceEntry> e = ShortSession.readAll(r);
            long echo = e.stream().filter(x -> x.toString().contains("M>H AT")).findFirst().orElseThrow().timeMicros();
            long busy = e.stream().filter(x -> x.toString().contains("busy")).findFirst().orElseThrow().timeMicros();
            assertThat(busy - echo).isEqualTo(799_923);
        }
    }

    @Test
    void aWordAtTheEndThatTellsTheSideMakesItsOwnMarker() throws IOException {
        // wifiespat-105-esp32c3-sent-matched
        String log = "esp INFO: soft reset\nesp> AT+RST ...sent\nesp> OK ...ignored\nesp> ready ...matched\n"
                + "esp> AT+CWMODE? ...sent\nesp> +CWMODE:1 ...matched\nesp> OK ...matched\n";
        assertThat(decoded(log, options())).containsExactly("AT+RST | echo - | OK | OK",
                "AT+CWMODE? | echo - | RESPONSE +CWMODE:1 | OK | OK");
    }

    @Test
    void aQuotedAnswerOverSeveralLinesStaysWithItsMarker() throws IOException {
        // sim800l-driver-60-send-receive-quoted
        String log = "SIM800L : Send \"AT+CSQ\"\nSIM800L : End of transmission\nSIM800L : Receive \"AT+CSQ\n+CSQ: 0,0\n\nOK\n\"\n";
        assertThat(decoded(log, options())).containsExactly("AT+CSQ | echo AT+CSQ | RESPONSE +CSQ: 0,0 | OK | OK");
    }

    @Test
    void everyLineLeftOutIsCountedNeverTurnedIntoTraffic() throws IOException {
        String log = "```\nSwitching modem ON\nAT\n\nOK\n---\n### AT+CSQ   [804 ms]\nAT+CSQ\n\n+CSQ: 20,99\n\nOK\nMQTT connected\n```\n";
        List<TraceEntry> e = read(log, options());
        assertThat(ShortSession.transactions(e, false)).containsExactly("AT | OK | OK",
                "AT+CSQ | RESPONSE +CSQ: 20,99 | OK | OK");
        List<Event> events = TraceDecoding.decode(e, GRAMMAR).stream().filter(d -> d instanceof Event).map(d -> (Event) d)
                .toList();
        assertThat(events).noneMatch(x -> x.kind() == EventKind.URC || x.kind() == EventKind.NOISE);
        LogLayout l = explain(log, options());
        assertThat(l.skipped().stream().mapToLong(LogLayout.Skipped::count).sum()).isEqualTo(6);
    }
}
