package dev.atscope.core.check;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one command against the grammar of the protocol libraries: known command, allowed form,
 * parameter count, types and ranges. The checker, the emulator and the report all ask this one
 * class, so that there is one reading of the grammar. Columns in the returned diagnostics are
 * 0-based positions in {@link AtCommand#display()}.
 */
public final class CommandValidator {

    private final ProtocolRegistry registry;

    public CommandValidator(ProtocolRegistry registry) {
        this.registry = registry;
    }

    /** The problems of one command; empty when it is valid. */
    public List<Diagnostic> validate(AtCommand command) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<Grammar.CommandSpec> spec = registry.command(command.name());
        String display = command.display();
        if (spec.isEmpty()) {
            out.add(new Diagnostic("command.unknown", Severity.INFO,
                    "AT" + command.name() + " is not in any loaded protocol library; not checked", null,
                    Where.column(2, Math.max(1, display.length() - 2))));
            return out;
        }
        Grammar.CommandSpec c = spec.get();
        Grammar.FormSpec form = c.forms().get(command.form().word());
        if (form == null) {
            out.add(new Diagnostic("command.form", Severity.ERROR,
                    "AT" + c.name() + " has no " + command.form().word() + " form" + forms(c), c.section(),
                    Where.column(2, Math.max(1, display.length() - 2))));
            return out;
        }
        if (command.form() != CommandForm.WRITE) {
            return out;
        }
        List<String> params = command.params();
        int argsColumn = display.length() - command.args().length();
        List<Grammar.ParamSpec> specs = form.params();
        int required = (int) specs.stream().filter(p -> !p.optional()).count();
        if (params.size() > specs.size()) {
            out.add(new Diagnostic("param.count", Severity.ERROR, "AT" + c.name() + " takes at most " + specs.size()
                    + " parameters; " + params.size() + " given", c.section(),
                    Where.column(argsColumn, command.args().length())));
        } else if (params.size() < required) {
            out.add(new Diagnostic("param.count", Severity.ERROR, "AT" + c.name() + " needs " + required
                    + " parameters (" + names(specs) + "); " + params.size() + " given", c.section(),
                    Where.column(argsColumn, Math.max(1, command.args().length()))));
        }
        int col = argsColumn;
        int rawPos = 0;
        for (int i = 0; i < Math.min(params.size(), specs.size()); i++) {
            String raw = params.get(i);
            int at = command.args().indexOf(raw, rawPos);
            int column = at < 0 ? col : argsColumn + at;
            if (at >= 0) {
                rawPos = at + raw.length();
            }
            String problem = problem(specs.get(i), raw);
            if (problem != null) {
                out.add(new Diagnostic(problemRule(specs.get(i), raw), Severity.ERROR,
                        "<" + specs.get(i).name() + "> of AT" + c.name() + ": " + problem, c.section(),
                        Where.column(column, Math.max(1, raw.length()))));
            }
        }
        return out;
    }

    /** What is wrong with one value, or null when it fits the parameter. */
    public static String problem(Grammar.ParamSpec p, String raw) {
        if (raw.isEmpty()) {
            return p.optional() ? null : "missing; expected " + expected(p);
        }
        String type = p.type() == null ? "string" : p.type();
        switch (type) {
            case "string" -> {
                if (!AtArguments.isQuoted(raw)) {
                    return raw + " is not a quoted string; expected \"...\"";
                }
                return null;
            }
            case "hex" -> {
                String v = AtArguments.unquote(raw);
                if (!v.matches("(0[xX])?[0-9a-fA-F]+")) {
                    return raw + " is not a hexadecimal number";
                }
                return null;
            }
            case "integer", "enum" -> {
                if (!p.values().isEmpty()) {
                    String v = AtArguments.unquote(raw);
                    if (!p.values().containsKey(v)) {
                        return raw + " is not one of " + String.join(", ", p.values().keySet());
                    }
                    return null;
                }
                long v;
                try {
                    v = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    return raw + " is not a whole number; expected " + expected(p);
                }
                if (p.min() != null && v < p.min() || p.max() != null && v > p.max()) {
                    return v + " is out of range; expected " + expected(p);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String problemRule(Grammar.ParamSpec p, String raw) {
        String type = p.type() == null ? "string" : p.type();
        if (raw.isEmpty()) {
            return "param.missing";
        }
        if (("integer".equals(type) || "enum".equals(type)) && p.values().isEmpty()) {
            try {
                Long.parseLong(raw);
                return "param.range";
            } catch (NumberFormatException e) {
                return "param.type";
            }
        }
        return "enum".equals(type) || !p.values().isEmpty() ? "param.value" : "param.type";
    }

    private static String expected(Grammar.ParamSpec p) {
        if (!p.values().isEmpty()) {
            return "one of " + String.join(", ", p.values().keySet());
        }
        if (p.min() != null && p.max() != null) {
            return p.min() + "-" + p.max();
        }
        return p.type();
    }

    private static String names(List<Grammar.ParamSpec> specs) {
        List<String> n = new ArrayList<>();
        for (Grammar.ParamSpec p : specs) {
            n.add(p.optional() ? "[" + p.name() + "]" : p.name());
        }
        return String.join(",", n);
    }

    private static String forms(Grammar.CommandSpec c) {
        return "; it has " + String.join(", ", c.forms().keySet());
    }
}
