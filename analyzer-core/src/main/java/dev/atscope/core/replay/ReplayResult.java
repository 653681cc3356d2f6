package dev.atscope.core.replay;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.TraceEntry;
import java.util.List;

/**
 * What a host-side replay produced.
 *
 * @param entries the replay's traffic as recorded
 * @param transactions the replay's traffic decoded
 * @param urcs the URCs that came in the replay
 * @param diffs the comparison with the recording, one per recorded transaction
 * @param waits the waits that ran out, for a person ({@code transaction 4 AT+QIACT: no final result
 *     within 10000 ms})
 * @param sends when each host piece was sent, in the replay's clock (microseconds since its start),
 *     in the order of {@link Recording#hostPieces()}
 */
public record ReplayResult(
        List<TraceEntry> entries,
        List<Transaction> transactions,
        List<Event> urcs,
        List<TransactionDiff> diffs,
        List<String> waits,
        long[] sends) {

    public ReplayResult {
        entries = List.copyOf(entries);
        transactions = List.copyOf(transactions);
        urcs = List.copyOf(urcs);
        diffs = List.copyOf(diffs);
        waits = List.copyOf(waits);
        sends = sends.clone();
    }

    /** How many transactions have each status. */
    public ReplaySummary summary() {
        return ReplaySummary.of(diffs);
    }

    /** True when anything differs beyond the masks. */
    public boolean differs() {
        return diffs.stream().anyMatch(d -> d.status().differs());
    }
}
