package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.basic.NetworkState;
import java.util.ArrayList;
import java.util.List;

/** The PDP context rules of 1.3.1: a failed activation walks the checklist, the context limit, the restart interval. */
final class GsmPdpRules {

    private final RuleContext context;
    private final GsmHttpsState state;
    /** AT+QIACT failed since the last restart. */
    private boolean activationFailed;
    private long lastRestartAfterFailure = -1;

    GsmPdpRules(RuleContext context, GsmHttpsState state) {
        this.context = context;
        this.state = state;
    }

    /** AT+QIACT: the limit when it works, the checklist when it fails. */
    void activate(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.EXECUTE) {
            return;
        }
        if (t.outcome() == Outcome.OK) {
            limit(t, state.activeContexts() + (state.foregroundActive() ? 0 : 1));
            return;
        }
        activationFailed = true;
        Grammar.LimitSpec limit = context.registry().limit("pdpContexts").orElse(null);
        StringBuilder m = new StringBuilder(t.command().text()).append(" failed");
        if (t.result() != null) {
            m.append(" with ").append(context.registry().resultWithMeaning(t));
        }
        m.append(". The checklist of section 1.3.1, as far as this session shows it: ");
        NetworkState network = state.network();
        List<String> items = new ArrayList<>();
        String attach = network.attach();
        items.add(attach == null ? "[not done] PS attach never queried (AT+CGATT?)"
                : attach.equals("1") ? "[done] PS attached (AT+CGATT: 1)"
                : "[problem] PS not attached (AT+CGATT: " + attach + "); send AT+CGATT=1");
        NetworkState.Registration r = network.registration("+CGREG");
        items.add(r == null ? "[not done] registration never queried (AT+CGREG?)"
                : r.meaning() != null && r.meaning().startsWith("registered")
                        ? "[done] " + r.meaning() + " (AT+CGREG? stat " + r.stat() + ")"
                        : "[problem] " + (r.meaning() == null ? "not registered" : r.meaning())
                                + " (AT+CGREG? stat " + r.stat() + ")");
        items.add(state.apnSetBy() == null ? "[not done] no APN set (AT+QICSGP or AT+QIREGAPP)"
                : "[done] APN set by " + state.apnSetBy());
        int active = state.activeContexts();
        if (limit != null) {
            items.add(active >= limit.value()
                    ? "[problem] " + active + " PDP contexts already active, the module keeps " + limit.value()
                    : "[done] " + active + " of at most " + limit.value() + " PDP contexts active");
        }
        m.append(String.join("; ", items)).append(". If all pass and it still fails, restart the module");
        context.registry().limit("restartIntervalMs").ifPresent(l -> m.append(", at most every ")
                .append(l.value() / 60_000).append(" minutes"));
        m.append('.');
        context.report(GsmHttpsRule.PDP_ACTIVATION_FAILED.at(m.toString(), Where.NONE.at(t)));
    }

    /** AT+CGACT=1,cid...: contexts activated beside the foreground ones count against the limit. */
    void cgact(Transaction t, AtCommand c) {
        if (t.outcome() != Outcome.OK || c.form() != CommandForm.WRITE || c.params().size() < 2
                || !c.params().get(0).equals("1")) {
            return;
        }
        long added = c.params().subList(1, c.params().size()).stream()
                .filter(cid -> !state.network().activeCids().contains(cid)).distinct().count();
        limit(t, state.activeContexts() + (int) added);
    }

    private void limit(Transaction t, int active) {
        Grammar.LimitSpec limit = context.registry().limit("pdpContexts").orElse(null);
        if (limit != null && active > limit.value()) {
            context.report(GsmHttpsRule.PDP_LIMIT.at(active + " PDP contexts are active; the module keeps at most "
                    + limit.value() + " at once", limit.section(), Where.NONE.at(t)));
        }
    }

    /** A restart: after activation failures, the module is restarted at most every 10 minutes. */
    void restarted(Event e) {
        if (!activationFailed) {
            lastRestartAfterFailure = -1;
            return;
        }
        activationFailed = false;
        Grammar.LimitSpec limit = context.registry().limit("restartIntervalMs").orElse(null);
        if (limit != null && lastRestartAfterFailure >= 0
                && e.startMicros() - lastRestartAfterFailure < limit.value() * 1000) {
            long minutes = (e.startMicros() - lastRestartAfterFailure) / 60_000_000;
            context.report(GsmHttpsRule.PDP_RESTART_INTERVAL.at("the module restarted again "
                    + (minutes == 0 ? "less than a minute" : minutes + " min") + " after the last restart that"
                    + " followed a failed AT+QIACT; the note asks for at least " + limit.value() / 60_000
                    + " minutes between such restarts", limit.section(), Where.of(e)));
        }
        lastRestartAfterFailure = e.startMicros();
    }
}
