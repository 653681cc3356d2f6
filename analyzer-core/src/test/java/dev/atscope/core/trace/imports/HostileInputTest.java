package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs that once hung a reader or escaped it as an internal error, each the smallest that did:
 * every reader ends on them, in time proportional to the input, with a {@code file:line:} error
 * or a result. The time-outs are generous guards against a hang, not speed limits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static TraceReader open(byte[] bytes, ImportOptions o) throws IOException {
        return TraceImports.open(new ByteArrayInputStream(bytes), "log.txt", o);
    }

    private static List<TraceEntry> readAll(byte[] bytes, ImportOptions o) throws IOException {
        try (TraceReader r = open(bytes, o)) {
            return ShortSession.readAll(r);
        }
    }

    @Test
    void aOneByteFileForcedAsATranscriptWithKeepGoingEndsWithAnError() {
        // printf K > k.txt; atscope decode --format transcript --keep-going k.txt
        ImportOptions o = ImportOptions.defaults().withFormat(TraceFormat.TRANSCRIPT).withKeepGoing(true);
        assertThatThrownBy(() -> readAll(new byte[] {'K'}, o)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("log.txt:1: no AT command line");
    }

    @Test
    void aModemManagerLineOfRepeatedArrowsAndBrokenUtf8IsReadInOnePass() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes("[ttyUSB2/at] --> 'AT<CR>'\n".getBytes(StandardCharsets.ISO_8859_1));
        log.writeBytes("[ttyUSB2/at] <-- '<CR><LF>OK<CR><LF>'\n".getBytes(StandardCharsets.ISO_8859_1));
        // a line that a backtracking pattern would try from each of its 40000 arrows, to the end each time
        log.writeBytes("--> '".repeat(40_000).getBytes(StandardCharsets.ISO_8859_1));
        log.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, '\n'});
        List<TraceEntry> e = readAll(log.toByteArray(), ImportOptions.defaults().withFormat(TraceFormat.MODEMMANAGER));
        assertThat(e).hasSize(2).allMatch(x -> x instanceof Chunk);
    }

    @Test
    void aMegabyteOfAngleBracketsIsReadInOnePass() {
        String s = "<".repeat(1 << 20);
        assertThat(Escapes.angle(s, true)).hasSize(1 << 20);
        assertThat(Escapes.decode("<CR>" + s, java.util.EnumSet.allOf(Escapes.Family.class))).hasSize((1 << 20) + 1);
    }

    @Test
    void aSyslogDayThatDoesNotExistIsAnErrorAtItsLine() {
        byte[] log = "Nov 23 10:00:00 host chat[1]: send (AT^M)\nNov  0 10:00:00 host chat[1]: expect (OK)\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(log, ImportOptions.defaults().withFormat(TraceFormat.CHAT)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("log.txt:2: 'Nov  0 10:00:00' is no syslog time; expected a day of 1 to 30 and a time"
                        + " of 00:00:00 to 23:59:60");
    }

    @Test
    void aBrokenLineAfterAHeldSendIsAGapAfterTheSend() throws IOException {
        // found by fuzzing: chat holds a send back until the line it matched is logged; a broken
        // line under --keep-going put its gap before the send, and the trace went back in time
        byte[] log = "chat[1]: send (AT^M)\nNov 46 10:00:00 \n".getBytes(StandardCharsets.ISO_8859_1);
        ImportOptions chat = ImportOptions.defaults().withFormat(TraceFormat.CHAT);
        assertThatThrownBy(() -> readAll(log, chat)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("log.txt:2: 'Nov 46 10:00:00' is no syslog time");
        List<TraceEntry> e = readAll(log, chat.withKeepGoing(true));
        assertThat(e).hasSize(2);
        assertThat(e.get(0)).isInstanceOfSatisfying(Chunk.class,
                c -> assertThat(new String(c.data(), StandardCharsets.ISO_8859_1)).isEqualTo("AT\r"));
        assertThat(e.get(1)).isInstanceOfSatisfying(Marker.class, m -> {
            assertThat(m.kind()).isEqualTo(Marker.Kind.GAP);
            assertThat(m.timeMicros()).isGreaterThanOrEqualTo(e.get(0).timeMicros());
        });
    }

    @Test
    void aLineOverTheLimitIsRefusedAndKeepGoingGoesOnAtTheNextLine() throws IOException {
        String log = "w 0 AT^M\n" + "r 5 " + "x".repeat(LineSource.MAX_LINE + 10) + "\nr 5 ^M^JOK^M^J\n";
        byte[] bytes = log.getBytes(StandardCharsets.ISO_8859_1);
        ImportOptions umockdev = ImportOptions.defaults().withFormat(TraceFormat.UMOCKDEV);
        assertThatThrownBy(() -> readAll(bytes, umockdev)).isInstanceOf(TraceFormatException.class)
                .hasMessage("log.txt:2: a line longer than " + LineSource.MAX_LINE
                        + " characters; expected a text log with line breaks");
        List<TraceEntry> e = readAll(bytes, umockdev.withKeepGoing(true));
        assertThat(e).hasSize(3);
        assertThat(e.get(1)).isInstanceOfSatisfying(Marker.class, m -> assertThat(m.kind()).isEqualTo(Marker.Kind.GAP));
        assertThat(new String(((Chunk) e.get(2)).data(), StandardCharsets.ISO_8859_1)).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsPassedOver() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes(bom);
        log.writeBytes("AT+CGMI\r\nQuectel\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (TraceReader r = open(log.toByteArray(), ShortSession.options())) {
            assertThat(r.metadata().tags()).containsEntry("imported-from", "transcript");
            assertThat(ShortSession.transactions(ShortSession.readAll(r), false))
                    .containsExactly("AT+CGMI | RESPONSE Quectel | OK | OK");
        }
        ByteArrayOutputStream native_ = new ByteArrayOutputStream();
        native_.writeBytes(bom);
        native_.writeBytes("# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT\\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readAll(native_.toByteArray(), ImportOptions.defaults())).hasSize(1);
    }
}
