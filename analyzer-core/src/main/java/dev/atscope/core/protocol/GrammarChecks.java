package dev.atscope.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the registry refuses in a grammar as it loads it: an unknown parameter type, a size of no file, a completion's unknown field. */
final class GrammarChecks {

    private GrammarChecks() {}

    private static final java.util.Set<String> TYPES = java.util.Set.of("integer", "string", "hex", "enum", "file");

    /** Refuses a grammar whose parameters name an unknown type or a size's file parameter that is not there. */
    static void check(String library, Grammar.CommandSpec c) {
        for (Map.Entry<String, Grammar.FormSpec> f : c.forms().entrySet()) {
            String where = library + ": " + c.name() + " " + f.getKey();
            checkParams(where, f.getValue().params(), f.getValue().responses());
            for (Map.Entry<String, Grammar.SubcommandSpec> sub : f.getValue().subcommands().entrySet()) {
                List<Grammar.ParamSpec> all = new ArrayList<>(f.getValue().params());
                all.addAll(sub.getValue().params());
                checkParams(where + " \"" + sub.getKey() + "\"", all, sub.getValue().responses());
            }
            Grammar.CompletionSpec done = f.getValue().completion();
            if (done != null) {
                checkParams(where + " completion", done.params(), List.of());
                for (Grammar.ResultFieldSpec r : done.results()) {
                    if (done.params().stream().noneMatch(p -> p.name().equals(r.param()))) {
                        throw new IllegalArgumentException(where + " completion " + done.prefix() + ": result <"
                                + r.param() + "> is not one of its fields");
                    }
                }
            }
        }
    }

    private static void checkParams(String where, List<Grammar.ParamSpec> params, List<Grammar.ResponseSpec> responses) {
        List<Grammar.ParamSpec> all = new ArrayList<>(params);
        responses.forEach(r -> all.addAll(r.params()));
        for (Grammar.ParamSpec p : List.copyOf(all)) {
            if (p.or() != null) {
                all.add(p.or());
            }
        }
        for (Grammar.ParamSpec p : all) {
            if (p.type() != null && !TYPES.contains(p.type())) {
                throw new IllegalArgumentException(where + " <" + p.name() + ">: type '" + p.type()
                        + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
            }
        }
        for (Grammar.ParamSpec p : params) {
            if (p.sizeOf() != null && params.stream().noneMatch(q -> q.name().equals(p.sizeOf()) && "file".equals(q.type()))) {
                throw new IllegalArgumentException(where + " <" + p.name() + ">: sizeOf names '" + p.sizeOf()
                        + "', which is not a file parameter of the same form");
            }
        }
    }
}
