package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.List;

/** A command's timeout parameter, in seconds, or the grammar's default for it. */
final class Timeouts {

    /** When neither the command nor the grammar says. */
    private static final long FALLBACK_SECONDS = 60;

    private Timeouts() {}

    /** The parameter at {@code index} of a write form, or the grammar's default for it. */
    static long seconds(ProtocolRegistry registry, AtCommand c, int index) {
        List<String> p = c.params();
        if (c.form() == CommandForm.WRITE && p.size() > index && !p.get(index).isEmpty()) {
            return Long.parseLong(p.get(index));
        }
        return grammarDefault(registry, c, index);
    }

    /** The grammar's default of the write form's parameter at {@code index}. */
    static long grammarDefault(ProtocolRegistry registry, AtCommand c, int index) {
        Grammar.FormSpec w = registry.command(c.name()).map(s -> s.forms().get("write")).orElse(null);
        if (w != null && index < w.params().size() && w.params().get(index).defaultValue() != null) {
            return Long.parseLong(w.params().get(index).defaultValue());
        }
        return FALLBACK_SECONDS;
    }
}
