package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every command form, subcommand, parameter and enumerated value of each shipped library,
 * each against a registry of that library alone: each valid value passes, and each invalid
 * neighbour (one past the range, a value outside the table, the wrong type, a missing quote, a
 * wrong storage or NVRAM name, a size over its storage's limit, an incomplete repeated group)
 * gives exactly one error, placed under that parameter.
 */
class GrammarConformanceTest {

    /** A value to try in one parameter's place, and the rules that may refuse it (none: valid). */
    record Case(String raw, Set<String> rules) {
        static Case valid(String raw) {
            return new Case(raw, Set.of());
        }

        static Case invalid(String raw, String... rules) {
            return new Case(raw, Set.of(rules));
        }

        boolean isValid() {
            return rules.isEmpty();
        }
    }

    static List<ProtocolLibrary> shipped() {
        List<ProtocolLibrary> libs = new ArrayList<>();
        ServiceLoader.load(ProtocolLibrary.class).forEach(libs::add);
        return libs;
    }

    @TestFactory
    Stream<DynamicNode> everyFormOfEveryCommandOfEveryLibrary() {
        List<ProtocolLibrary> libs = shipped();
        assertThat(libs).extracting(ProtocolLibrary::id)
                .contains("v250", "3gpp-27007", "quectel-gsm-https", "quectel-lte");
        return libs.stream().map(lib -> DynamicContainer.dynamicContainer(lib.id(),
                new Walk(new ProtocolRegistry(List.of(lib))).tests()));
    }

    /** The walk over one library's commands, against a registry that holds that library only. */
    static final class Walk {
        final ProtocolRegistry registry;
        final CommandValidator validator;

        Walk(ProtocolRegistry registry) {
            this.registry = registry;
            this.validator = new CommandValidator(registry);
        }

        Stream<DynamicNode> tests() {
            List<DynamicNode> tests = new ArrayList<>();
            for (Grammar.CommandSpec c : registry.commands().values()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " forms", () -> forms(c)));
                parameterLists(c).forEach((sub, specs) -> tests.add(DynamicTest.dynamicTest(
                        c.name() + (sub.isEmpty() ? "" : "=\"" + sub + "\"") + " parameters", () -> walk(c, sub, specs))));
            }
            return tests.stream();
        }

        void forms(Grammar.CommandSpec c) {
            for (CommandForm f : List.of(CommandForm.TEST, CommandForm.READ, CommandForm.EXECUTE)) {
                AtCommand cmd = new AtCommand(c.name(), f, "", "AT".equals(c.name()) ? "" : c.name() + f.suffix());
                List<Diagnostic> d = validator.validate(cmd);
                if (c.forms().containsKey(f.word())) {
                    assertThat(d).as(cmd.display()).isEmpty();
                } else {
                    assertThat(d).as(cmd.display()).singleElement()
                            .satisfies(x -> assertThat(x.ruleId()).isEqualTo("command.form"));
                }
            }
            if (!c.forms().containsKey("write")) {
                assertThat(validator.validate(write(c.name(), List.of("1")))).as(c.name() + "=1")
                        .extracting(Diagnostic::ruleId).containsExactly("command.form");
            }
        }

        List<Case> cases(Grammar.ParamSpec p) {
            if (p.or() != null) {
                return alternatives(p);
            }
            List<Case> out = new ArrayList<>();
            String type = p.type() == null ? "string" : p.type();
            switch (type) {
                case "integer", "enum" -> {
                    if (!p.values().isEmpty() && (p.min() == null || p.max() == null)) {
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
                        p.values().keySet().forEach(k -> out.add(Case.valid(k)));
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
                    if (!p.values().isEmpty()) {
                        p.values().keySet().forEach(k -> out.add(Case.valid("\"" + k + "\"")));
                        out.add(Case.invalid("\"" + p.values().keySet().iterator().next() + "x\"", "param.value"));
                    } else {
                        out.add(Case.valid("\"abc\""));
                    }
                    out.add(Case.invalid("\"abc", "param.type"));
                    out.add(Case.invalid("abc", "param.type"));
                }
                case "file" -> {
                    registry.storages().forEach((prefix, storage) -> {
                        if (storage.names().isEmpty()) {
                            out.add(Case.valid("\"" + prefix + ":cert.pem\""));
                            out.add(Case.invalid("\"" + prefix + ":\"", "file.name"));
                        } else {
                            storage.names().keySet().forEach(n -> out.add(Case.valid("\"" + prefix + ":" + n + "\"")));
                            out.add(Case.invalid("\"" + prefix + ":XX9\"", "file.name"));
                        }
                    });
                    if (registry.defaultStorage().isPresent()) {
                        out.add(Case.valid("\"cert.pem\""));
                    }
                    out.add(Case.invalid("\"FLASH:cert.pem\"", "file.storage"));
                    out.add(Case.invalid("RAM:cert.pem", "param.type"));
                }
                default -> throw new AssertionError("parameter type " + type + " of " + p.name() + " has no cases");
            }
            return out;
        }

        /**
         * A parameter with another form ({@code AT+CMGL="ALL"} or {@code AT+CMGL=4}): the valid
         * values of both pass; what fits neither is refused, under the rule of the form its quoting
         * points to.
         */
        List<Case> alternatives(Grammar.ParamSpec p) {
            List<Case> out = new ArrayList<>();
            Grammar.ParamSpec plain = new Grammar.ParamSpec(p.name(), p.type(), p.min(), p.max(), p.optional(),
                    p.defaultValue(), p.initialValue(), p.values(), p.list(), p.sizeOf(), p.secret(), null, p.repeats(), p.note());
            cases(plain).stream().filter(Case::isValid).forEach(out::add);
            cases(p.or()).stream().filter(Case::isValid).forEach(out::add);
            out.add(Case.invalid("x", "param.type", "param.value"));
            out.add(Case.invalid("\"abc", "param.type"));
            if (!p.values().isEmpty()) {
                out.add(Case.invalid("\"" + p.values().keySet().iterator().next() + "x\"", "param.value"));
            }
            Grammar.ParamSpec or = p.or();
            if (or.values().isEmpty() && or.min() != null) {
                out.add(Case.invalid(Long.toString(or.min() - 1), "param.range"));
                out.add(Case.invalid(Long.toString(or.max() + 1), "param.range"));
            } else if (!or.values().isEmpty()) {
                long max = or.values().keySet().stream().mapToLong(Long::parseLong).max().orElseThrow();
                out.add(Case.invalid(Long.toString(max + 1), "param.value"));
            }
            return out;
        }

        /** The first valid value of each parameter, sizes at their minimum so that every storage takes them. */
        List<String> base(List<Grammar.ParamSpec> specs) {
            List<String> out = new ArrayList<>();
            for (Grammar.ParamSpec p : specs) {
                out.add(p.sizeOf() != null ? Long.toString(p.min()) : cases(p).get(0).raw());
            }
            return out;
        }

        void expect(AtCommand c, Case k, int column) {
            List<Diagnostic> d = validator.validate(c);
            if (k.isValid()) {
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
        Map<String, List<Grammar.ParamSpec>> parameterLists(Grammar.CommandSpec c) {
            Map<String, List<Grammar.ParamSpec>> out = new LinkedHashMap<>();
            Grammar.FormSpec w = c.forms().get("write");
            if (w == null) {
                return out;
            }
            if (w.subcommands().isEmpty()) {
                out.put("", w.params());
            } else {
                registry.subcommands(c.name()).forEach((k, sub) -> out.put(k, sub.params()));
            }
            return out;
        }

        void walk(Grammar.CommandSpec c, String sub, List<Grammar.ParamSpec> specs) {
            boolean selector = !sub.isEmpty();
            List<String> base = base(specs);
            if (selector) {
                base.set(0, "\"" + sub + "\"");
            }
            List<Diagnostic> ok = validator.validate(write(c.name(), base));
            if (registry.subcommands(c.name()).containsKey(sub) && registry.subcommands(c.name()).get(sub).alias()) {
                assertThat(ok).extracting(Diagnostic::ruleId).containsExactly("param.spelling");
                return;
            }
            assertThat(ok).as(write(c.name(), base).display()).isEmpty();
            // the query forms and the shortest form: optional parameters left out from the end
            int required = (int) specs.stream().filter(p -> !p.optional()).count();
            for (int n = required; n < specs.size(); n++) {
                assertThat(validator.validate(write(c.name(), base.subList(0, n)))).isEmpty();
            }
            if (required > (selector ? 1 : 0)) {
                assertThat(validator.validate(write(c.name(), base.subList(0, required - 1))))
                        .extracting(Diagnostic::ruleId).containsExactly("param.count");
            }
            int group = -1;
            for (int i = 0; i < specs.size() && group < 0; i++) {
                group = specs.get(i).repeats() ? i : -1;
            }
            if (group < 0) {
                List<String> tooMany = new ArrayList<>(base);
                tooMany.add("1");
                assertThat(validator.validate(write(c.name(), tooMany))).singleElement().satisfies(x -> {
                    assertThat(x.ruleId()).isEqualTo("param.count");
                    assertThat(x.where().column()).isEqualTo(column(c.name(), tooMany, base.size()));
                });
            } else {
                repeats(c, specs, base, group);
            }
            for (int i = selector ? 1 : 0; i < specs.size(); i++) {
                Grammar.ParamSpec p = specs.get(i);
                List<Case> cs = cases(p);
                if (p.sizeOf() != null) {
                    cs = new ArrayList<>(cs);
                    cs.removeIf(k -> k.isValid() && !k.raw().equals(Long.toString(p.min())));
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

        /**
         * A group of parameters that may repeat ({@code AT+CGACT=1,1,2}, {@code AT+QMTSUB=0,1,"a",1,"b",2}):
         * a second round passes, each of its values is checked like the first, an incomplete round
         * is refused.
         */
        void repeats(Grammar.CommandSpec c, List<Grammar.ParamSpec> specs, List<String> base, int group) {
            List<String> twice = new ArrayList<>(base);
            twice.addAll(base.subList(group, base.size()));
            assertThat(validator.validate(write(c.name(), twice))).as(write(c.name(), twice).display()).isEmpty();
            if (specs.size() - group > 1) {
                List<String> partial = new ArrayList<>(base);
                partial.add(base.get(group));
                assertThat(validator.validate(write(c.name(), partial))).singleElement().satisfies(x -> {
                    assertThat(x.ruleId()).isEqualTo("param.count");
                    assertThat(x.where().column()).isEqualTo(column(c.name(), partial, base.size()));
                });
            }
            for (int j = group; j < specs.size(); j++) {
                for (Case k : cases(specs.get(j))) {
                    List<String> params = new ArrayList<>(twice);
                    int at = base.size() + j - group;
                    params.set(at, k.raw());
                    expect(write(c.name(), params), k, column(c.name(), params, at));
                }
            }
        }

        /** A size at its storage's limit passes, one byte more is refused, for every storage. */
        void sizes(Grammar.CommandSpec c, List<Grammar.ParamSpec> specs, List<String> base, int i) {
            int file = -1;
            for (int j = 0; j < specs.size(); j++) {
                if (specs.get(j).name().equals(specs.get(i).sizeOf())) {
                    file = j;
                }
            }
            assertThat(file).as("the file parameter that " + specs.get(i).name() + " names").isNotNegative();
            for (var e : registry.storages().entrySet()) {
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

    static AtCommand write(String name, List<String> params) {
        String args = String.join(",", params);
        return new AtCommand(name, CommandForm.WRITE, args, name + "=" + args);
    }

    static int column(String name, List<String> params, int index) {
        int col = 2 + name.length() + 1;
        for (int j = 0; j < index; j++) {
            col += params.get(j).length() + 1;
        }
        return col;
    }
}
