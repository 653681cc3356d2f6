package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Given the grammars, the emulated module's handler table has a row for every command of the M-series library, and no row for a command no grammar knows. */
class HandlerTableTest {

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @Test
    void everyCommandOfTheApplicationNoteHasARow() {
        Set<String> rows = new EmulatedModule(EmulatorConfig.defaults(), REGISTRY, "table").answeredCommands();
        Set<String> note = REGISTRY.library("quectel-gsm-https").orElseThrow().grammar().commands().stream()
                .map(Grammar.CommandSpec::name).collect(Collectors.toSet());
        assertThat(rows).containsAll(note);
    }

    @Test
    void everyRowIsACommandAGrammarKnows() {
        Set<String> rows = new EmulatedModule(EmulatorConfig.defaults(), REGISTRY, "table").answeredCommands();
        assertThat(rows).allSatisfy(name -> assertThat(REGISTRY.command(name)).as("the grammar of %s", name)
                .isPresent());
    }
}
