package dev.atscope.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Rechunk;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Whatever the data after a {@code >} prompt and however the bytes are split, the host's data comes out whole. */
class PromptDataModeProperties {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    @Property(tries = 60)
    void theDataAfterThePromptDecodesTheSameHoweverItIsSplit(
            @ForAll @StringLength(min = 1, max = 80) @CharRange(from = ' ', to = '~') @Chars({'\r', '\n'}) String data,
            @ForAll boolean echo, @ForAll boolean counted, @ForAll long splitSeed) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        ScriptedTraffic t = new ScriptedTraffic().echo(echo);
        t.command(counted ? "AT+QISEND=0," + bytes.length : "AT+QISEND=0");
        t.moduleBytes(2_000, "\r\n> ".getBytes(StandardCharsets.ISO_8859_1));
        t.hostBytes(3_000, counted ? bytes : (data + "\u001a").getBytes(StandardCharsets.ISO_8859_1));
        if (echo) {
            t.moduleBytes(300, bytes);
        }
        t.answer(20_000, "SEND OK");
        t.pause(500_000).command("AT").answer(2_000, "OK");
        List<TraceEntry> entries = t.entries();
        List<Decoded> whole = TraceDecoding.decode(entries, MODEL);
        assertThat(TraceDecoding.decode(Rechunk.random(entries, splitSeed), MODEL)).isEqualTo(whole);
        List<Transaction> tx = whole.stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
        assertThat(tx).hasSize(2);
        assertThat(tx.get(0).outcome()).isEqualTo(Outcome.OK);
        assertThat(tx.get(0).resultText()).isEqualTo("SEND OK");
        assertThat(tx.get(0).payloads()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(bytes));
        assertThat(tx.get(1).command().text()).isEqualTo("AT");
    }
}
