package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given the same session written down by each tool in its own layout, when each file is opened
 * with detection, then the format is recognised and the decoder finds the same transactions as in
 * the native trace of the session.
 */
class FixtureImportTest {

    static Path fixture(String name) {
        try {
            return Path.of(FixtureImportTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNativeFixtureIsTheScriptedSession() throws Exception {
        try (TraceReader r = Traces.open(fixture("native.csv"), ShortSession.options())) {
            assertThat(ShortSession.transactions(ShortSession.readAll(r), true))
                    .isEqualTo(ShortSession.transactions(ShortSession.traffic(), true))
                    .hasSize(9);
        }
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
        "socat-x.log, socat, true, false",
        "socat-v.log, socat, true, false",
        "interceptty.log, interceptty, true, true",
        "slsnif.log, slsnif, true, true",
        "slsnif-times.log, slsnif, true, false",
        "jpnevulator.txt, jpnevulator, true, true",
        "jpnevulator-timing.txt, jpnevulator, true, false",
        "umockdev.script, umockdev, true, false",
        "modemmanager.log, modemmanager, true, false",
        "mbed.log, mbed, true, false",
        "chat.log, chat, true, false",
        "prefixed-arrows.log, prefixed, true, false",
        "prefixed-txrx.log, prefixed, true, false",
        "trace.jsonl, jsonl, true, false",
        "minicom.cap, transcript, false, true",
        "putty.log, transcript, false, true",
        "tio.log, transcript, false, false",
        "ticket.txt, transcript, false, true",
    })
    void importsToTheSameTransactionsAsTheNativeTrace(String file, String format, boolean echo, boolean synthetic)
            throws Exception {
        Path p = fixture(file);
        byte[] all = Files.readAllBytes(p);
        assertThat(TraceImports.detect(all, true, file, ShortSession.options())).isEqualTo(TraceFormat.byId(format));
        try (TraceReader r = Traces.open(p, ShortSession.options())) {
            TraceMetadata m = r.metadata();
            List<TraceEntry> entries = ShortSession.readAll(r);
            assertThat(m.tags()).containsEntry("imported-from", format);
            assertThat(m.synthetic()).as("synthetic times").isEqualTo(synthetic);
            assertThat(ShortSession.transactions(entries, echo))
                    .isEqualTo(ShortSession.transactions(ShortSession.traffic(), echo));
            long last = -1;
            for (TraceEntry e : entries) {
                assertThat(e.timeMicros()).isGreaterThanOrEqualTo(last);
                last = e.timeMicros();
                if (e instanceof Chunk c) {
                    assertThat(c.line()).as("source line of " + c).isPositive();
                }
            }
        }
    }

    @Test
    void theSocatLogKeepsItsDateAndTimes() throws Exception {
        try (TraceReader r = Traces.open(fixture("socat-x.log"), ShortSession.options())) {
            assertThat(r.metadata().start()).hasToString("2026-11-23T10:00:00Z");
            List<TraceEntry> entries = ShortSession.readAll(r);
            // the module answers AT+QIACT 2.35 s after echoing it
            int echo = 0;
            while (!entries.get(echo).toString().contains("M>H AT+QIACT")) {
                echo++;
            }
            assertThat(entries.get(echo + 1).timeMicros() - entries.get(echo).timeMicros()).isEqualTo(2_350_000);
        }
    }
}
