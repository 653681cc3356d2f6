package dev.atscope.core.emulator;

import java.time.Duration;

/**
 * How fast the emulated module is: realistic by default, near-instant for tests. Fault latencies
 * (a {@link FaultProfile}'s {@code latency}) are never scaled: they are what was asked for.
 *
 * @param latencyScale factor on the module's usual answer times (0 answers at once)
 * @param moduleSecond what one second of a command's wait for the host lasts (AT+QSECWRITE's
 *     {@code <timeout>}, AT+QHTTPURL's); waits for the network (AT+QHTTPGET's timeout) are real
 *     seconds always, since the network does not get faster in a test
 * @param escapeGuard the quiet after {@code +++} that makes it an escape from data mode rather than data
 * @param bootStep the pause between the boot URCs
 */
public record ModulePace(double latencyScale, Duration moduleSecond, Duration escapeGuard, Duration bootStep) {

    /** A module's usual pace: answers in milliseconds, AT+QIACT in about a second, 1 s escape guard. */
    public static final ModulePace REALISTIC = new ModulePace(1.0, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(200));

    /** For tests: no answer delay, a command's second is 50 ms, a 30 ms escape guard. */
    public static final ModulePace FAST = new ModulePace(0.0, Duration.ofMillis(50), Duration.ofMillis(30), Duration.ZERO);

    public ModulePace {
        if (latencyScale < 0 || moduleSecond.isNegative() || escapeGuard.isNegative() || bootStep.isNegative()) {
            throw new IllegalArgumentException("timing values must not be negative");
        }
    }

    /** The usual answer time scaled. */
    Duration answer(long usualMillis) {
        return Duration.ofNanos((long) (usualMillis * 1_000_000L * latencyScale));
    }

    /** {@code seconds} of a command's wait for the host. */
    Duration seconds(long seconds) {
        return moduleSecond.multipliedBy(seconds);
    }
}
