package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.testing.Await;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given two receive-only taps on the host's TX and RX lines (each line a pseudo-terminal pair: the
 * wire on one end, the tap on the other), when host and module talk, then the taps' chunks are
 * merged into one trace in the order they happened, and nothing is ever written to a line.
 */
class PassiveTapTest {

    @TempDir
    Path dir;

    @Test
    void bothLinesAreMergedInTimeOrderAndNothingIsWrittenToThem() throws Exception {
        Path file = dir.resolve("tap.csv");
        try (PtyPair txLine = PtyPair.open(dir, "tx"); PtyPair rxLine = PtyPair.open(dir, "rx");
                SerialLink hostTx = SerialLink.open(txLine.pathB(), SerialSettings.DEFAULT);
                SerialLink moduleTx = SerialLink.open(rxLine.pathB(), SerialSettings.DEFAULT)) {
            CaptureSession tap = PassiveTap.start(new PortSpec(txLine.pathA(), SerialSettings.DEFAULT),
                    new PortSpec(rxLine.pathA(), SerialSettings.DEFAULT), file, CaptureOptions.DEFAULTS);
            List<String[]> exchange = List.of(
                    new String[] {"AT+QIFGCNT=0\r", "AT+QIFGCNT=0\r\r\nOK\r\n"},
                    new String[] {"AT+QIACT\r", "AT+QIACT\r\r\nOK\r\n"},
                    new String[] {"AT+QILOCIP\r", "AT+QILOCIP\r\r\n10.1.83.188\r\n"});
            try {
                long h = 0;
                long m = 0;
                for (String[] step : exchange) {
                    // each side speaks only once the tap has heard the other: a real order to keep
                    hostTx.output().write(step[0].getBytes(StandardCharsets.US_ASCII));
                    h += step[0].length();
                    awaitAtLeast(h, () -> tap.summary().stats().hostBytes());
                    moduleTx.output().write(step[1].getBytes(StandardCharsets.US_ASCII));
                    m += step[1].length();
                    awaitAtLeast(m, () -> tap.summary().stats().moduleBytes());
                }
            } finally {
                tap.close();
            }
            // a tap that wrote anything would have put it on the wire ends, which read nothing
            assertThat(hostTx.input().available()).isZero();
            assertThat(moduleTx.input().available()).isZero();
        }

        Trace trace = Trace.read(file);
        List<String> order = new ArrayList<>();
        for (TraceEntry e : trace.entries()) {
            Chunk c = (Chunk) e;
            String text = new String(c.data(), StandardCharsets.US_ASCII);
            int last = order.size() - 1;
            if (last >= 0 && order.get(last).startsWith(c.direction().code())) {
                order.set(last, order.get(last) + text); // a line may arrive in several chunks
            } else {
                order.add(c.direction().code() + " " + text);
            }
        }
        assertThat(order).containsExactly("H>M AT+QIFGCNT=0\r", "M>H AT+QIFGCNT=0\r\r\nOK\r\n", "H>M AT+QIACT\r",
                "M>H AT+QIACT\r\r\nOK\r\n", "H>M AT+QILOCIP\r", "M>H AT+QILOCIP\r\r\n10.1.83.188\r\n");
        assertThat(trace.metadata().source()).isEqualTo(file.toString());
        List<Transaction> ts = TraceDecoding.transactions(trace.entries(), ProtocolRegistry.loadDefault());
        assertThat(ts).hasSize(3).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.OK));
        assertThat(ts.get(2).responses().get(0).bytes()).isEqualTo("10.1.83.188".getBytes(StandardCharsets.US_ASCII));
    }

    static void awaitAtLeast(long wanted, LongSupplier have) {
        Await.until(wanted + " bytes", () -> have.getAsLong() >= wanted);
    }
}
