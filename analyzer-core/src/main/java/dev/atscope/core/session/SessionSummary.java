package dev.atscope.core.session;

import java.util.List;

/**
 * A session of a trace: a module's run between restarts, or one PDP context's life, with its
 * outcome and the transactions that decided it.
 *
 * @param index 1-based number of the session in its trace
 * @param startMicros time of its first event
 * @param endMicros time of its last event
 * @param transactions how many transactions it holds
 * @param failed how many of them did not end OK
 * @param outcome how it ended
 * @param detail what exactly (the error code and its meaning, the URL), or empty
 * @param errorCode the +CME ERROR code of the deciding transaction, or -1
 * @param deciding ids of the transactions that decided the outcome
 * @param endedBy what closed it: {@code restart}, {@code power-down}, {@code pdp-deactivated},
 *     {@code gap}, or {@code end of trace}
 */
public record SessionSummary(
        int index,
        long startMicros,
        long endMicros,
        long transactions,
        long failed,
        SessionOutcome outcome,
        String detail,
        int errorCode,
        List<Long> deciding,
        String endedBy) {

    public SessionSummary {
        deciding = List.copyOf(deciding);
    }
}
