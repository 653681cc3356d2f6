package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every command form, subcommand, parameter and enumerated value of the shipped grammars:
 * each valid value passes, and each invalid neighbour (one past the range, a value outside the
 * table, the wrong type, a missing quote, a wrong storage or NVRAM name, a size over its storage's
 * limit) gives exactly one error, placed under that parameter.
 */
class GrammarConformanceTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    static final CommandValidator VALIDATOR = new CommandValidator(REGISTRY);

    /** A value to try in one parameter's place, and the rules that may refuse it (none: valid). */
    record Case(String raw, Set<String> rules) {
        static Case valid(String raw) {
            return new Case(raw, Set.of());
        }

        static Case invalid(String raw, String... rules) {
            return new Case(raw, Set.of(rules));
        }
    }

    static AtCommand write(String name, List<String> params) {
        String args = String.join(",", params);
        return new AtCommand(name, CommandForm.WRITE, args, name + "=" + args);
    }

    static List<Case> cases(Grammar.ParamSpec p) {
        List<Case> out = new ArrayList<>();
        String type = p.type() == null ? "string" : p.type();
        switch (type) {
            case "integer", "enum" -> {
                if (!p.values().isEmpty()) {
                    long max = Long.MIN_VALUE;
                    for (String k : p.values().keySet()) {
                        out.add(Case.valid(k));
                        max = Math.max(max, Long.parseLong(k));
                    }
                    out.add(Case.invalid(Long.toString(max + 1), "param.value"));
                    String first = p.values().keySet().iterator().next();
                    out.add(Case.invalid("\"" + first + "\"", "param.type"));
                    out.add(Case.invalid("x", "param.value"));
                } else {
                    out.add(Case.valid(Long.toString(p.min())));
                    out.add(Case.valid(Long.toString(p.max())));
                    out.add(Case.invalid(Long.toString(p.min() - 1), "param.range"));
                    out.add(Case.invalid(Long.toString(p.max() + 1), "param.range"));
                    out.add(Case.invalid("\"" + p.min() + "\"", "param.type"));
                    out.add(Case.invalid("1x", "param.type"));
                }
            }
            case "hex" -> {
                if (!p.values().isEmpty()) {
                    for (String k : p.values().keySet()) {
                        out.add(Case.valid(k));
                        out.add(Case.valid("\"" + k + "\""));
                    }
                    out.add(Case.invalid("0X0000", "param.value"));
                    out.add(Case.invalid("\"0XFFFG\"", "param.value"));
                } else {
                    out.add(Case.valid("1a2b"));
                    out.add(Case.invalid("xyz", "param.type"));
                }
            }
            case "string" -> {
                out.add(Case.valid("\"abc\""));
                out.add(Case.invalid("\"abc", "param.type"));
                out.add(Case.invalid("abc", "param.type"));
            }
            case "file" -> {
                REGISTRY.storages().forEach((prefix, storage) -> {
                    if (storage.names().isEmpty()) {
                        out.add(Case.valid("\"" + prefix + ":cert.pem\""));
                        out.add(Case.invalid("\"" + prefix + ":\"", "file.name"));
                    } else {
                        storage.names().keySet().forEach(n -> out.add(Case.valid("\"" + prefix + ":" + n + "\"")));
                        out.add(Case.invalid("\"" + prefix + ":XX9\"", "file.name"));
                    }
                });
                out.add(Case.invalid("\"FLASH:cert.pem\"", "file.storage"));
                out.add(Case.invalid("RAM:cert.pem", "param.type"));
            }
            default -> throw new AssertionError("parameter type " + type + " of " + p.name() + " has no cases");
        }
        return out;
    }

    /** The first valid value of each parameter, sizes at their minimum so that every storage takes them. */
    static List<String> base(List<Grammar.ParamSpec> specs) {
        List<String> out = new ArrayList<>();
        for (Grammar.ParamSpec p : specs) {
            out.add(p.sizeOf() != null ? Long.toString(p.min()) : cases(p).get(0).raw());
        }
        return out;
    }

    static int column(String name, List<String> params, int index) {
        int col = 2 + name.length() + 1;
        for (int j = 0; j < index; j++) {
            col += params.get(j).length() + 1;
        }
        return col;
    }

    static void expect(AtCommand c, Case k, int column) {
        List<Diagnostic> d = VALIDATOR.validate(c);
        if (k.rules().isEmpty()) {
            assertThat(d).as(c.display()).isEmpty();
        } else {
            assertThat(d).as(c.display()).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isIn(k.rules());
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.where().column()).isEqualTo(column);
                assertThat(x.where().length()).isEqualTo(k.raw().length());
            });
        }
    }

    /** Every parameter list of a command: its write form's, or one per subcommand (selector included). */
    static Map<String, List<Grammar.ParamSpec>> parameterLists(Grammar.CommandSpec c) {
        Map<String, List<Grammar.ParamSpec>> out = new LinkedHashMap<>();
        Grammar.FormSpec w = c.forms().get("write");
        if (w == null) {
            return out;
        }
        if (w.subcommands().isEmpty()) {
            out.put("", w.params());
        } else {
            REGISTRY.subcommands(c.name()).forEach((k, sub) -> out.put(k, sub.params()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFormOfEveryCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Grammar.CommandSpec c : REGISTRY.commands().values()) {
            tests.add(DynamicTest.dynamicTest(c.name() + " forms", () -> {
                for (CommandForm f : List.of(CommandForm.TEST, CommandForm.READ, CommandForm.EXECUTE)) {
                    AtCommand cmd = new AtCommand(c.name(), f, "", "AT".equals(c.name()) ? "" : c.name() + f.suffix());
                    List<Diagnostic> d = VALIDATOR.validate(cmd);
                    if (c.forms().containsKey(f.word())) {
                        assertThat(d).as(cmd.display()).isEmpty();
                    } else {
                        assertThat(d).as(cmd.display()).singleElement()
                                .satisfies(x -> assertThat(x.ruleId()).isEqualTo("command.form"));
                    }
                }
                if (!c.forms().containsKey("write")) {
                    assertThat(VALIDATOR.validate(write(c.name(), List.of("1")))).as(c.name() + "=1")
                            .extracting(Diagnostic::ruleId).containsExactly("command.form");
                }
            }));
            parameterLists(c).forEach((sub, specs) -> tests.add(DynamicTest.dynamicTest(
                    c.name() + (sub.isEmpty() ? "" : "=\"" + sub + "\"") + " parameters", () -> walk(c, sub, specs))));
        }
        return tests.stream();
    }

    static void walk(Grammar.CommandSpec c, String sub, List<Grammar.ParamSpec> specs) {
        boolean selector = !sub.isEmpty();
        List<String> base = base(specs);
        if (selector) {
            base.set(0, "\"" + sub + "\"");
        }
        List<Diagnostic> ok = VALIDATOR.validate(write(c.name(), base));
        if (REGISTRY.subcommands(c.name()).containsKey(sub) && REGISTRY.subcommands(c.name()).get(sub).alias()) {
            assertThat(ok).extracting(Diagnostic::ruleId).containsExactly("param.spelling");
            return;
        }
        assertThat(ok).as(write(c.name(), base).display()).isEmpty();
        // the query forms and the shortest form: optional parameters left out from the end
        int required = (int) specs.stream().filter(p -> !p.optional()).count();
        for (int n = required; n < specs.size(); n++) {
            assertThat(VALIDATOR.validate(write(c.name(), base.subList(0, n)))).isEmpty();
        }
        if (required > (selector ? 1 : 0)) {
            assertThat(VALIDATOR.validate(write(c.name(), base.subList(0, required - 1))))
                    .extracting(Diagnostic::ruleId).containsExactly("param.count");
        }
        List<String> tooMany = new ArrayList<>(base);
        tooMany.add("1");
        assertThat(VALIDATOR.validate(write(c.name(), tooMany))).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("param.count");
            assertThat(x.where().column()).isEqualTo(column(c.name(), tooMany, base.size()));
        });
        for (int i = selector ? 1 : 0; i < specs.size(); i++) {
            Grammar.ParamSpec p = specs.get(i);
            List<Case> cs = cases(p);
            if (p.sizeOf() != null) {
                cs = new ArrayList<>(cs);
                cs.removeIf(k -> k.rules().isEmpty() && !k.raw().equals(Long.toString(p.min())));
            }
            for (Case k : cs) {
                List<String> params = new ArrayList<>(base);
                params.set(i, k.raw());
                expect(write(c.name(), params), k, column(c.name(), params, i));
            }
            if (p.sizeOf() != null) {
                sizes(c, specs, base, i);
            }
        }
        if (selector) {
            List<String> params = new ArrayList<>(base);
            params.set(0, "\"" + sub + "x\"");
            expect(write(c.name(), params), Case.invalid(params.get(0), "param.value"), column(c.name(), params, 0));
            params.set(0, sub);
            expect(write(c.name(), params), Case.invalid(sub, "param.type"), column(c.name(), params, 0));
        }
    }

    /** A size at its storage's limit passes, one byte more is refused, for every storage. */
    static void sizes(Grammar.CommandSpec c, List<Grammar.ParamSpec> specs, List<String> base, int i) {
        int file = -1;
        for (int j = 0; j < specs.size(); j++) {
            if (specs.get(j).name().equals(specs.get(i).sizeOf())) {
                file = j;
            }
        }
        assertThat(file).as("the file parameter that " + specs.get(i).name() + " names").isNotNegative();
        for (var e : REGISTRY.storages().entrySet()) {
            String name = e.getValue().names().isEmpty() ? "a.pem" : e.getValue().names().keySet().iterator().next();
            List<String> params = new ArrayList<>(base);
            params.set(file, "\"" + e.getKey() + ":" + name + "\"");
            params.set(i, Long.toString(e.getValue().maxSize()));
            expect(write(c.name(), params), Case.valid(params.get(i)), 0);
            params.set(i, Long.toString(e.getValue().maxSize() + 1));
            expect(write(c.name(), params), Case.invalid(params.get(i), "file.size", "param.range"),
                    column(c.name(), params, i));
        }
    }
}
