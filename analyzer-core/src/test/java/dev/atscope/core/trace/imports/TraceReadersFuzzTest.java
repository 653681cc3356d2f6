package dev.atscope.core.trace.imports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.FuzzProperty;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of every reader, through the public entry point, each with and without
 * keep-going ({@link ReadingChecks}). In the normal build each target reads its regression inputs
 * (the field-log fixtures shared by all, under {@code TraceReadersFuzzTestInputs/}, and the findings
 * of past fuzzing under {@code TraceReadersFuzzTestInputs/<target>/}); {@code scripts/fuzz} fuzzes
 * them for real.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TraceReadersFuzzTest {

    static {
        // every format on every fixture: all readers loaded before the fuzzer's clock starts
        FuzzWarmUp.run(TraceReadersFuzzTest.class, input -> {
            for (TraceFormat f : TraceFormat.values()) {
                ReadingChecks.read(input, ImportOptions.defaults().withFormat(f));
            }
            ReadingChecks.read(input, ImportOptions.defaults());
        });
    }

    @FuzzTest
    void detected(byte[] input) {
        ReadingChecks.readBothWays(input, null);
    }

    @FuzzTest
    void nativeTrace(byte[] input) throws IOException {
        ReadingChecks.Reading r = ReadingChecks.readBothWays(input, TraceFormat.NATIVE);
        if (r.failure() == null) {
            // whatever was read is written and read back the same
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TraceWriter w = new TraceCsvWriter(out, TraceMetadata.EMPTY)) {
                for (TraceEntry e : r.entries()) {
                    w.write(e);
                }
            }
            List<TraceEntry> again = ReadingChecks.read(out.toByteArray(), ImportOptions.defaults()).entries();
            FuzzProperty.expect(withoutLines(again).equals(withoutLines(r.entries())),
                    "written and read back, the entries changed");
        }
    }

    private static List<TraceEntry> withoutLines(List<TraceEntry> entries) {
        return entries.stream()
                .map(e -> e instanceof Chunk c ? c.withoutLine() : ((Marker) e).withoutLine())
                .map(TraceEntry.class::cast)
                .toList();
    }

    @FuzzTest
    void pcapng(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.PCAPNG);
    }

    @FuzzTest
    void jsonl(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.JSONL);
    }

    @FuzzTest
    void socat(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.SOCAT);
    }

    @FuzzTest
    void interceptty(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.INTERCEPTTY);
    }

    @FuzzTest
    void slsnif(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.SLSNIF);
    }

    @FuzzTest
    void jpnevulator(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.JPNEVULATOR);
    }

    @FuzzTest
    void umockdev(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.UMOCKDEV);
    }

    @FuzzTest
    void modemmanager(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.MODEMMANAGER);
    }

    @FuzzTest
    void mbed(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.MBED);
    }

    @FuzzTest
    void chat(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.CHAT);
    }

    @FuzzTest
    void prefixed(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.PREFIXED);
    }

    @FuzzTest
    void transcript(byte[] input) {
        ReadingChecks.readBothWays(input, TraceFormat.TRANSCRIPT);
    }
}
