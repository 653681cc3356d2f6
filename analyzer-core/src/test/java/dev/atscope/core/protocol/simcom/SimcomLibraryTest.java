package dev.atscope.core.protocol.simcom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Completion;
import dev.atscope.core.protocol.ErrorClass;
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
 * The SIMCom grammar as the decoder reads it: the results of its own that end a command, the
 * uploads it starts with {@code >} and with {@code DOWNLOAD}, the completion of AT+HTTPACTION, and
 * its choice for a trace that shows a SIMCom model.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimcomLibraryTest {

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** Alternating host and module chunks, a millisecond apart. */
    private static List<TraceEntry> wire(String... hostThenModule) {
        List<TraceEntry> out = new ArrayList<>();
        for (int i = 0; i < hostThenModule.length; i++) {
            Direction d = i % 2 == 0 ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
            out.add(new Chunk(i * 1000L, d, hostThenModule[i].getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    private static List<Transaction> decode(List<TraceEntry> entries) {
        return TraceDecoding.transactions(entries, new LibrarySelection(REGISTRY));
    }

    @Test
    void shutOkEndsCipshutAndSendOkEndsCipsendAfterItsPrompt() {
        List<Transaction> t = decode(wire("AT+CIPSHUT\r", "\r\nSHUT OK\r\n", "AT+CIPSEND=5\r", "\r\n> ", "hello",
                "\r\nSEND OK\r\n", "AT+CIPCLOSE\r", "\r\nCLOSE OK\r\n"));
        assertThat(t).extracting(Transaction::resultText).containsExactly("SHUT OK", "SEND OK", "CLOSE OK");
        assertThat(t).extracting(Transaction::outcome).containsOnly(Outcome.OK);
        assertThat(t.get(1).payloads()).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("hello"));
    }

    @Test
    void sendFailIsAFailure() {
        List<Transaction> t = decode(wire("AT+CIPSEND=2\r", "\r\n> ", "hi", "\r\nSEND FAIL\r\n"));
        assertThat(t).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.ERROR));
    }

    @Test
    void downloadStartsTheBodyOfHttpdataAndItsCountEndsIt() {
        // the body holds "OK" on a line of its own: counted bytes, not a result
        List<Transaction> t = decode(wire("AT+HTTPDATA=8,10000\r", "\r\nDOWNLOAD\r\n", "ab\r\nOK\r\n", "\r\nOK\r\n"));
        assertThat(t).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.OK);
            assertThat(x.payloads()).singleElement().satisfies(p -> assertThat(p.span()).isEqualTo(8));
        });
    }

    @Test
    void downloadIsNoDataModeForACommandThatDoesNotAskForIt() {
        List<Transaction> t = decode(wire("AT+HTTPINIT\r", "\r\nDOWNLOAD\r\n\r\nOK\r\n", "AT\r", "\r\nOK\r\n"));
        assertThat(t).hasSize(2).allSatisfy(x -> assertThat(x.payloads()).isEmpty());
    }

    @Test
    void httpactionsCompletionSaysHowTheRequestWent() {
        var action = CommandLineParser.parse("AT+HTTPACTION=1").get(0);
        Completion ok = REGISTRY.completion(action, "+HTTPACTION: 1,200,16").orElseThrow();
        assertThat(ok.ok()).isTrue();
        Completion failed = REGISTRY.completion(action, "+HTTPACTION: 1,601,0").orElseThrow();
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error().errorClass()).isEqualTo(ErrorClass.PDP);
        assertThat(REGISTRY.completion(action, "+HTTPACTION: 0,603,0").orElseThrow().error().errorClass()).isEqualTo(ErrorClass.DNS);
    }

    @Test
    void aSimcomModelChoosesTheLibrary() {
        LibrarySelection s = new LibrarySelection(REGISTRY);
        TraceDecoding.transactions(wire("ATI\r", "\r\nSIM800 R14.18\r\n\r\nOK\r\n"), s).forEach(s::observe);
        assertThat(s.vendor()).hasValueSatisfying(l -> assertThat(l.id()).isEqualTo("simcom"));
    }
}
