package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.DecoderOptions;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Given the replay's own traffic as it is recorded, when the sender waits on it, then the right event ends the wait. */
class AnswerTrackerTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    static final long MINUTE_MICROS = 60_000_000;

    @Test
    void aBodysFinalResultEndsTheWaitOnceTheModuleHasBeenQuietNotAtTheTimeOut() throws Exception {
        AnswerTracker live = live();
        long start = live.now();
        live.feed(new Chunk(start, Direction.HOST_TO_MODULE, ascii("AT+QHTTPREAD=30\r")));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.writeBytes(ascii("AT+QHTTPREAD=30\r\r\nCONNECT\r\n"));
        answer.writeBytes(NoteExamples.page());
        answer.writeBytes(ascii("\r\nOK\r\n"));
        long okAt = live.now();
        live.feed(new Chunk(okAt, Direction.MODULE_TO_HOST, answer.toByteArray()));

        // an OK inside a body may be body text: it is final only after the module has been quiet,
        // which no further byte announces; the waiter must look again by itself when the quiet ends
        long ended = live.awaitEnd(1, MINUTE_MICROS);
        long returned = live.now();

        assertThat(ended).as("the time of the final result").isEqualTo(okAt);
        assertThat(returned - okAt).as("waited at least the body's quiet time")
                .isGreaterThan(DecoderOptions.DEFAULTS.bodyQuietMicros());
        assertThat(returned - start).as("ended by the quiet, not by the minute's time-out").isLessThan(MINUTE_MICROS / 2);
    }

    @Test
    void aWaitForAnEndThatNeverComesGivesUpAtItsTimeOut() throws Exception {
        AnswerTracker live = live();
        long start = live.now();
        live.feed(new Chunk(start, Direction.HOST_TO_MODULE, ascii("AT+QIACT\r")));
        assertThat(live.awaitEnd(1, 50_000)).isEqualTo(-1);
        assertThat(live.now() - start).isGreaterThanOrEqualTo(50_000);
    }

    @Test
    void awaitQuietReturnsOnceTheModuleHasBeenQuietThatLong() throws Exception {
        AnswerTracker live = live();
        long lastByte = live.now();
        live.feed(new Chunk(lastByte, Direction.MODULE_TO_HOST, ascii("\r\nRDY\r\n")));
        // longer than a body's quiet, as the replay's settling time is: that wake alone would not reach it
        long quiet = 3 * DecoderOptions.DEFAULTS.bodyQuietMicros();
        live.awaitQuiet(quiet, MINUTE_MICROS);
        long returned = live.now();
        assertThat(returned - lastByte).isGreaterThanOrEqualTo(quiet).isLessThan(MINUTE_MICROS / 2);
    }

    /** Live decoding on the machine's clock, as the replay's recorder keeps it. */
    private static AnswerTracker live() {
        return new AnswerTracker(REGISTRY, Masks.BUILT_IN, () -> System.nanoTime() / 1000);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
