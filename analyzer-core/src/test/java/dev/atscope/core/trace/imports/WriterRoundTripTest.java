package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Given the session written in each format atscope writes, when read back with detection, then it decodes the same. */
class WriterRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TraceFormat.class, names = {"NATIVE", "JSONL", "UMOCKDEV", "SOCAT", "PCAPNG"})
    void readsBackWhatItWrote(TraceFormat format) throws Exception {
        Path file = dir.resolve("session." + format.id());
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-23T10:00:00Z")).withTag("device", "m66");
        List<TraceEntry> session = ShortSession.traffic();
        try (OutputStream out = Files.newOutputStream(file); TraceWriter w = TraceImports.writer(format, out, meta)) {
            for (TraceEntry e : session) {
                w.write(e);
            }
        }
        assertThat(TraceImports.detect(Files.readAllBytes(file), true, file.toString(), ImportOptions.defaults()))
                .isEqualTo(format);
        try (TraceReader r = Traces.open(file)) {
            List<TraceEntry> back = ShortSession.readAll(r);
            assertThat(ShortSession.transactions(back, true)).isEqualTo(ShortSession.transactions(session, true));
            if (format != TraceFormat.UMOCKDEV) {
                assertThat(r.metadata().start()).isEqualTo(meta.start());
            }
            if (format == TraceFormat.NATIVE || format == TraceFormat.JSONL) {
                // lossless formats: the very same entries, times and chunking included
                assertThat(back.stream().map(WriterRoundTripTest::withoutLine).toList()).isEqualTo(session);
                assertThat(r.metadata().tags()).containsEntry("device", "m66");
            }
        }
    }

    private static TraceEntry withoutLine(TraceEntry e) {
        return e instanceof dev.atscope.core.trace.Chunk c ? c.withoutLine() : ((dev.atscope.core.trace.Marker) e).withoutLine();
    }
}
