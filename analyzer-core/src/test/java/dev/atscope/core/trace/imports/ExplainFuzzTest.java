package dev.atscope.core.trace.imports;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@code atscope import --explain} and of the layouts learned from a
 * log's content ({@link TextLogReader}, {@link LayoutLearner}): on any bytes, explaining either
 * gives a layout or fails with the documented error naming the file, never anything else; the
 * layout it prints is the one an import of the same bytes reads with; and naming the format it
 * found reads the same traffic as leaving it to detection. Seeds: the importer fixtures and the
 * field-log corpus of {@code samples/field-logs/}.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExplainFuzzTest {

    static {
        FuzzWarmUp.run(ExplainFuzzTest.class, input -> new ExplainFuzzTest().explained(input));
    }

    @FuzzTest
    void explained(byte[] input) throws IOException {
        ImportOptions options = ImportOptions.defaults();
        LogLayout layout;
        try {
            layout = TraceImports.explain(new ByteArrayInputStream(input), ReadingChecks.SOURCE, options);
        } catch (TraceFormatException e) {
            expect(e.getMessage().startsWith(ReadingChecks.SOURCE + ":"), "explain failed without naming the file: %s",
                    e.getMessage());
            // the import fails the same way: explain reads as import does
            ReadingChecks.Reading r = ReadingChecks.read(input, options);
            expect(r.failure() != null && r.failure().getMessage().equals(e.getMessage()),
                    "explain failed with '%s', the import with %s", e.getMessage(), r.failure());
            return;
        }
        List<String> lines = layout.explain();
        expect(lines.get(0).equals("format: " + layout.format()), "the explanation starts %s for %s", lines.get(0),
                layout.format());
        expect(lines.get(lines.size() - 1).startsWith(layout.sure() ? "sure: yes" : "sure: no"),
                "the explanation ends %s", lines.get(lines.size() - 1));
        // a format there is none of fails here
        TraceFormat format = TraceFormat.byId(layout.format());
        List<TraceEntry> detected = new ArrayList<>();
        try (TraceReader r = TraceImports.open(new ByteArrayInputStream(input), ReadingChecks.SOURCE, options)) {
            for (TraceEntry e = r.next(); e != null; e = r.next()) {
                detected.add(e);
            }
            expect(r.metadata().tags().getOrDefault("imported-from", TraceFormat.NATIVE.id()).equals(layout.format()),
                    "explained as %s, imported as %s", layout.format(), r.metadata().tags());
            if (r instanceof LogTraceReader log) {
                expect(log.layout().equals(layout), "explained as\n  %s\nbut imported with\n  %s", layout, log.layout());
            }
        }
        ReadingChecks.Reading named = ReadingChecks.read(input, options.withFormat(format));
        expect(named.failure() == null, "read as %s, which explain found, it fails: %s", format, named.failure());
        expect(named.entries().equals(detected), "read as %s, which explain found, the traffic differs", format);
    }
}
