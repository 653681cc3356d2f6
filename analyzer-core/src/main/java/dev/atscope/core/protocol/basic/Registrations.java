package dev.atscope.core.protocol.basic;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the registration reports of 27.007 read: the read answer has {@code <n>} before {@code
 * <stat>}, the URC (7.2, 10.1.19, 10.1.22) starts with {@code <stat>}; the other fields are named
 * by the read answer's grammar.
 */
final class Registrations {

    /** The commands whose answers and URCs report a registration, one per domain. */
    static final List<String> COMMANDS = List.of("+CREG", "+CGREG", "+CEREG");

    private Registrations() {}

    /** A registration line read, or null when it has no fields. */
    static NetworkState.Registration parse(ProtocolRegistry registry, String command, String line, boolean urc) {
        int colon = line.indexOf(':');
        List<String> f = AtArguments.split((colon < 0 ? line : line.substring(colon + 1)).strip());
        if (f.isEmpty() || f.get(0).isEmpty()) {
            return null;
        }
        boolean withN = !urc && f.size() >= 2;
        String stat = f.get(withN ? 1 : 0);
        Map<String, String> named = named(registry, command, f, withN ? 0 : 1);
        return new NetworkState.Registration(command, stat, meaning(registry, command, "stat", stat),
                named.get("reject_cause"), line);
    }

    /**
     * Reads registration lines, remembering the last line of each domain: a trace that polls gets
     * the same report over and over ({@code +CGREG: 0,1}), and the same line reads the same.
     */
    static final class Reader {
        private final String[] lines = new String[COMMANDS.size()];
        private final boolean[] urcs = new boolean[COMMANDS.size()];
        private final ProtocolRegistry[] registries = new ProtocolRegistry[COMMANDS.size()];
        private final NetworkState.Registration[] reports = new NetworkState.Registration[COMMANDS.size()];

        /** What {@link Registrations#parse} gives. */
        NetworkState.Registration parse(ProtocolRegistry registry, String command, String line, boolean urc) {
            int i = COMMANDS.indexOf(command);
            if (i < 0) {
                return Registrations.parse(registry, command, line, urc);
            }
            if (registries[i] != registry || urcs[i] != urc || !line.equals(lines[i])) {
                reports[i] = Registrations.parse(registry, command, line, urc);
                registries[i] = registry;
                urcs[i] = urc;
                lines[i] = line;
            }
            return reports[i];
        }
    }

    /** {@code ; reject cause 15 (no suitable cells in tracking area)} when the report carries a cause, else empty. */
    static String cause(ProtocolRegistry registry, NetworkState.Registration r) {
        if (r.rejectCause() == null) {
            return "";
        }
        String m = meaning(registry, r.command(), "reject_cause", r.rejectCause());
        return "; reject cause " + r.rejectCause() + (m == null ? "" : " (" + m + ")");
    }

    /** The fields by the names the read answer's grammar gives them, a URC's shifted by its missing {@code <n>}. */
    private static Map<String, String> named(ProtocolRegistry registry, String command, List<String> fields,
            int shift) {
        Map<String, String> out = new HashMap<>();
        List<Grammar.ParamSpec> params = readParams(registry, command);
        for (int i = shift; i < params.size() && i - shift < fields.size(); i++) {
            String v = fields.get(i - shift);
            if (!v.isEmpty()) {
                out.put(params.get(i).name(), AtArguments.unquote(v));
            }
        }
        return out;
    }

    private static List<Grammar.ParamSpec> readParams(ProtocolRegistry registry, String command) {
        return registry.command(command).map(c -> c.forms().get(CommandForm.READ.word()))
                .map(f -> f.responses().isEmpty() ? List.<Grammar.ParamSpec>of() : f.responses().get(0).params())
                .orElse(List.of());
    }

    /** A value's meaning in the table of the read answer's parameter of that name, or null. */
    static String meaning(ProtocolRegistry registry, String command, String param, String value) {
        for (Grammar.ParamSpec p : readParams(registry, command)) {
            if (p.name().equals(param)) {
                return ProtocolRegistry.valueMeaning(p, value);
            }
        }
        return null;
    }
}
