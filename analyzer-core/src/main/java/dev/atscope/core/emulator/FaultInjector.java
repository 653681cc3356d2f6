package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The module's pace and the faults of its {@link FaultProfile}: how long each command takes (the
 * grammar's {@code typicalResponseMs}, scaled by the {@link ModulePace}, plus the profile's seeded latency), the restart in
 * the middle of a given command, the PDP activations that fail, and the URC burst inside an answer.
 */
final class FaultInjector {

    /** Thrown where a fault makes the module restart in the middle of a command. */
    static final class RestartNow extends Exception {
        RestartNow() {
            super(null, null, false, false);
        }
    }

    private final FaultProfile faults;
    private final ProtocolRegistry registry;
    /** The grammar's {@code typicalResponseMs} limit: the time of a command that gives none of its own. */
    private final long typicalMs;
    private final ModulePace pace;
    private final Consumer<String> log;
    private final Random random;
    /** How often each command was sent, for the restart's occurrence. */
    private final Map<String, Integer> uses = new HashMap<>();
    private int pdpFailuresLeft;

    FaultInjector(FaultProfile faults, ModulePace pace, Consumer<String> log, ProtocolRegistry registry) {
        this.faults = faults;
        this.registry = registry;
        this.typicalMs = registry.limit("typicalResponseMs").orElseThrow(() -> new IllegalStateException(
                "no protocol library gives the typicalResponseMs limit")).value();
        this.pace = pace;
        this.log = log;
        this.random = new Random(faults.seed());
        this.pdpFailuresLeft = faults.pdpActivationFailures();
    }

    FaultProfile profile() {
        return faults;
    }

    /** Before a command is answered: waits its answer time, and restarts the module if the profile says so. */
    void beforeAnswer(AtCommand c) throws InterruptedException, RestartNow {
        int n = uses.merge(c.name(), 1, Integer::sum);
        delay(c);
        FaultProfile.Restart restart = faults.restart();
        if (restart != null && restart.during().equalsIgnoreCase(c.name()) && restart.occurrence() == n) {
            log.accept("restarts during " + c.display() + " (fault profile)");
            throw new RestartNow();
        }
    }

    /** Whether this PDP activation fails on purpose (the profile's first N). */
    boolean activationFails() {
        if (pdpFailuresLeft <= 0) {
            return false;
        }
        pdpFailuresLeft--;
        log.accept("AT+QIACT fails (fault profile; " + pdpFailuresLeft + " more)");
        return true;
    }

    /** The profile's URC lines inside the answer of {@code c}, before its result. */
    void urcBurst(AtCommand c, ResultWriter answers) throws IOException {
        FaultProfile.UrcBurst burst = faults.urcBurst();
        if (burst != null && (burst.during().equals("*") || burst.during().equalsIgnoreCase(c.name()))) {
            for (int i = 0; i < burst.count(); i++) {
                answers.urc(burst.urcs().get(i % burst.urcs().size()));
            }
        }
    }

    private void delay(AtCommand c) throws InterruptedException {
        // the HTTP commands' time is the grammar's plus the real network's
        long usual = registry.command(c.name()).map(Grammar.CommandSpec::typicalResponseMs).orElse(typicalMs);
        long nanos = pace.answer(usual).toNanos();
        FaultProfile.Latency l = faults.latencyOf(c.name());
        if (l != null) {
            nanos += (l.minMs() + (long) (random.nextDouble() * (l.maxMs() - l.minMs()))) * 1_000_000L;
        }
        sleep(nanos);
    }

    static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }
}
