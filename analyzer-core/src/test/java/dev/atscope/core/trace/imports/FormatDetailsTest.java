package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corners of single formats, each as its tool documents it. */
class FormatDetailsTest {

    private static List<TraceEntry> read(String text, TraceFormat f) throws IOException {
        try (TraceReader r = BadInputTest.open(text, ImportOptions.defaults().withFormat(f))) {
            return ShortSession.readAll(r);
        }
    }

    private static String data(TraceEntry e) {
        return ByteEscaper.escape(((Chunk) e).data());
    }

    @Test
    void modemManagerWritesOtherBytesAsDecimalEscapes() throws IOException {
        List<TraceEntry> e = read("[ttyUSB2/at] --> 'AT+CMGS=5<CR>'\n[ttyUSB2/at] --> 'hello\\26'\n", TraceFormat.MODEMMANAGER);
        assertThat(data(e.get(1))).isEqualTo("hello\\x1a");
    }

    @Test
    void chatWritesControlBytesInCaretFormAndTheHighBitAsM() throws IOException {
        List<TraceEntry> e = read("chat[1]: send (AT^M)\nchat[1]: expect (OK)\nchat[1]: M-^A^?OK\nchat[1]:  -- got it\n",
                TraceFormat.CHAT);
        assertThat(data(e.get(0))).isEqualTo("AT\\r");
        assertThat(data(e.get(1))).isEqualTo("\\x81\\x7fOK");
    }

    @Test
    void anMbedLineShorterThanItsCountIsFollowedByAGap() throws IOException {
        List<TraceEntry> e = read("[00000100ms][INFO][CELL]: AT RX (80): <cr><ln>+QHTTPREAD: abcdef...\n", TraceFormat.MBED);
        assertThat(data(e.get(0))).isEqualTo("\\r\\n+QHTTPREAD: abcdef");
        Marker gap = (Marker) e.get(1);
        assertThat(gap.kind()).isEqualTo(Marker.Kind.GAP);
        assertThat(gap.text()).isEqualTo("60 bytes not shown by the Mbed trace");
        assertThat(gap.timeMicros()).isEqualTo(0);
    }

    @Test
    void socatVerboseTextWarnsThatDotsMayStandForOtherBytes() throws IOException {
        String log = "> 2026/11/23 10:00:00.000100  length=4 from=0 to=3\nA..\\r";
        try (TraceReader r = BadInputTest.open(log, ImportOptions.defaults())) {
            assertThat(data(ShortSession.readAll(r).get(0))).isEqualTo("A..\\r");
            assertThat(r.warnings()).singleElement().asString().startsWith("log.txt:2: 2 dots in socat -v text");
        }
    }

    @Test
    void socat174NineDigitFractionsAreMicroseconds() throws IOException {
        String log = "> 2026/11/23 10:00:00.000796033  length=3 from=0 to=2\n 41 54 0d\n"
                + "< 2026/11/23 10:00:00.000898002  length=6 from=0 to=5\n 0d 0a 4f 4b 0d 0a\n";
        List<TraceEntry> e = read(log, TraceFormat.SOCAT);
        assertThat(e.get(1).timeMicros() - e.get(0).timeMicros()).isEqualTo(101_969);
    }

    @Test
    void aTimeOfDayThatGoesPastMidnightKeepsCounting() throws IOException {
        List<TraceEntry> e = read("23:59:59.900 AT\n00:00:00.100 OK\n", TraceFormat.TRANSCRIPT);
        assertThat(e.get(1).timeMicros()).isEqualTo(200_000);
    }

    @Test
    void umockdevEscapesRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(Escapes.umockdev(Escapes.toUmockdev(all))).isEqualTo(all);
    }
}
