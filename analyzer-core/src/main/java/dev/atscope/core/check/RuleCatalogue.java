package dev.atscope.core.check;

import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule of the checker and of the loaded libraries, by the library that defines it (the
 * checker's own under {@link #CHECKER}): the single definition the rules tables are made from.
 */
public final class RuleCatalogue {

    /** The name the checker's own rules are listed under. */
    public static final String CHECKER = "checker";

    private final Map<String, List<Rule>> byLibrary;
    private final Map<String, Rule> byId = new HashMap<>();

    private RuleCatalogue(Map<String, List<Rule>> byLibrary) {
        this.byLibrary = byLibrary;
        byLibrary.values().forEach(rules -> rules.forEach(r -> {
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new IllegalStateException("rule id " + r.id() + " is defined twice");
            }
        }));
    }

    /** The checker's rules, then each library's with session rules, in the registry's order. */
    public static RuleCatalogue of(ProtocolRegistry registry) {
        Map<String, List<Rule>> m = new LinkedHashMap<>();
        m.put(CHECKER, Arrays.stream(CheckRule.values()).map(CheckRule::rule).toList());
        for (ProtocolLibrary lib : registry.basesFirst()) {
            if (lib instanceof LibraryRules r && !r.rules().isEmpty()) {
                m.put(lib.id(), List.copyOf(r.rules()));
            }
        }
        return new RuleCatalogue(m);
    }

    /** The rules by the id of the library that defines them ({@link #CHECKER} for the checker's own). */
    public Map<String, List<Rule>> byLibrary() {
        return java.util.Collections.unmodifiableMap(byLibrary);
    }

    /** Whether a finding belongs to a listed rule, with the rule's severity. */
    public boolean defines(Diagnostic d) {
        Rule r = byId.get(d.ruleId());
        return r != null && r.severity() == d.severity();
    }
}
