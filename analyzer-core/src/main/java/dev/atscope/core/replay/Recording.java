package dev.atscope.core.replay;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A recorded session taken apart for replaying either side: what the host sent and what it waited
 * for before each piece ({@link HostPiece}), and what the module sent after each command
 * ({@link ModulePiece}), both with their recorded times.
 *
 * <p>The host's byte stream is cut at the start of every command line and every upload, so that
 * each piece that starts one of them carries the gate the recorded host waited at: the previous
 * command's final result, the {@code CONNECT} before an upload, and the URCs that arrived in the
 * think time before a command (a host that waits for {@code +CGREG: 1} before activating).
 *
 * @param trace the recording
 * @param transactions its transactions, in order
 * @param urcs its unsolicited result codes, in order
 * @param hostPieces what the host sent, cut at commands and uploads
 * @param preamble what the module sent before the first command (a boot's {@code RDY} ...)
 * @param windows per transaction (same index), what the module sent from the command until the next
 *     command
 */
public record Recording(
        Trace trace,
        List<Transaction> transactions,
        List<Event> urcs,
        List<HostPiece> hostPieces,
        List<ModulePiece> preamble,
        List<List<ModulePiece>> windows) {

    public Recording {
        transactions = List.copyOf(transactions);
        urcs = List.copyOf(urcs);
        hostPieces = List.copyOf(hostPieces);
        preamble = List.copyOf(preamble);
        windows = windows.stream().map(List::copyOf).toList();
    }

    /**
     * Bytes the host sent, and what it had waited for.
     *
     * @param recordedMicros when the recorded host sent them
     * @param hostOffset offset of the first byte in the host's byte stream
     * @param bytes the bytes
     * @param gate what the recorded host had waited for before sending, or null for a piece that
     *     only continues the one before it
     */
    public record HostPiece(long recordedMicros, long hostOffset, byte[] bytes, Gate gate) {}

    /**
     * What a host piece waits for.
     *
     * @param resultOf the id of the transaction whose end comes first, or -1
     * @param connectOf the id of the transaction whose {@code CONNECT} comes first (an upload), or -1
     * @param urcs URCs that came in the recorded think time before this piece
     * @param recordedMicros when the last of these came in the recording, or -1 when there is nothing
     *     to wait for
     */
    public record Gate(long resultOf, long connectOf, List<Event> urcs, long recordedMicros) {
        public Gate {
            urcs = List.copyOf(urcs);
        }

        /** True when the recorded host waited for nothing before this piece. */
        public boolean isOpen() {
            return resultOf < 0 && connectOf < 0 && urcs.isEmpty();
        }
    }

    /**
     * Bytes the module sent.
     *
     * @param recordedMicros when the recorded module sent them
     * @param bytes the bytes
     * @param afterUpload true when they came after the host's upload in this window (they wait for it)
     * @param delayMicros time from what triggers them (the command line's end, the upload's end, or
     *     the start for the preamble) to them, in the recording
     */
    public record ModulePiece(long recordedMicros, byte[] bytes, boolean afterUpload, long delayMicros) {}

    /** Decodes a recording and takes it apart. */
    public static Recording of(Trace trace, ResponseModel model) {
        List<Decoded> decoded = TraceDecoding.decode(trace.entries(), model);
        List<Transaction> transactions = new ArrayList<>();
        List<Event> urcs = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d instanceof Transaction t) {
                transactions.add(t);
            } else if (d instanceof Event e && e.kind() == EventKind.URC && e.direction() == Direction.MODULE_TO_HOST) {
                urcs.add(e);
            }
        }
        transactions.sort((a, b) -> Long.compare(a.id(), b.id()));
        urcs.sort((a, b) -> Long.compare(a.startMicros(), b.startMicros()));
        List<HostPiece> host = hostPieces(trace.entries(), transactions, urcs);
        List<ModulePiece> preamble = new ArrayList<>();
        List<List<ModulePiece>> windows = new ArrayList<>();
        modulePieces(trace.entries(), transactions, preamble, windows);
        return new Recording(trace, transactions, urcs, host, preamble, windows);
    }

    private static List<HostPiece> hostPieces(List<TraceEntry> entries, List<Transaction> transactions,
            List<Event> urcs) {
        // cut points in the host stream, each with what the recorded host waited for there
        TreeMap<Long, Gate> cuts = new TreeMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction t = transactions.get(i);
            long start = t.startMicros();
            long resultOf = -1;
            long gateTime = -1;
            if (i > 0) {
                Transaction prev = transactions.get(i - 1);
                // a host that sent before the previous answer ended did not wait for it
                if (prev.result() != null && prev.result().endMicros() <= start) {
                    resultOf = prev.id();
                    gateTime = prev.result().endMicros();
                }
            }
            long from = i == 0 ? -1 : transactions.get(i - 1).endMicros();
            List<Event> waited = new ArrayList<>();
            for (Event u : urcs) {
                if (u.startMicros() >= from && u.endMicros() <= start) {
                    waited.add(u);
                    gateTime = Math.max(gateTime, u.endMicros());
                }
            }
            cuts.put(t.command().startOffset(), new Gate(resultOf, -1, waited, gateTime));
            for (Event r : t.responses()) {
                if (r.kind() == EventKind.PAYLOAD && r.direction() == Direction.HOST_TO_MODULE) {
                    Event connect = t.responses().stream()
                            .filter(e -> e.kind() == EventKind.INTERMEDIATE && e.endMicros() <= r.startMicros())
                            .findFirst().orElse(null);
                    cuts.put(r.startOffset(), connect == null ? new Gate(-1, -1, List.of(), -1)
                            : new Gate(-1, t.id(), List.of(), connect.endMicros()));
                }
            }
        }
        List<HostPiece> pieces = new ArrayList<>();
        long offset = 0;
        for (TraceEntry e : entries) {
            if (!(e instanceof Chunk c) || c.direction() != Direction.HOST_TO_MODULE) {
                continue;
            }
            byte[] data = c.data();
            int from = 0;
            while (from < data.length) {
                long at = offset + from;
                Long nextCut = cuts.higherKey(at);
                int to = nextCut == null ? data.length : (int) Math.min(data.length, nextCut - offset);
                Gate gate = cuts.get(at);
                pieces.add(new HostPiece(c.timeMicros(), at, Arrays.copyOfRange(data, from, to), gate));
                from = to;
            }
            offset += data.length;
        }
        return pieces;
    }

    private static void modulePieces(List<TraceEntry> entries, List<Transaction> transactions,
            List<ModulePiece> preamble, List<List<ModulePiece>> windows) {
        for (int i = 0; i < transactions.size(); i++) {
            windows.add(new ArrayList<>());
        }
        int w = -1;
        for (TraceEntry e : entries) {
            if (!(e instanceof Chunk c) || c.direction() != Direction.MODULE_TO_HOST) {
                continue;
            }
            long t = c.timeMicros();
            while (w + 1 < transactions.size() && transactions.get(w + 1).startMicros() <= t) {
                w++;
            }
            if (w < 0) {
                preamble.add(new ModulePiece(t, c.data(), false, t));
                continue;
            }
            Transaction tx = transactions.get(w);
            Event upload = tx.responses().stream()
                    .filter(r -> r.kind() == EventKind.PAYLOAD && r.direction() == Direction.HOST_TO_MODULE)
                    .findFirst().orElse(null);
            if (upload != null && t >= upload.endMicros()) {
                windows.get(w).add(new ModulePiece(t, c.data(), true, t - upload.endMicros()));
            } else {
                windows.get(w).add(new ModulePiece(t, c.data(), false, Math.max(0, t - tx.command().endMicros())));
            }
        }
    }
}
