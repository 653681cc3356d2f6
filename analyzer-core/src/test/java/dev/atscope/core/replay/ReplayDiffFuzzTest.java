package dev.atscope.core.replay;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.FuzzedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the replay's comparison: a recording and a replay are two pieces of
 * any traffic ({@link FuzzedTraffic}; the first byte chooses the masks, the second where the input
 * is cut in two). A recording compared with itself is the same everywhere; compared with anything,
 * there is one verdict per recorded command, and the side-by-side rows hold every line of both
 * answers, in order, each once.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayDiffFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    static {
        FuzzWarmUp.run(ReplayDiffFuzzTest.class, input -> new ReplayDiffFuzzTest().anyRecordingAndReplay(input));
    }

    @FuzzTest
    void anyRecordingAndReplay(byte[] input) {
        if (input.length < 2) {
            return;
        }
        Masks masks = (input[0] & 1) == 0 ? Masks.BUILT_IN : Masks.NONE;
        int cut = 2 + (int) ((long) (input.length - 2) * (input[1] & 0xff) / 256);
        Recording recorded = Recording.of(new Trace(TraceMetadata.EMPTY, FuzzedTraffic.decode(input, 2, cut)), MODEL);
        Recording replayed = Recording.of(new Trace(TraceMetadata.EMPTY, FuzzedTraffic.decode(input, cut, input.length)),
                MODEL);
        ResponseDiffer differ = new ResponseDiffer(masks);

        List<TransactionDiff> itself = differ.diff(recorded.transactions(), recorded.urcs(), recorded.transactions(),
                recorded.urcs());
        for (TransactionDiff d : itself) {
            expect(d.status() == DiffStatus.SAME && d.lines().isEmpty() && d.missingUrcs().isEmpty()
                    && d.extraUrcs().isEmpty(), "a recording differs from itself: %s", d);
        }

        List<Transaction> rec = recorded.transactions();
        List<Transaction> rep = replayed.transactions();
        List<TransactionDiff> diffs = differ.diff(rec, recorded.urcs(), rep, replayed.urcs());
        int first = !diffs.isEmpty() && diffs.get(0).index() == 0 ? 1 : 0;
        expect(diffs.size() - first == rec.size(), "%d verdicts for %d recorded commands", diffs.size(), rec.size());
        for (int i = first; i < diffs.size(); i++) {
            TransactionDiff d = diffs.get(i);
            expect(d.index() == i - first + 1 && d.recorded() == rec.get(i - first), "verdict %d is about %s", i,
                    d.command());
            Transaction r = i - first < rep.size() ? rep.get(i - first) : null;
            expect(d.replayed() == r, "verdict %d pairs the wrong replayed command", i);
            expect(d.status() != DiffStatus.SAME || d.lines().isEmpty(), "the same, with differing lines: %s", d);
            rows(differ, d.recorded(), r);
        }
    }

    /** The rows side by side hold every line of each answer, in order, and same rows match. */
    private static void rows(ResponseDiffer differ, Transaction rec, Transaction rep) {
        List<AnswerRow> rows = differ.sideBySide(rec, rep);
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (AnswerRow row : rows) {
            expect(row.recorded() != null || row.replayed() != null, "an empty row");
            expect(!row.same() || row.recorded().equals(row.replayed()), "a same row that differs: %s", row);
            if (row.recorded() != null) {
                left.add(row.recorded());
            }
            if (row.replayed() != null) {
                right.add(row.replayed());
            }
        }
        expect(left.equals(column(differ, rec)), "the recorded lines, shown beside the replay: %s", left);
        expect(right.equals(rep == null ? List.of() : column(differ, rep)), "the replayed lines: %s", right);
    }

    /** Every line of an answer as the rows show it, from the answer beside itself. */
    private static List<String> column(ResponseDiffer differ, Transaction t) {
        List<String> out = new ArrayList<>();
        for (AnswerRow row : differ.sideBySide(t, t)) {
            expect(row.same(), "an answer differs from itself: %s", row);
            out.add(row.recorded());
        }
        return out;
    }

}
