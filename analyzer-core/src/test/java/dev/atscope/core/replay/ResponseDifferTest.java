package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.ScriptedTraffic;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Answers of any length are compared in memory and time linear in their lines. */
class ResponseDifferTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    /** A command answered by {@code lines} lines then the final result. */
    private static Transaction answered(String command, List<String> lines, String result) {
        String[] all = new String[lines.size() + 1];
        lines.toArray(all);
        all[lines.size()] = result;
        ScriptedTraffic t = new ScriptedTraffic().command(command).answer(10_000, all);
        return TraceDecoding.transactions(t.entries(), MODEL).get(0);
    }

    /** A listing of {@code lines} entries, the middle one as given. */
    private static Transaction listing(int lines, String middle) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add("+QFLST: \"RAM:" + (i == lines / 2 ? middle : "f" + i) + "\",1024");
        }
        return answered("AT+QFLST=\"RAM:*\"", out, "OK");
    }

    /**
     * Fifty thousand lines a side: the table of common subsequences would hold 2.5 billion cells
     * (10 GB); the common first and last lines take its place.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longAnswersDifferingInOneLineAreComparedWithoutATableOfEveryPair() {
        Transaction recorded = listing(50_000, "a.pem");
        Transaction replayed = listing(50_000, "b.pem");
        List<AnswerRow> rows = new ResponseDiffer(Masks.NONE).sideBySide(recorded, replayed);
        assertThat(rows).hasSize(new ResponseDiffer(Masks.NONE).sideBySide(recorded, recorded).size());
        assertThat(rows.stream().filter(r -> !r.same()).toList()).containsExactly(
                new AnswerRow(dev.atscope.core.replay.LineDiff.Op.CHANGED, "+QFLST: \"RAM:a.pem\",1024",
                        "+QFLST: \"RAM:b.pem\",1024"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longAnswersWithNothingInCommonAreAlignedLineByLine() {
        List<String> a = new java.util.ArrayList<>();
        List<String> b = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            a.add("+QIRD: " + i);
            b.add("+QIRD: " + (i + 1_000_000));
        }
        Transaction recorded = answered("AT+QIRD=0,1,0,1500", a, "ERROR");
        Transaction replayed = answered("AT+QIRD=0,1,0,1500", b, "OK");
        List<AnswerRow> rows = new ResponseDiffer(Masks.NONE).sideBySide(recorded, replayed);
        // the echo is the same; every line after it is paired with the replay's line in its place
        assertThat(rows).hasSize(30_002);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.op()).isEqualTo(LineDiff.Op.CHANGED));
    }
}
