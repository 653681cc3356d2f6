package dev.atscope.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of an incremental decoder, as Netty's decoder tests state it: fed a unit in pieces,
 * nothing comes out until the unit is whole, then it comes out once; what is half at the end of the
 * input comes out flagged, never dropped.
 */
class IncrementalContractTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();
    private static final Direction HOST = Direction.HOST_TO_MODULE;
    private static final Direction MODULE = Direction.MODULE_TO_HOST;

    private final AtDecoder decoder = new AtDecoder(MODEL);
    private long time;

    /** Feeds text in one chunk, 1 ms after the previous one, and returns what came out. */
    private List<Decoded> feed(Direction dir, String text) {
        time += 1_000;
        decoder.feed(Chunk.ofText(time, dir, text));
        return drain();
    }

    private List<Decoded> drain() {
        List<Decoded> out = new ArrayList<>();
        Decoded d;
        while ((d = decoder.next()) != null) {
            out.add(d);
        }
        assertThat(decoder.needsMoreInput()).isTrue();
        return out;
    }

    private static List<Event> events(List<Decoded> all, EventKind kind) {
        return all.stream().filter(d -> d instanceof Event e && e.kind() == kind).map(d -> (Event) d).toList();
    }

    private static List<Transaction> transactions(List<Decoded> all) {
        return all.stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
    }

    @Test
    void aCommandLineComesOutAtItsCarriageReturnAndNotBefore() {
        assertThat(feed(HOST, "AT+QI")).as("a half command line").isEmpty();
        List<Decoded> out = feed(HOST, "ACT\r");
        assertThat(events(out, EventKind.COMMAND)).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("AT+QIACT"))
                .satisfies(e -> assertThat(e.startMicros()).as("the time of its first byte").isEqualTo(1_000));
        assertThat(out).hasSize(1);
    }

    @Test
    void aResultSplitAcrossReadsCompletesItsTransactionOnce() {
        feed(HOST, "AT+CSQ\r");
        assertThat(feed(MODULE, "\r\n+CSQ: 24")).isEmpty();
        assertThat(events(feed(MODULE, ",0\r\n\r\nO"), EventKind.RESPONSE)).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("+CSQ: 24,0"));
        List<Decoded> out = feed(MODULE, "K");
        assertThat(out).as("OK without its line end is not a result yet").isEmpty();
        out = feed(MODULE, "\r\n");
        assertThat(transactions(out)).singleElement().satisfies(t -> {
            assertThat(t.resultText()).isEqualTo("OK");
            assertThat(t.outcome()).isEqualTo(Outcome.OK);
            assertThat(t.informationLines()).extracting(Event::text).containsExactly("+CSQ: 24,0");
        });
        assertThat(feed(MODULE, "\r\n")).as("framing after the result adds nothing").isEmpty();
    }

    @Test
    void aBodySplitAtEveryByteComesOutWholeOnceItsEndIsConfirmed() {
        String body = "<html>\r\nOK\r\n<p>an OK line inside the page</p>\r\n</html>";
        feed(HOST, "AT+QHTTPREAD=30\r");
        assertThat(events(feed(MODULE, "\r\nCONNECT\r\n"), EventKind.INTERMEDIATE)).hasSize(1);
        for (byte b : (body + "\r\nOK\r\n").getBytes(StandardCharsets.US_ASCII)) {
            // all within the quiet time: the OK inside the page is taken for a line of the body
            time += 10;
            decoder.feed(new Chunk(time, MODULE, new byte[] {b}));
            assertThat(drain()).as("nothing before the body's end is confirmed").isEmpty();
        }
        List<Decoded> out = feed(HOST, "AT\r");
        Transaction read = transactions(out).get(0);
        assertThat(read.payloads()).singleElement()
                .satisfies(p -> assertThat(new String(p.bytes(), StandardCharsets.US_ASCII)).isEqualTo(body));
        assertThat(read.resultText()).isEqualTo("OK");
        assertThat(events(out, EventKind.PAYLOAD)).hasSize(1);
        assertThat(events(out, EventKind.COMMAND)).extracting(Event::text).containsExactly("AT");
    }

    @Test
    void anUploadSplitAtEveryByteComesOutWhenTheAnnouncedCountArrived() {
        feed(HOST, "AT+QHTTPURL=20,60\r");
        feed(MODULE, "\r\nCONNECT\r\n");
        String url = "https://example.org/";
        for (int i = 0; i < url.length() - 1; i++) {
            assertThat(feed(HOST, url.substring(i, i + 1))).as("byte %d of 20", i + 1).isEmpty();
        }
        assertThat(events(feed(HOST, "/"), EventKind.PAYLOAD)).singleElement()
                .satisfies(p -> assertThat(p.text()).isEqualTo(url));
    }

    @Test
    void atTheEndOfInputHalfUnitsComeOutFlaggedAndWaitingCommandsUnanswered() {
        feed(HOST, "AT+QIACT\r");
        assertThat(feed(MODULE, "\r\nOK")).as("a result without its line end").isEmpty();
        decoder.endOfInput();
        List<Decoded> out = drain();
        assertThat(events(out, EventKind.FINAL)).singleElement()
                .satisfies(e -> assertThat(e.note()).isEqualTo("the trace ends before its line end"));
        assertThat(transactions(out)).singleElement().satisfies(t -> assertThat(t.outcome()).isEqualTo(Outcome.OK));

        AtDecoder other = new AtDecoder(MODEL);
        other.feed(Chunk.ofText(0, HOST, "AT+CSQ\r"));
        other.feed(Chunk.ofText(1_000, HOST, "AT+CG"));
        List<Decoded> before = new ArrayList<>();
        for (Decoded d; (d = other.next()) != null; ) {
            before.add(d);
        }
        assertThat(transactions(before)).as("the CSQ may still be answered").isEmpty();
        other.endOfInput();
        List<Decoded> last = new ArrayList<>();
        for (Decoded d; (d = other.next()) != null; ) {
            last.add(d);
        }
        assertThat(events(last, EventKind.NOISE)).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("AT+CG");
            assertThat(e.note()).isEqualTo("a half line at the end of the trace");
        });
        assertThat(transactions(last)).singleElement().satisfies(t -> {
            assertThat(t.command().text()).isEqualTo("AT+CSQ");
            assertThat(t.outcome()).isEqualTo(Outcome.NO_RESPONSE);
        });
    }
}
