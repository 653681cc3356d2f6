package dev.atscope.core.decode;

import static dev.atscope.core.decode.AtDecoderTest.decodeAllWays;
import static dev.atscope.core.decode.AtDecoderTest.events;
import static dev.atscope.core.decode.AtDecoderTest.summary;
import static dev.atscope.core.decode.AtDecoderTest.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data mode ends where the other side shows it has: an upload shorter than announced ends at the
 * module's answer, an upload the log does not show ends at the gap that says so, and a body ends at
 * its last final result even when more lines followed it closely, at the end of a log or when the
 * host speaks again.
 */
class DataModeEndTest {

    private static final String URL31 = "https://example.com/path/a.html";

    @Test
    void theModulesOkEndsAnUploadShorterThanAnnounced() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QHTTPURL=36,30").answer(20_000, "CONNECT");
        t.hostBytes(30_000, URL31.getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        t.pause(80_000).command("AT+QHTTPGET=60").answer(5_000_000, "+CME ERROR: 3815");
        t.pause(80_000).command("AT+QIDEACT").answer(12_000, "DEACT OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(AtDecoderTest::summary).containsExactly(
                "AT+QHTTPURL=36,30 | CONNECT | <31 bytes> | OK | ok",
                "AT+QHTTPGET=60 | +CME ERROR: 3815 | error",
                "AT+QIDEACT | DEACT OK | ok");
        assertThat(events(all, EventKind.PAYLOAD)).singleElement().extracting(Event::note).asString()
                .contains("the module answered before the announced byte count arrived: 31 of 36 bytes");
        assertThat(events(all, EventKind.FINAL)).noneMatch(e -> e.note() != null);
    }

    @Test
    void aGapOnTheHostsSideEndsAnUploadTheLogDoesNotShow() {
        // the log shows CONNECT, then the next command: the library did not print what it uploaded
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QSECWRITE=\"RAM:ca.pem\",1492,100").answer(20_000, "CONNECT");
        t.marker(Marker.Kind.GAP, Direction.HOST_TO_MODULE, "upload not in the log");
        t.pause(80_000).command("AT+QHTTPGET=60").answer(9_000, "OK");
        List<Decoded> all = decodeAllWays(t.entries());
        List<Transaction> tx = transactions(all);
        assertThat(tx).map(AtDecoderTest::summary).containsExactly(
                "AT+QSECWRITE=\"RAM:ca.pem\",1492,100 | CONNECT |  | no-response",
                "AT+QHTTPGET=60 | OK | ok");
        assertThat(tx.get(0).payloads()).isEmpty();
        assertThat(events(all, EventKind.MARKER)).singleElement().extracting(Event::text).asString()
                .endsWith("upload not in the log");
    }

    @Test
    void aTrailingResultClosesABodyAtTheEndOfTheInput() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, "<html><body>test</body></html>\r\n".getBytes(StandardCharsets.US_ASCII));
        t.answer(1_000, "OK");
        // lines soon after the final result: within the quiet that keeps a body open
        t.answer(2_000, "+QIURC: \"pdpdeact\",1");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(AtDecoderTest::summary)
                .containsExactly("AT+QHTTPREAD=30 | CONNECT | <32 bytes> | OK | ok");
        assertThat(events(all, EventKind.URC)).map(Event::text).containsExactly("+QIURC: \"pdpdeact\",1");
    }

    @Test
    void theHostsNextCommandClosesABodyAtItsLastResultThoughALineFollowedItClosely() {
        // found by fuzzing: a URC right after the body's OK kept the body open, and the next
        // command's echo, CONNECT and answer were read as more body
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, "<html><body>test</body></html>\r\n".getBytes(StandardCharsets.US_ASCII));
        t.answer(1_000, "OK");
        t.answer(2_000, "+QIURC: \"pdpdeact\",1");
        t.pause(5_000_000).command("AT+QHTTPURL=19,80").answer(20_000, "CONNECT");
        t.hostBytes(30_000, "http://example.com/".getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(AtDecoderTest::summary).containsExactly(
                "AT+QHTTPREAD=30 | CONNECT | <32 bytes> | OK | ok",
                "AT+QHTTPURL=19,80 | CONNECT | <19 bytes> | OK | ok");
        assertThat(events(all, EventKind.URC)).map(Event::text).containsExactly("+QIURC: \"pdpdeact\",1");
    }

    @Test
    void aFinalResultInsideABodyThatGoesOnStaysBody() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, "line one\r\nOK\r\nline two\r\n".getBytes(StandardCharsets.US_ASCII));
        t.answer(1_000, "OK");
        List<Transaction> tx = transactions(decodeAllWays(t.entries()));
        assertThat(tx).map(AtDecoderTest::summary).containsExactly("AT+QHTTPREAD=30 | CONNECT | <24 bytes> | OK | ok");
        assertThat(summary(tx.get(0))).doesNotContain("no-response");
    }
}
