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
 * The Quectel LTE command set (BG95, BG96, BG77x, EC2x): TCP/IP sockets, SSL, HTTP(S), MQTT and
 * files, from Quectel's BG96 application notes; with its model of the module ({@link LteState}),
 * its session rules ({@link LteRule}) and the outcomes it names.
 */
public final class QuectelLteLibrary extends GrammarLibrary implements LibraryRules, LibraryOutcomes {

    public QuectelLteLibrary() {
        super("quectel-lte.json");
    }

    /**
     * After the M-series set: where both name a command (AT+QICSGP, AT+QIACT, AT+QSSLCFG, the
     * AT+QHTTP commands), a registry that loads both keeps the M-series reading until the library
     * is chosen per trace. After the 27.007 set too: see {@code Ts27007Library#priority()}.
     */
    @Override
    public int priority() {
        return 200;
    }

    /** The modules of the notes, as ATI and AT+CGMM name them ({@code BG96}; a revision {@code BG96MAR02A07M1G}). */
    @Override
    public List<String> models() {
        return List.of("BG95", "BG96", "BG77", "BG770A", "BG772A", "BG600L", "EC20", "EC21", "EC25", "EG21", "EG25",
                "EG91", "EG95");
    }

    @Override
    public ModuleState newState(ModuleStates states) {
        return new LteState(states, states.viewOf(this));
    }

    @Override
    public List<Rule> rules() {
        return Arrays.stream(LteRule.values()).map(LteRule::rule).toList();
    }

    @Override
    public SessionRuleSet newRules(RuleContext context) {
        return new LteRules(context);
    }

    @Override
    public List<SessionOutcome> outcomes() {
        return LteJudge.OUTCOMES;
    }

    @Override
    public OutcomeJudge newJudge(JudgeContext context) {
        return new LteJudge(context);
    }

    /** AT+QFUPL reports {@code +QFUPL: <upload_size>,<checksum>}, the same XOR checksum (BG96 FILE V1.0 2.4). */
    @Override
    public Optional<UploadSum> uploadSum(Transaction t) {
        return t.last().name().equals("+QFUPL") ? UploadChecksum.reported(t, "+QFUPL:") : Optional.empty();
    }
}
