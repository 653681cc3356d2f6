package dev.atscope.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.Rechunk;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The decoder's result does not depend on how the bytes were split into chunks. */
class RechunkingProperties {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    @Property(tries = 40)
    void generatedSessionsDecodeTheSameHoweverTheyAreSplit(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll long splitSeed) throws Exception {
        List<TraceEntry> entries = new ArrayList<>();
        TraceWriter collect = new TraceWriter() {
            @Override
            public void write(TraceEntry entry) {
                entries.add(entry);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        new TraceGenerator(seed).write(collect, 20_000);
        List<Transaction> whole = TraceDecoding.transactions(entries, MODEL);
        assertThat(whole).isNotEmpty();
        assertThat(TraceDecoding.transactions(Rechunk.random(entries, splitSeed), MODEL)).isEqualTo(whole);
    }

    @Property(tries = 30)
    void noteExamplesDecodeTheSameHoweverTheyAreSplit(@ForAll @IntRange(min = 0, max = 2) int example,
            @ForAll long splitSeed) {
        List<TraceEntry> entries = (example == 0 ? NoteExamples.httpsGet()
                : example == 1 ? NoteExamples.certificatesInRam() : NoteExamples.certificatesInNvram()).entries();
        assertThat(TraceDecoding.decode(Rechunk.random(entries, splitSeed), MODEL))
                .isEqualTo(TraceDecoding.decode(entries, MODEL));
    }
}
