package dev.atscope.core.decode;

import static dev.atscope.core.decode.AtDecoderTest.decodeAllWays;
import static dev.atscope.core.decode.AtDecoderTest.events;
import static dev.atscope.core.decode.AtDecoderTest.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code >} prompt data mode (AT+QISEND, AT+CMGS, AT+QMTPUB): given a trace, when decoded,
 * then these transactions; every case also split at every byte and at random.
 */
class PromptDataModeTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The transaction in words: each answer by kind, payloads by size and note, the result and outcome. */
    static String summary(Transaction t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.command().text());
        for (Event r : t.responses()) {
            parts.add(switch (r.kind()) {
                case PAYLOAD -> "<" + r.bytes().length + " bytes" + (r.note() == null ? "" : ", " + r.note()) + ">";
                case ECHO -> "echo " + r.text().replace("\r", "\\r").replace("\n", "\\n");
                case INTERMEDIATE -> "[" + r.text() + "]";
                default -> r.text();
            });
        }
        parts.add(t.resultText());
        parts.add(t.outcome().word());
        return String.join(" | ", parts);
    }

    @Test
    void countedSendAfterThePromptWithTheModulesEchoOfTheData() {
        // BG95&BG77 TCP/IP Application Note 3.3: AT+QISEND=0,4 / >test / SEND OK
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+QISEND=0,4").moduleBytes(2_000, bytes("\r\n> "));
        t.hostBytes(5_000, bytes("test")).moduleBytes(300, bytes("test"));
        t.answer(20_000, "SEND OK");
        t.pause(1_000_000).command("AT+QISEND=0,0").answer(3_000, "+QISEND: 4,4,0", "OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary).containsExactly(
                "AT+QISEND=0,4 | [> ] | <4 bytes> | echo test | SEND OK | ok",
                "AT+QISEND=0,0 | +QISEND: 4,4,0 | OK | ok");
        Transaction send = transactions(all).get(0);
        assertThat(send.payloads()).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(Direction.HOST_TO_MODULE);
            assertThat(p.text()).isEqualTo("test");
        });
        assertThat(send.echo().text()).isEqualTo("AT+QISEND=0,4");
        assertThat(events(all, EventKind.NOISE)).isEmpty();
    }

    @Test
    void variableLengthSendEndsAtCtrlZWithoutEcho() {
        // BG96 TCP/IP Application Note 2.2.7: input the data after >, Ctrl-Z sends it
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=0").moduleBytes(2_000, bytes("\r\n> "));
        t.hostBytes(5_000, bytes("Welcome to 1NCE OS\u001a"));
        t.answer(40_000, "SEND OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary).containsExactly(
                "AT+QISEND=0 | [> ] | <18 bytes, ended by Ctrl-Z after 18 bytes> | SEND OK | ok");
        assertThat(transactions(all).get(0).payloads().get(0).text()).isEqualTo("Welcome to 1NCE OS");
        assertThat(events(all, EventKind.NOISE)).isEmpty();
    }

    @Test
    void sendFailIsAnError() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=1,3").moduleBytes(2_000, bytes("\r\n> "));
        t.hostBytes(5_000, bytes("abc"));
        t.answer(10_000, "SEND FAIL");
        assertThat(transactions(decodeAllWays(t.entries()))).map(PromptDataModeTest::summary)
                .containsExactly("AT+QISEND=1,3 | [> ] | <3 bytes> | SEND FAIL | error");
    }

    @Test
    void escCancelsAMessage() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+CMGS=\"+4915112345678\"").moduleBytes(100_000, bytes("\r\n> "));
        t.hostBytes(200_000, bytes("never mind\u001b"));
        t.answer(5_000, "OK");
        assertThat(transactions(decodeAllWays(t.entries()))).map(PromptDataModeTest::summary).containsExactly(
                "AT+CMGS=\"+4915112345678\" | [> ] | <10 bytes, cancelled with ESC after 10 bytes> | OK | ok");
    }

    @Test
    void textModeMessageOfTwoLinesWithTheModulesNewPromptAfterEachCr() {
        // 27.005 3.5.1: in text mode the module answers each CR of the text with CR LF "> "
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+CMGF=1").answer(2_000, "OK");
        t.command("AT+CMGS=\"+31628870634\"").moduleBytes(80_000, bytes("\r\n> "));
        t.hostBytes(100_000, bytes("line one\rline two\u001a"));
        t.moduleBytes(300, bytes("line one\r\n> line two"));
        t.answer(3_000_000, "+CMGS: 198", "OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary).containsExactly(
                "AT+CMGF=1 | OK | ok",
                "AT+CMGS=\"+31628870634\" | [> ] | <17 bytes, ended by Ctrl-Z after 17 bytes> | echo line one\\r\\n> line two"
                        + " | +CMGS: 198 | OK | ok");
        assertThat(events(all, EventKind.NOISE)).isEmpty();
    }

    @Test
    void aPromptWithoutItsSpaceIsTakenWhenTheHostSends() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QMTPUB=0,0,0,0,\"atscope/test\"").moduleBytes(3_000, bytes("\r\n>"));
        t.hostBytes(4_000, bytes("{\"t\":21.5}\u001a"));
        t.answer(5_000, "OK").pause(400_000).urc("+QMTPUB: 0,0,0");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary).containsExactly(
                "AT+QMTPUB=0,0,0,0,\"atscope/test\" | [>] | <10 bytes, ended by Ctrl-Z after 10 bytes> | OK | ok");
        assertThat(events(all, EventKind.URC)).map(Event::text).containsExactly("+QMTPUB: 0,0,0");
    }

    @Test
    void aPromptAtTheEndOfTheTraceIsStillAPrompt() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=0").moduleBytes(2_000, bytes("\r\n>"));
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary)
                .containsExactly("AT+QISEND=0 | [>] |  | no-response");
        assertThat(events(all, EventKind.NOISE)).isEmpty();
    }

    @Test
    void anErrorInsteadOfThePromptLeavesTheHostInCommandMode() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=3,10").answer(2_000, "ERROR");
        t.pause(100_000).command("AT+QISTATE?").answer(2_000, "OK");
        assertThat(transactions(decodeAllWays(t.entries()))).map(PromptDataModeTest::summary).containsExactly(
                "AT+QISEND=3,10 | ERROR | error", "AT+QISTATE? | OK | ok");
    }

    @Test
    void dataShorterThanAnnouncedEndsWhenTheModuleAnswers() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=0,10").moduleBytes(2_000, bytes("\r\n> "));
        t.hostBytes(5_000, bytes("abcd"));
        t.answer(30_000_000, "ERROR");
        Transaction x = transactions(decodeAllWays(t.entries())).get(0);
        assertThat(x.payloads()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("abcd");
            assertThat(p.note()).contains("4 of 10 bytes");
        });
        assertThat(x.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void aUrcWhileThePromptWaitsForTheHostIsStillAUrc() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=0").moduleBytes(2_000, bytes("\r\n> "));
        t.urc("+QIURC: \"recv\",0");
        t.hostBytes(5_000, bytes("ping\u001a"));
        t.answer(30_000, "SEND OK");
        List<Decoded> all = decodeAllWays(t.entries());
        assertThat(transactions(all)).map(PromptDataModeTest::summary).containsExactly(
                "AT+QISEND=0 | [> ] | <4 bytes, ended by Ctrl-Z after 4 bytes> | SEND OK | ok");
        assertThat(events(all, EventKind.URC)).map(Event::text).containsExactly("+QIURC: \"recv\",0");
        assertThat(events(all, EventKind.NOISE)).isEmpty();
    }

    @Test
    void aHostThatDoesNotWaitForThePromptStillHasItsDataRead() {
        ScriptedTraffic t = new ScriptedTraffic().echo(false);
        t.command("AT+QISEND=0,5").hostBytes(0, bytes("hello"));
        t.moduleBytes(2_000, bytes("\r\n> "));
        t.answer(20_000, "SEND OK");
        assertThat(transactions(decodeAllWays(t.entries()))).map(PromptDataModeTest::summary)
                .containsExactly("AT+QISEND=0,5 | [> ] | <5 bytes> | SEND OK | ok");
    }

    @Test
    void everyByteOfAPromptSessionIsInExactlyOneEventSpan() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.command("AT+CMGS=\"+31628870634\"").moduleBytes(80_000, bytes("\r\n> "));
        t.hostBytes(100_000, bytes("one\rtwo\u001a")).moduleBytes(300, bytes("one\r\n> two"));
        t.answer(3_000_000, "+CMGS: 7", "OK");
        List<Event> ev = decodeAllWays(t.entries()).stream().filter(d -> d instanceof Event).map(d -> (Event) d)
                .toList();
        for (Direction d : Direction.values()) {
            long pos = 0;
            for (Event e : ev.stream().filter(e -> e.direction() == d).toList()) {
                assertThat(e.startOffset()).as("contiguous spans " + e).isEqualTo(pos);
                pos = e.endOffset();
            }
            long total = t.entries().stream().filter(e -> e instanceof dev.atscope.core.trace.Chunk c
                    && c.direction() == d).mapToLong(e -> ((dev.atscope.core.trace.Chunk) e).data().length).sum();
            assertThat(total - pos).as(d.toString()).isBetween(0L, 1L);
        }
    }
}
