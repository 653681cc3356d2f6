package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The live decoder of a capture, and the words its line-error markers use. */
class CaptureDecoderTest {

    @Test
    void eachTransactionComesOutOnceItsResultIsInAndTheLastOneAtTheEnd() {
        List<Decoded> seen = new CopyOnWriteArrayList<>();
        CaptureDecoder live = new CaptureDecoder(ProtocolRegistry.loadDefault(), seen::add);
        List<TraceEntry> script = NoteExamples.httpsGet().entries();
        script.forEach(live);
        List<TraceEntry> unanswered = new ScriptedTraffic().pause(script.get(script.size() - 1).timeMicros() + 1000)
                .command("AT+QIACT").entries();
        unanswered.forEach(live);
        // while the capture runs, the answered ones come out on their own
        PassiveTapTest.awaitAtLeast(13, () -> seen.stream().filter(d -> d instanceof Transaction).count());
        assertThat(seen.stream().filter(d -> d instanceof Transaction)).hasSize(13);
        live.close();

        List<Transaction> ts = seen.stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
        assertThat(ts).hasSize(14);
        assertThat(ts.subList(0, 13)).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.OK));
        // the command sent last has no answer: only the end of the input lets it out
        assertThat(ts.get(13).outcome()).isEqualTo(Outcome.NO_RESPONSE);
    }

    @Test
    void lineConditionsAreNamedForAPerson() {
        assertThat(SerialLink.lineErrorText(SerialPort.LISTENING_EVENT_FRAMING_ERROR)).isEqualTo("framing error");
        assertThat(SerialLink.lineErrorText(SerialPort.LISTENING_EVENT_PARITY_ERROR
                | SerialPort.LISTENING_EVENT_SOFTWARE_OVERRUN_ERROR))
                .isEqualTo("parity error, overrun in the driver's buffer");
        assertThat(SerialLink.lineErrorText(SerialPort.LISTENING_EVENT_FIRMWARE_OVERRUN_ERROR))
                .isEqualTo("overrun in the adapter");
        assertThat(SerialLink.lineErrorText(SerialPort.LISTENING_EVENT_BREAK_INTERRUPT)).isEqualTo("break");
    }
}
