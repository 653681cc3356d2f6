package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.ResponseShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A command as sent, resolved against the grammar for {@link ProtocolRegistry}: its definition and
 * the form it was sent in, the subcommand its first parameter selects ({@code
 * AT+QSSLCFG="sslversion",...}, aliases resolved), the parameter and response lists that apply,
 * and its parameters named with their meanings. Each command is resolved once per registry and the
 * result kept with it ({@link AtCommand#derived}): the decoder, the session tracker, the module
 * states, the rules and the validator all ask about the same command, and a command-dense trace
 * repeats a handful of command lines.
 */
final class CommandResolution {

    /** {@link CommandForm#word()} of each form, computed once. */
    private static final String[] FORM_WORDS = new String[CommandForm.values().length];

    static {
        for (CommandForm f : CommandForm.values()) {
            FORM_WORDS[f.ordinal()] = f.word();
        }
    }

    private final ProtocolRegistry registry;
    private final Map<String, Grammar.CommandSpec> commands;
    /** Per command with subcommands: each subcommand's whole parameter list, selector first, aliases resolved. */
    private final Map<String, Map<String, ProtocolRegistry.Sub>> subcommands = new HashMap<>();

    CommandResolution(ProtocolRegistry registry, Map<String, Grammar.CommandSpec> commands) {
        this.registry = registry;
        this.commands = commands;
        commands.forEach((name, c) -> {
            Grammar.FormSpec write = c.forms().get(CommandForm.WRITE.word());
            if (write == null || write.subcommands().isEmpty()) {
                return;
            }
            Map<String, ProtocolRegistry.Sub> subs = new HashMap<>();
            write.subcommands().forEach((key, sub) -> {
                Grammar.SubcommandSpec target = sub;
                String targetKey = key.toLowerCase(Locale.ROOT);
                if (sub.aliasOf() != null) {
                    target = write.subcommands().get(sub.aliasOf());
                    if (target == null) {
                        throw new IllegalArgumentException(c.name() + " subcommand \"" + key + "\" is an alias of \""
                                + sub.aliasOf() + "\", which is not defined");
                    }
                    targetKey = sub.aliasOf().toLowerCase(Locale.ROOT);
                }
                List<Grammar.ParamSpec> all = new ArrayList<>(write.params());
                all.addAll(target.params());
                subs.put(key.toLowerCase(Locale.ROOT),
                        new ProtocolRegistry.Sub(targetKey, target, List.copyOf(all), sub.aliasOf() != null));
            });
            subcommands.put(name, subs);
        });
    }

    /** Whether the command's write form selects a subcommand with its first parameter. */
    boolean hasSubcommands(AtCommand command) {
        return command.form() == CommandForm.WRITE && subcommands.containsKey(command.name());
    }

    /** The subcommands of a command's write form by lower-case name, or an empty map. */
    Map<String, ProtocolRegistry.Sub> subcommands(String commandName) {
        Map<String, ProtocolRegistry.Sub> m = subcommands.get(commandName.toUpperCase(Locale.ROOT));
        return m == null ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** The command resolved against this grammar, from the command itself after the first time. */
    Resolved resolved(AtCommand command) {
        return command.derived(registry, resolver);
    }

    /** {@link #resolve} as a function made once: a method reference made at each call is an object each time. */
    private final java.util.function.Function<AtCommand, Resolved> resolver = this::resolve;

    private Resolved resolve(AtCommand command) {
        Grammar.CommandSpec spec = commands.get(command.name()); // decoded names are upper case already
        if (spec == null) {
            spec = commands.get(command.name().toUpperCase(Locale.ROOT));
        }
        Grammar.FormSpec form = spec == null ? null : spec.forms().get(FORM_WORDS[command.form().ordinal()]);
        Optional<ProtocolRegistry.Sub> sub = Optional.empty();
        if (hasSubcommands(command)) {
            sub = Optional.ofNullable(subcommands.get(command.name()).get(
                    AtArguments.unquote(firstParam(command.args())).toLowerCase(Locale.ROOT)));
        }
        return new Resolved(command, spec, form, sub);
    }

    /**
     * One command resolved against one registry's grammar; what is not needed by every reader (the
     * named parameters, the answer's shape) is made when first asked for.
     */
    final class Resolved {
        private final AtCommand command;
        /** The command's definition, or null when the grammar does not know it. */
        final Grammar.CommandSpec spec;
        /** The definition of the form it was sent in, or null. */
        final Grammar.FormSpec form;
        final Optional<ProtocolRegistry.Sub> sub;
        private volatile List<NamedParam> parameters;
        private volatile ResponseShape shape;

        private Resolved(AtCommand command, Grammar.CommandSpec spec, Grammar.FormSpec form,
                Optional<ProtocolRegistry.Sub> sub) {
            this.command = command;
            this.spec = spec;
            this.form = form;
            this.sub = sub;
        }

        /** The parameter list that applies: the subcommand's (selector first), else the form's. */
        List<Grammar.ParamSpec> paramSpecs() {
            if (sub.isPresent()) {
                return sub.get().params();
            }
            return form == null ? List.of() : form.params();
        }

        /** The information responses it may give: its subcommand's, else its form's. */
        List<Grammar.ResponseSpec> responseSpecs() {
            if (sub.isPresent() && !sub.get().spec().responses().isEmpty()) {
                return sub.get().spec().responses();
            }
            return form == null ? List.of() : form.responses();
        }

        /** Its parameters named by the grammar ({@link ProtocolRegistry#parameters}). */
        List<NamedParam> parameters() {
            List<NamedParam> p = parameters;
            if (p == null) {
                p = List.copyOf(nameParameters());
                parameters = p;
            }
            return p;
        }

        /** What the decoder is told about its answers. */
        ResponseShape shape() {
            ResponseShape s = shape;
            if (s == null) {
                s = registry.shapeOf(command);
                shape = s;
            }
            return s;
        }

        private List<NamedParam> nameParameters() {
            List<String> raws = command.params();
            if (raws.isEmpty()) {
                return List.of();
            }
            List<Grammar.ParamSpec> specs = paramSpecs();
            List<NamedParam> out = new ArrayList<>(raws.size());
            for (int i = 0; i < raws.size(); i++) {
                String raw = raws.get(i);
                String value = AtArguments.unquote(raw);
                Grammar.ParamSpec repeated = specs.isEmpty() || !specs.get(specs.size() - 1).repeats() ? null
                        : specs.get(specs.size() - 1);
                if (i < specs.size() || repeated != null) {
                    Grammar.ParamSpec p = i < specs.size() ? specs.get(i) : repeated;
                    String meaning = i == 0 && sub.isPresent() ? sub.get().spec().title() : registry.meaning(p, value);
                    out.add(new NamedParam(p.name(), raw, value, meaning));
                } else {
                    out.add(new NamedParam("p" + (i + 1), raw, value, null));
                }
            }
            return out;
        }
    }

    private static String firstParam(String args) {
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return args.substring(0, i).strip();
            }
        }
        return args.strip();
    }
}
