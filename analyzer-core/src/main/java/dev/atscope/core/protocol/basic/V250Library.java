package dev.atscope.core.protocol.basic;

import dev.atscope.core.check.LibraryRules;
import dev.atscope.core.check.Rule;
import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.protocol.GrammarLibrary;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ts27007.NetworkState;
import dev.atscope.core.protocol.ts27007.Ts27007Judge;
import dev.atscope.core.protocol.ts27007.Ts27007Rule;
import dev.atscope.core.protocol.ts27007.Ts27007Rules;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.LibraryOutcomes;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import java.util.Arrays;
import java.util.List;

/** The 3GPP TS 27.007 / ITU-T V.250 basics that the vendor command sets rely on. */
public final class V250Library extends GrammarLibrary implements LibraryRules, LibraryOutcomes {

    public V250Library() {
        super("v250.json");
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public boolean base() {
        return true;
    }

    @Override
    public ModuleState newState(ModuleStates states) {
        return states.require(NetworkState.class, NetworkState::new);
    }

    @Override
    public List<Rule> rules() {
        return Arrays.stream(Ts27007Rule.values()).map(Ts27007Rule::rule).toList();
    }

    @Override
    public SessionRuleSet newRules(RuleContext context) {
        return new Ts27007Rules(context);
    }

    @Override
    public List<SessionOutcome> outcomes() {
        return Ts27007Judge.OUTCOMES;
    }

    @Override
    public OutcomeJudge newJudge(JudgeContext context) {
        return new Ts27007Judge(context);
    }
}
