package dev.atscope.core.protocol.basic;

import dev.atscope.core.check.LibraryRules;
import dev.atscope.core.check.Rule;
import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.protocol.GrammarLibrary;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.LibraryOutcomes;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import java.util.Arrays;
import java.util.List;

/**
 * The 3GPP TS 27.007 commands (SIM, registration, operator, signal, PDP contexts, power saving,
 * clock, errors) and the TS 27.005 SMS essentials that cellular modules of every vendor share: a
 * base library, applied to every trace, with its model of the network side ({@link NetworkState})
 * that the vendor libraries build on, its rules ({@link Ts27007Rule}) and the outcomes it names.
 */
public final class Ts27007Library extends GrammarLibrary implements LibraryRules, LibraryOutcomes {

    public Ts27007Library() {
        super("ts27007.json");
    }

    /**
     * After the M-series set and before the Quectel LTE set: a verbose error text that a vendor
     * repeats ({@code operation not allowed}) then reads as the standard code, in a registry that
     * loads them all.
     */
    @Override
    public int priority() {
        return 150;
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
