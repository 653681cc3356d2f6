package dev.atscope.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A module finishes one command before it answers the next: when the host gave up on a command and
 * sent another, a line that names the first and the result right after it are the first's late
 * answer, not the new command's (samples/field-logs/esp-at-388: AT+CWJAP's {@code +CWJAP:4} and
 * {@code ERROR} come while a probe {@code AT} waits).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LateAnswerTest {

    private static final ProtocolRegistry GRAMMAR = ProtocolRegistry.loadDefault();

    /** Chunks in order; a text starting with "> " is the host's, any other the module's. */
    private static List<Decoded> decode(String... lines) {
        List<TraceEntry> entries = new ArrayList<>();
        long t = 0;
        for (String l : lines) {
            boolean host = l.startsWith("> ");
            String text = host ? l.substring(2) + "\r" : "\r\n" + l + "\r\n";
            entries.add(new Chunk(t += 1000, host ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST,
                    text.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return TraceDecoding.decode(entries, GRAMMAR);
    }

    private static List<String> transactions(List<Decoded> decoded) {
        return decoded.stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d)
                .map(t -> t.command().text() + " " + t.outcome() + " " + t.resultText()).toList();
    }

    @Test
    void theAnswerThatNamesTheCommandGivenUpOnIsItsWithTheResultAfterIt() {
        List<Decoded> d = decode("> AT+CWJAP=\"x\",\"y\"", "> AT", "busy p...", "> AT", "+CWJAP:4", "ERROR", "> AT", "OK");
        assertThat(transactions(d)).containsExactly("AT+CWJAP=\"x\",\"y\" NO_RESPONSE ", "AT NO_RESPONSE ",
                "AT NO_RESPONSE ", "AT OK OK");
        assertThat(d).filteredOn(x -> x instanceof Event e && e.note() != null && e.note().contains("late"))
                .extracting(x -> ((Event) x).kind()).containsExactly(EventKind.URC, EventKind.FINAL);
    }

    @Test
    void aResultInBetweenSaysTheModuleIsDoneWithTheOldCommand() {
        // the second AT got its OK: a later +CWJAP: line is no answer of the first command any more
        List<Decoded> d = decode("> AT+CWJAP=\"x\",\"y\"", "> AT", "OK", "> AT+CIPSTATUS", "+CWJAP:4", "ERROR");
        assertThat(transactions(d)).containsExactly("AT+CWJAP=\"x\",\"y\" NO_RESPONSE ", "AT OK OK",
                "AT+CIPSTATUS ERROR ERROR");
    }

    @Test
    void theWaitingCommandsOwnAnswerStaysItsOwn() {
        List<Decoded> d = decode("> AT+CWJAP?", "> AT+CWJAP?", "+CWJAP:\"ap\"", "OK");
        assertThat(transactions(d)).containsExactly("AT+CWJAP? NO_RESPONSE ", "AT+CWJAP? OK OK");
    }
}
