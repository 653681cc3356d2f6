package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given files of many more transactions than the local index hands to its writing threads at once,
 * when indexed, every document of a good file is there and none of a file that breaks near its end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LongFileIndexTest {

    @TempDir
    Path tmp;

    static ScriptedTraffic polls(int n) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_000_000);
        for (int i = 0; i < n; i++) {
            t.pause(10_000).command("AT+CSQ").answer(5_000, "+CSQ: " + (i % 31) + ",0", "OK");
        }
        return t;
    }

    @Test
    void aLongFileIsIndexedWholeAndABrokenOneLeavesNothing() throws Exception {
        Path good = tmp.resolve("good.csv");
        new Trace(TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-20T10:00:00Z")).withTag("device", "good"),
                polls(1_500).entries()).write(good);
        Path broken = tmp.resolve("broken.csv");
        new Trace(TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-20T10:00:00Z")).withTag("device", "broken"),
                polls(1_200).entries()).write(broken);
        // a row that goes back in time after 1,200 transactions: the file cannot be read to its end
        Files.writeString(broken, "1,H>M,data,AT\\r\n", java.nio.file.StandardOpenOption.APPEND);
        Path index = tmp.resolve("index");
        try (TraceIndexWriter w = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), false)) {
            assertThat(w.index(good).transactions()).isEqualTo(1_500);
            assertThatThrownBy(() -> w.index(broken)).hasMessageContaining("time goes backwards");
            w.commit();
        }
        try (TraceSearcher s = new TraceSearcher(index)) {
            assertThat(s.search("command:csq AND device:good", 1, TraceSearch.Order.TIME, false).total())
                    .isEqualTo(1_500);
            assertThat(s.search("device:broken", 1, TraceSearch.Order.TIME, false).total()).isZero();
        }
    }
}
