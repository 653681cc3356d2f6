package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A command as sent, resolved against the grammar for {@link ProtocolRegistry}: the subcommand its
 * first parameter selects ({@code AT+QSSLCFG="sslversion",...}, aliases resolved) and its
 * parameters named with their meanings.
 */
final class CommandResolution {

    private final ProtocolRegistry registry;
    /** Per command with subcommands: each subcommand's whole parameter list, selector first, aliases resolved. */
    private final Map<String, Map<String, ProtocolRegistry.Sub>> subcommands = new HashMap<>();
    /**
     * The command asked about last, resolved: the session tracker, the module states and the rules
     * each ask about the same command in turn, and resolving it (splitting its arguments, naming
     * them, finding their meanings) was a fifth of checking a command-dense trace.
     */
    private volatile Resolved lastResolved;

    CommandResolution(ProtocolRegistry registry, Map<String, Grammar.CommandSpec> commands) {
        this.registry = registry;
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

    /** The subcommand a write command selects, aliases resolved; empty when it selects none. */
    Optional<ProtocolRegistry.Sub> subcommand(AtCommand command) {
        return resolved(command).sub;
    }

    /** The subcommands of a command's write form by lower-case name, or an empty map. */
    Map<String, ProtocolRegistry.Sub> subcommands(String commandName) {
        Map<String, ProtocolRegistry.Sub> m = subcommands.get(commandName.toUpperCase(Locale.ROOT));
        return m == null ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** The command's parameters named by the grammar ({@link ProtocolRegistry#parameters}). */
    List<NamedParam> parameters(AtCommand command) {
        Resolved r = resolved(command);
        List<NamedParam> p = r.parameters;
        if (p == null) {
            p = List.copyOf(nameParameters(command, r.sub));
            r.parameters = p;
        }
        return p;
    }

    private Optional<ProtocolRegistry.Sub> findSubcommand(AtCommand command) {
        if (!hasSubcommands(command)) {
            return Optional.empty();
        }
        String first = firstParam(command.args());
        return Optional.ofNullable(subcommands.get(command.name()).get(
                AtArguments.unquote(first).toLowerCase(Locale.ROOT)));
    }

    /** The command's subcommand and parameters, from the last time it was asked about or found now. */
    private Resolved resolved(AtCommand command) {
        Resolved r = lastResolved;
        if (r == null || r.command != command) {
            r = new Resolved(command, findSubcommand(command));
            lastResolved = r;
        }
        return r;
    }

    /** One command resolved; its parameters are named when first asked for (an immutable list, safe to share). */
    private static final class Resolved {
        final AtCommand command;
        final Optional<ProtocolRegistry.Sub> sub;
        List<NamedParam> parameters;

        Resolved(AtCommand command, Optional<ProtocolRegistry.Sub> sub) {
            this.command = command;
            this.sub = sub;
        }
    }

    private List<NamedParam> nameParameters(AtCommand command, Optional<ProtocolRegistry.Sub> sub) {
        List<String> raws = command.params();
        if (raws.isEmpty()) {
            return List.of();
        }
        List<Grammar.ParamSpec> specs = sub.isPresent() ? sub.get().params() : registry.paramSpecs(command);
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
