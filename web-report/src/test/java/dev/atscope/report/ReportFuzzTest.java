package dev.atscope.report;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.FuzzWarmUp;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.FuzzedTraffic;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the report on any traffic ({@link FuzzedTraffic}; the first byte's low
 * bit turns redaction on, a gap marker's text becomes a tag of the trace): whatever was captured,
 * the page around the data is exactly the page of an empty trace, the data block is JSON without a
 * single {@code <}, {@code >} or {@code &} (so nothing captured can end it or become markup), and its
 * size is bounded by the input's.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = "<script type=\"application/json\" id=\"" + HtmlPage.DATA_ID + "\">";
    private static final String CLOSE = "</script>\n<script>\n";
    /** The page of an empty trace, without and with redaction: what every page must be around its data. */
    private static final String[] EMPTY = new String[2];

    static {
        try {
            for (int i = 0; i < 2; i++) {
                EMPTY[i] = page(List.of(), new TraceMetadata("field.csv", null, null, 0, null, false, Map.of()), i == 1);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    static {
        FuzzWarmUp.run(ReportFuzzTest.class, input -> new ReportFuzzTest().anyTraffic(input));
    }

    @FuzzTest
    void anyTraffic(byte[] input) throws IOException {
        boolean redact = input.length > 0 && (input[0] & 1) == 1;
        List<TraceEntry> entries = FuzzedTraffic.decode(input);
        String tag = entries.stream().filter(e -> e instanceof Marker).map(e -> ((Marker) e).text()).findFirst()
                .orElse("bench");
        TraceMetadata meta = new TraceMetadata("field.csv", null, null, 0, null, false, Map.of("device", tag));
        String page = page(entries, meta, redact);
        String empty = EMPTY[redact ? 1 : 0];

        int open = page.indexOf(OPEN) + OPEN.length();
        int close = page.indexOf(CLOSE, open);
        expect(open >= OPEN.length() && close > open, "no data block");
        String data = page.substring(open, close);
        for (char c : new char[] {'<', '>', '&'}) {
            expect(data.indexOf(c) < 0, "a raw %s in the data block at %d", c, data.indexOf(c));
        }
        JSON.readTree(data); // throws when it is not JSON
        int emptyOpen = empty.indexOf(OPEN) + OPEN.length();
        expect(page.substring(0, open).equals(empty.substring(0, emptyOpen)), "the page before the data changed");
        expect(page.substring(close).equals(empty.substring(empty.indexOf(CLOSE, emptyOpen))),
                "the page after the data changed");
        expect(data.length() <= 64L * input.length + 16_384, "%d characters of data from %d bytes", data.length(),
                input.length);
    }

    private static String page(List<TraceEntry> entries, TraceMetadata meta, boolean redact) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TimelineReport(MODEL, ReportOptions.DEFAULT.withRedact(redact)).write(reader(entries, meta), "field.csv",
                out, n -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static TraceReader reader(List<TraceEntry> entries, TraceMetadata meta) {
        Iterator<TraceEntry> it = entries.iterator();
        return new TraceReader() {
            @Override
            public TraceMetadata metadata() {
                return meta;
            }

            @Override
            public TraceEntry next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public List<String> warnings() {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

}
