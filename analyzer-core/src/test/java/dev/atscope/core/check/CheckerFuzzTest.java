package dev.atscope.core.check;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.FuzzedTraffic;
import dev.atscope.core.trace.TraceEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the checker on the decoding of any traffic ({@link FuzzedTraffic}):
 * every finding is whole (a rule, a severity, words for a person, a place in the trace that exists)
 * and there are no more of them than the trace has units to be about.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CheckerFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    static {
        FuzzWarmUp.run(CheckerFuzzTest.class, input -> new CheckerFuzzTest().anyTraffic(input));
    }

    @FuzzTest
    void anyTraffic(byte[] input) {
        List<TraceEntry> entries = FuzzedTraffic.decode(input);
        List<Decoded> decoded = TraceDecoding.decode(entries, MODEL);
        List<Diagnostic> found = TraceChecker.check(decoded, MODEL);
        long transactions = decoded.stream().filter(d -> d instanceof dev.atscope.core.decode.Transaction).count();
        for (Diagnostic d : found) {
            expect(!d.ruleId().isBlank() && !d.message().isBlank(), "a finding without a rule or words: %s", d);
            expect(d.where().transactionId() <= transactions, "%s is about transaction %d of %d", d,
                    d.where().transactionId(), transactions);
            expect(d.message().length() < 10_000, "a finding of %d characters", d.message().length());
        }
        expect(found.size() <= 8 * decoded.size() + 8, "%d findings about %d decoded units", found.size(),
                decoded.size());
    }

}
