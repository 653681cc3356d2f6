package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.LibraryRules;
import dev.atscope.core.check.Rule;
import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.SessionRuleSet;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.GrammarLibrary;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.session.JudgeContext;
import dev.atscope.core.session.LibraryOutcomes;
import dev.atscope.core.session.OutcomeJudge;
import dev.atscope.core.session.SessionOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Quectel GSM (M66, M95, M10, M85) SSL/HTTPS command set of the GSM HTTPS application note
 * V3.0: its grammar, its model of the module ({@link GsmHttpsState}), its session rules ({@link
 * GsmHttpsRule}) and the session outcomes it names.
 */
public final class QuectelGsmHttpsLibrary extends GrammarLibrary implements LibraryRules, LibraryOutcomes {

    public QuectelGsmHttpsLibrary() {
        super("quectel-gsm-https.json");
    }

    @Override
    public List<String> models() {
        return List.of("M66", "M95", "M10", "M85");
    }

    @Override
    public ModuleState newState(ModuleStates states) {
        return new GsmHttpsState(states, states.viewOf(this));
    }

    @Override
    public List<Rule> rules() {
        return Arrays.stream(GsmHttpsRule.values()).map(GsmHttpsRule::rule).toList();
    }

    @Override
    public SessionRuleSet newRules(RuleContext context) {
        return new GsmHttpsRules(context);
    }

    @Override
    public List<SessionOutcome> outcomes() {
        return GsmHttpsJudge.OUTCOMES;
    }

    @Override
    public OutcomeJudge newJudge(JudgeContext context) {
        return new GsmHttpsJudge(context);
    }

    /** AT+QSECWRITE reports {@code +QSECWRITE: <uploadsize>,<checksum>} (2.2.2); see {@link UploadChecksum} for how sure. */
    @Override
    public Optional<UploadSum> uploadSum(Transaction t) {
        return t.last().name().equals("+QSECWRITE") ? UploadChecksum.reported(t, "+QSECWRITE:") : Optional.empty();
    }
}
