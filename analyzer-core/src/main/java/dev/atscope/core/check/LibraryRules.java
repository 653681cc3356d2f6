package dev.atscope.core.check;

import java.util.List;

/**
 * What a protocol library that has session rules implements beside {@link
 * dev.atscope.core.protocol.ProtocolLibrary}: the list of its rules, and a fresh set of them for
 * each trace. The checker finds it on the library itself, so a library stays one plugin.
 */
public interface LibraryRules {

    /** Every rule the library's session rules can report, in the order of its rules table. */
    List<Rule> rules();

    /** The library's session rules for one trace, reporting through {@code context}. */
    SessionRuleSet newRules(RuleContext context);
}
