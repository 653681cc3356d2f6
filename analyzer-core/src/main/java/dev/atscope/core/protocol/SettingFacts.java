package dev.atscope.core.protocol;

import dev.atscope.core.decode.CommandForm;
import java.util.Optional;

/**
 * What the grammar says about a setting the module keeps: the parameter of the write form (or of a
 * subcommand of it) that sets it, and the value it holds after a restart until a write sets it. The
 * models of the module read the values a trace never set from here, so that the checker's model and
 * the emulated module's answers start from the same facts.
 */
public final class SettingFacts {

    private SettingFacts() {}

    /**
     * The parameter called {@code name} of the command's write form or of one of its subcommands
     * ({@code sslversion} of AT+QSSLCFG, {@code n} of AT+CREG).
     */
    public static Optional<Grammar.ParamSpec> param(ProtocolRegistry registry, String command, String name) {
        Grammar.FormSpec write = registry.command(command).map(c -> c.forms().get(CommandForm.WRITE.word())).orElse(null);
        if (write == null) {
            return Optional.empty();
        }
        for (Grammar.ParamSpec p : write.params()) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        for (ProtocolRegistry.Sub s : registry.subcommands(command).values()) {
            for (Grammar.ParamSpec p : s.params()) {
                if (p.name().equals(name)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The value a setting holds until a write sets it: the grammar's {@code initialValue}, or empty
     * when the grammar gives none (a file name, an APN: nothing is set).
     */
    public static String initial(ProtocolRegistry registry, String command, String name) {
        return param(registry, command, name).map(Grammar.ParamSpec::initialValue).orElse("");
    }
}
