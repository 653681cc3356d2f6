package dev.atscope.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.compiled.CompileResources;
import dev.atscope.core.compiled.RecordCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The compact form of each shipped grammar, which start-up reads, says what its JSON says: written
 * from the JSON now it is the same bytes as the one on the class path (so none is stale), and read
 * back it is the same grammar, record for record, as Jackson reads from the JSON.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompiledGrammarTest {

    @Test
    void everyShippedGrammarHasAFreshCompactFormThatReadsAsItsJson() throws IOException {
        int checked = 0;
        for (ProtocolLibrary lib : ProtocolRegistry.loadDefault().libraries()) {
            GrammarLibrary g = (GrammarLibrary) lib;
            Class<?> owner = g.getClass();
            byte[] json;
            byte[] shipped;
            try (InputStream in = owner.getResourceAsStream(g.resource());
                    InputStream bin = owner.getResourceAsStream(RecordCodec.compiledName(g.resource()))) {
                assertThat(bin).as("compact form of " + g.resource()).isNotNull();
                json = in.readAllBytes();
                shipped = bin.readAllBytes();
            }
            assertThat(Arrays.equals(CompileResources.compile(json, Grammar.class), shipped))
                    .as(g.resource() + "'s compact form is what its JSON compiles to (rebuild analyzer-core if not)")
                    .isTrue();
            Grammar fromJson = GrammarLibrary.load(owner, g.resource());
            assertThat(RecordCodec.read(shipped, Grammar.class)).isEqualTo(fromJson);
            assertThat(g.grammar()).isEqualTo(fromJson);
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void thePrefixPatternsCompactFormIsFreshAndReadsAsItsJson() throws Exception {
        Class<? extends Record> type = Class.forName("dev.atscope.core.trace.imports.PrefixPatterns$File")
                .asSubclass(Record.class);
        Class<?> owner = type.getEnclosingClass();
        byte[] json;
        byte[] shipped;
        try (InputStream in = owner.getResourceAsStream("prefix-patterns.json");
                InputStream bin = owner.getResourceAsStream("prefix-patterns.bin")) {
            assertThat(bin).isNotNull();
            json = in.readAllBytes();
            shipped = bin.readAllBytes();
        }
        assertThat(Arrays.equals(CompileResources.compile(json, type), shipped)).isTrue();
        Record read = RecordCodec.read(shipped, type);
        assertThat(read).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, type));
        assertThat(read.toString()).contains("regex");
    }

    @Test
    void aFormForAnotherShapeOrCutShortIsRefused() throws IOException {
        byte[] json;
        try (InputStream in = GrammarLibrary.class.getResourceAsStream("basic/v250.json")) {
            json = in.readAllBytes();
        }
        byte[] form = CompileResources.compile(json, Grammar.class);
        assertThatThrownBy(() -> RecordCodec.read(form, Grammar.UrcSpec.class))
                .isInstanceOf(IOException.class).hasMessageContaining("another shape of");
        byte[] cut = Arrays.copyOf(form, form.length - 7);
        assertThatThrownBy(() -> RecordCodec.read(cut, Grammar.class))
                .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> RecordCodec.read(json, Grammar.class))
                .isInstanceOf(IOException.class).hasMessageContaining("not a compiled table");
    }
}
