package dev.atscope.core.replay;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the module answered in a recording with what it answered in a replay of it,
 * transaction by transaction (the n-th command line of one with the n-th of the other), line by
 * line after the masks, and the URCs that came after each command.
 */
public final class ResponseDiffer {

    /** Payload bytes shown in a diff line; the comparison uses all of them. */
    private static final int SHOWN_PAYLOAD = 48;

    private final Masks masks;

    /** A differ that masks volatile values with these rules. */
    public ResponseDiffer(Masks masks) {
        this.masks = masks;
    }

    /**
     * Compares a recording with a replay.
     *
     * @return one diff for each recorded transaction, in order, preceded by one for the URCs before
     *     the first command when either side has any
     */
    public List<TransactionDiff> diff(List<Transaction> recorded, List<Event> recordedUrcs, List<Transaction> replayed,
            List<Event> replayedUrcs) {
        return diff(recorded, recordedUrcs, replayed, replayedUrcs, Map.of());
    }

    /**
     * Compares a recording with a what-if replay of it, whose host sent some command lines edited:
     * the echo of an edited line is compared with the line sent, and an edited transaction whose
     * answer is otherwise the same is {@link DiffStatus#EDITED}.
     *
     * @param sent the line sent in place of the recorded one, by recorded transaction (from 1)
     */
    public List<TransactionDiff> diff(List<Transaction> recorded, List<Event> recordedUrcs, List<Transaction> replayed,
            List<Event> replayedUrcs, Map<Integer, String> sent) {
        List<List<String>> recSlots = slots(recorded, recordedUrcs);
        List<List<String>> repSlots = slots(replayed, replayedUrcs);
        List<TransactionDiff> out = new ArrayList<>();
        for (int i = 0; i <= recorded.size(); i++) {
            List<String> recU = i < recSlots.size() ? recSlots.get(i) : List.of();
            List<String> repU = i < repSlots.size() ? repSlots.get(i) : List.of();
            if (i == replayed.size() && i < recorded.size()) {
                // URCs after the last replayed command belong to it, whatever the recording has after
                repU = List.of();
            }
            List<String> missing = minus(recU, repU);
            List<String> extra = minus(repU, recU);
            if (i == 0) {
                if (!recU.isEmpty() || !repU.isEmpty()) {
                    DiffStatus s = missing.isEmpty() && extra.isEmpty() ? DiffStatus.SAME : DiffStatus.URCS_DIFFER;
                    out.add(new TransactionDiff(0, null, null, s, List.of(), missing, extra, null));
                }
                continue;
            }
            Transaction rec = recorded.get(i - 1);
            Transaction rep = i - 1 < replayed.size() ? replayed.get(i - 1) : null;
            String edit = sent.get(i);
            List<LineDiff> lines = lines(answer(rec, edit), rep == null ? List.of() : answer(rep, null));
            DiffStatus status;
            if (rep == null || rec.result() != null && rep.result() == null) {
                status = DiffStatus.MISSING;
            } else if (!lines.isEmpty()) {
                status = DiffStatus.DIFFERS;
            } else if (!missing.isEmpty() || !extra.isEmpty()) {
                status = DiffStatus.URCS_DIFFER;
            } else {
                status = edit != null ? DiffStatus.EDITED : DiffStatus.SAME;
            }
            out.add(new TransactionDiff(i, rec, rep, status, lines, missing, extra, edit));
        }
        return out;
    }

    /** The URC texts (masked) after each command: slot 0 before the first, slot n after the n-th. */
    private List<List<String>> slots(List<Transaction> transactions, List<Event> urcs) {
        List<List<String>> slots = new ArrayList<>();
        for (int i = 0; i <= transactions.size(); i++) {
            slots.add(new ArrayList<>());
        }
        for (Event u : urcs) {
            int slot = 0;
            while (slot < transactions.size() && transactions.get(slot).startMicros() <= u.startMicros()) {
                slot++;
            }
            slots.get(slot).add(masks.apply(u.text()));
        }
        return slots;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        for (String s : b) {
            left.merge(s, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (String s : a) {
            Integer n = left.get(s);
            if (n == null || n == 0) {
                out.add(s);
            } else {
                left.put(s, n - 1);
            }
        }
        return out;
    }

    /**
     * A line of an answer: what is compared, and what is shown.
     *
     * @param edited whether it is the echo of a recorded line that the replay sent edited
     */
    private record Line(String key, String shown, boolean edited) {
        Line(String key, String shown) {
            this(key, shown, false);
        }
    }

    /**
     * The module's side of a transaction: echo, responses, CONNECT, bodies, final result.
     *
     * @param sent the line a what-if replay sent in place of this recorded one, or null: the echo
     *     is then expected to be that line
     */
    private List<Line> answer(Transaction t, String sent) {
        List<Line> out = new ArrayList<>();
        if (t.echo() != null) {
            String expected = sent != null && t.echo().text().equals(t.command().text()) ? sent : t.echo().text();
            out.add(new Line("echo " + masks.apply(expected), t.echo().text(), sent != null));
        }
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD) {
                if (e.direction() == Direction.MODULE_TO_HOST) {
                    out.add(new Line("payload " + masks.apply(e.text()), payload(e)));
                }
            } else {
                out.add(new Line(e.kind().word() + " " + masks.apply(e.text()), e.text()));
            }
        }
        if (t.result() != null && !t.responses().contains(t.result())) {
            out.add(new Line("final " + masks.apply(t.result().text()), t.result().text()));
        }
        return out;
    }

    private static String payload(Event e) {
        byte[] b = e.bytes();
        String head = ByteEscaper.escape(b, 0, Math.min(b.length, SHOWN_PAYLOAD));
        return "<" + b.length + " bytes: " + head + (b.length > SHOWN_PAYLOAD ? "...>" : ">");
    }

    /**
     * The two answers of a transaction side by side, every line of both, aligned as they are
     * compared: lines that are the same after masks on one row, changed lines paired, missing and
     * extra lines alone. The texts are shown with the masks applied ({@code +QILOCIP: <ip>}).
     *
     * @param recorded the recorded transaction
     * @param replayed the replayed one, or null when the replay has none
     */
    public List<AnswerRow> sideBySide(Transaction recorded, Transaction replayed) {
        return sideBySide(recorded, replayed, null);
    }

    /**
     * The same for a compared transaction of a what-if replay: the echo of an edited line stands
     * beside the echo of the line sent, as {@link LineDiff.Op#EDITED}.
     */
    public List<AnswerRow> sideBySide(TransactionDiff d) {
        return sideBySide(d.recorded(), d.replayed(), d.sent());
    }

    private List<AnswerRow> sideBySide(Transaction recorded, Transaction replayed, String sent) {
        List<AnswerRow> out = new ArrayList<>();
        for (Row r : align(answer(recorded, sent), replayed == null ? List.of() : answer(replayed, null))) {
            LineDiff.Op op = r.op() == null && r.recorded() != null && r.recorded().edited() ? LineDiff.Op.EDITED : r.op();
            out.add(new AnswerRow(op, r.recorded() == null ? null : masks.apply(r.recorded().shown()),
                    r.replayed() == null ? null : masks.apply(r.replayed().shown())));
        }
        return out;
    }

    /** The lines that differ, from the longest common subsequence of the two answers. */
    private static List<LineDiff> lines(List<Line> rec, List<Line> rep) {
        List<LineDiff> out = new ArrayList<>();
        for (Row r : align(rec, rep)) {
            if (r.op() != null) {
                out.add(new LineDiff(r.op(), r.recorded() == null ? null : r.recorded().shown(),
                        r.replayed() == null ? null : r.replayed().shown()));
            }
        }
        return out;
    }

    /** Two lines on one row; {@code op} is null when they are the same. */
    private record Row(LineDiff.Op op, Line recorded, Line replayed) {}

    /**
     * The most cells of the table of common subsequences (4 bytes each): answers of thousands of lines
     * on both sides are aligned without it beyond their common first and last lines.
     */
    private static final long MAX_CELLS = 1 << 22;

    /** Both answers aligned by their longest common subsequence. */
    private static List<Row> align(List<Line> rec, List<Line> rep) {
        if ((long) (rec.size() + 1) * (rep.size() + 1) > MAX_CELLS) {
            return alignLong(rec, rep);
        }
        int n = rec.size();
        int m = rep.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = rec.get(i).key().equals(rep.get(j).key()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> out = new ArrayList<>();
        List<Line> gone = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && rec.get(i).key().equals(rep.get(j).key())) {
                flush(gone, added, out);
                out.add(new Row(null, rec.get(i++), rep.get(j++)));
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(rep.get(j++));
            } else {
                gone.add(rec.get(i++));
            }
        }
        flush(gone, added, out);
        return out;
    }

    /**
     * Long answers: their common first and last lines are the same rows, the rest aligned by the
     * table when it is small enough, else line by line in order; time and memory linear in the lines.
     */
    private static List<Row> alignLong(List<Line> rec, List<Line> rep) {
        int n = rec.size();
        int m = rep.size();
        int head = 0;
        while (head < n && head < m && rec.get(head).key().equals(rep.get(head).key())) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && rec.get(n - 1 - tail).key().equals(rep.get(m - 1 - tail).key())) {
            tail++;
        }
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            out.add(new Row(null, rec.get(k), rep.get(k)));
        }
        List<Line> recMiddle = rec.subList(head, n - tail);
        List<Line> repMiddle = rep.subList(head, m - tail);
        if ((long) (recMiddle.size() + 1) * (repMiddle.size() + 1) <= MAX_CELLS) {
            out.addAll(align(recMiddle, repMiddle));
        } else {
            List<Line> gone = new ArrayList<>();
            List<Line> added = new ArrayList<>();
            for (int k = 0; k < Math.max(recMiddle.size(), repMiddle.size()); k++) {
                Line a = k < recMiddle.size() ? recMiddle.get(k) : null;
                Line b = k < repMiddle.size() ? repMiddle.get(k) : null;
                if (a != null && b != null && a.key().equals(b.key())) {
                    flush(gone, added, out);
                    out.add(new Row(null, a, b));
                    continue;
                }
                if (a != null) {
                    gone.add(a);
                }
                if (b != null) {
                    added.add(b);
                }
            }
            flush(gone, added, out);
        }
        for (int k = tail; k > 0; k--) {
            out.add(new Row(null, rec.get(n - k), rep.get(m - k)));
        }
        return out;
    }

    /** A run of removed and added lines: pairs become changes, the rest missing or extra. */
    private static void flush(List<Line> gone, List<Line> added, List<Row> out) {
        int k = 0;
        for (; k < Math.min(gone.size(), added.size()); k++) {
            out.add(new Row(LineDiff.Op.CHANGED, gone.get(k), added.get(k)));
        }
        for (int g = k; g < gone.size(); g++) {
            out.add(new Row(LineDiff.Op.MISSING, gone.get(g), null));
        }
        for (int a = k; a < added.size(); a++) {
            out.add(new Row(LineDiff.Op.EXTRA, null, added.get(a)));
        }
        gone.clear();
        added.clear();
    }
}
