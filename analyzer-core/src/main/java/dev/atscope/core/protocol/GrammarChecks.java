package dev.atscope.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the registry refuses in a grammar as it loads it: an unknown parameter type, a size of no file, an
 * initial value not in its table, a completion's unknown field.
 */
final class GrammarChecks {

    private GrammarChecks() {}

    private static final java.util.Set<String> TYPES = java.util.Set.of("integer", "string", "hex", "enum", "file");

    /** Refuses a grammar whose parameters name an unknown type or a size's file parameter that is not there. */
    static void check(String library, Grammar.CommandSpec c) {
        for (Map.Entry<String, Grammar.FormSpec> f : c.forms().entrySet()) {
            // where: built only for a message (string concatenation's first use costs start-up time)
            String form = f.getKey();
            checkParams(library, c, form, null, f.getValue().params(), f.getValue().responses());
            for (Map.Entry<String, Grammar.SubcommandSpec> sub : f.getValue().subcommands().entrySet()) {
                List<Grammar.ParamSpec> all = new ArrayList<>(f.getValue().params());
                all.addAll(sub.getValue().params());
                checkParams(library, c, form, sub.getKey(), all, sub.getValue().responses());
            }
            Grammar.CompletionSpec done = f.getValue().completion();
            if (done != null) {
                checkParams(library, c, form, COMPLETION, done.params(), List.of());
                for (Grammar.ResultFieldSpec r : done.results()) {
                    if (done.params().stream().noneMatch(p -> p.name().equals(r.param()))) {
                        throw new IllegalArgumentException(where(library, c, form, COMPLETION) + " " + done.prefix() + ": result <"
                                + r.param() + "> is not one of its fields");
                    }
                }
            }
        }
    }

    private static void checkParams(String library, Grammar.CommandSpec c, String form, String part,
            List<Grammar.ParamSpec> params, List<Grammar.ResponseSpec> responses) {
        List<Grammar.ParamSpec> all = new ArrayList<>(params);
        responses.forEach(r -> all.addAll(r.params()));
        for (Grammar.ParamSpec p : List.copyOf(all)) {
            if (p.or() != null) {
                all.add(p.or());
            }
        }
        for (Grammar.ParamSpec p : all) {
            if (p.type() != null && !TYPES.contains(p.type())) {
                throw new IllegalArgumentException(where(library, c, form, part) + " <" + p.name() + ">: type '" + p.type()
                        + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
            }
        }
        for (Grammar.ParamSpec p : params) {
            if (p.initialValue() != null && "enum".equals(p.type()) && !p.values().containsKey(p.initialValue())) {
                throw new IllegalArgumentException(where(library, c, form, part) + " <" + p.name() + ">: initialValue '"
                        + p.initialValue() + "' is not one of its values");
            }
            if (p.sizeOf() != null && params.stream().noneMatch(q -> q.name().equals(p.sizeOf()) && "file".equals(q.type()))) {
                throw new IllegalArgumentException(where(library, c, form, part) + " <" + p.name() + ">: sizeOf names '" + p.sizeOf()
                        + "', which is not a file parameter of the same form");
            }
        }
    }

    /** The part of a form that is its completion line, for {@link #where}. */
    private static final String COMPLETION = new String("completion");

    /** Where in a grammar: the library, the command, its form, and a subcommand's name or the completion. */
    private static String where(String library, Grammar.CommandSpec c, String form, String part) {
        String in = part == null ? "" : part == COMPLETION ? " completion" : " \"" + part + "\"";
        return library + ": " + c.name() + " " + form + in;
    }
}
