package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the session written as pcapng, when Debian's tshark reads it with no options, then its AT
 * dissector shows the host's commands; and atscope reads the file back to the same transactions.
 */
class PcapngExportTest {

    @TempDir
    Path dir;

    private Path write() throws Exception {
        Path file = dir.resolve("session.pcapng");
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-23T10:00:00Z"));
        try (OutputStream out = Files.newOutputStream(file); TraceWriter w = new PcapngTraceWriter(out, meta)) {
            for (TraceEntry e : ShortSession.traffic()) {
                w.write(e);
            }
        }
        return file;
    }

    @Test
    void tsharkShowsTheAtCommandsWithoutConfiguration() throws Exception {
        Path file = write();
        Process p = new ProcessBuilder("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.p2p_dir", "-e", "at.cmd")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> commands = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            // p2p_dir 0 is "sent": the AT dissector takes the host (DTE) role for it
            if (f.length > 1 && f[0].equals("0") && !f[1].isEmpty()) {
                commands.add(f[1]);
            }
        }
        assertThat(commands).contains("+QIFGCNT", "+QICSGP", "+QIACT", "+QILOCIP", "+QSSLCFG", "+QHTTPURL",
                "+QHTTPGET", "+QHTTPREAD", "+QIDEACT");
    }

    @Test
    void readsBackToTheSameTransactionsAndTimes() throws Exception {
        Path file = write();
        assertThat(TraceImports.detect(Files.readAllBytes(file), true, "x", ImportOptions.defaults()))
                .isEqualTo(TraceFormat.PCAPNG);
        try (TraceReader r = Traces.open(file)) {
            assertThat(r.metadata().start()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
            List<TraceEntry> back = ShortSession.readAll(r);
            List<TraceEntry> sent = ShortSession.traffic();
            assertThat(back).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(back.get(i).timeMicros()).isEqualTo(sent.get(i).timeMicros());
            }
            assertThat(ShortSession.transactions(back, true)).isEqualTo(ShortSession.transactions(sent, true));
        }
    }
}
