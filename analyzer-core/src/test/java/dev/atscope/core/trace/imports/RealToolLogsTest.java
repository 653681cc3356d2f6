package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given the session played over pseudo-terminals while the real tools (Debian's socat,
 * jpnevulator and tio, installed by scripts/test) record it, when their logs are opened with
 * detection, then they decode to the transactions of the session's native trace.
 */
class RealToolLogsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "socat {0}")
    @ValueSource(strings = {"-v", "-x"})
    void aSocatRelayLogImportsToTheSessionsTransactions(String flag) throws Exception {
        Path log = dir.resolve("socat.log");
        Path host = dir.resolve("host");
        Path module = dir.resolve("module");
        try (PseudoTerminals ptys = new PseudoTerminals()) {
            Process relay = ptys.start(log, null, "socat", flag, PseudoTerminals.pty(host), PseudoTerminals.pty(module));
            PseudoTerminals.awaitLinks(host, module);
            RandomAccessFile h = ptys.open(host);
            RandomAccessFile m = ptys.open(module);
            for (TraceEntry e : ShortSession.traffic()) {
                Chunk c = (Chunk) e;
                boolean fromHost = c.direction() == Direction.HOST_TO_MODULE;
                (fromHost ? h : m).write(c.data());
                byte[] through = new byte[c.data().length];
                (fromHost ? m : h).readFully(through);
                assertThat(through).isEqualTo(c.data());
            }
            PseudoTerminals.stop(relay);
        }
        assertImports(log, "socat", true, true);
    }

    @Test
    void aJpnevulatorLogImportsToTheSessionsTransactions() throws Exception {
        Path out = dir.resolve("jpnevulator.txt");
        Path hostWrite = dir.resolve("hw");
        Path hostTap = dir.resolve("ht");
        Path moduleWrite = dir.resolve("mw");
        Path moduleTap = dir.resolve("mt");
        try (PseudoTerminals ptys = new PseudoTerminals()) {
            ptys.start(null, null, "socat", PseudoTerminals.pty(hostWrite), PseudoTerminals.pty(hostTap));
            ptys.start(null, null, "socat", PseudoTerminals.pty(moduleWrite), PseudoTerminals.pty(moduleTap));
            PseudoTerminals.awaitLinks(hostWrite, hostTap, moduleWrite, moduleTap);
            RandomAccessFile h = ptys.open(hostWrite);
            RandomAccessFile m = ptys.open(moduleWrite);
            Process jp = ptys.start(null, out, "jpnevulator", "--read", "--timing-print",
                    "--tty", hostTap.toRealPath().toString(), "--tty", moduleTap.toRealPath().toString());
            for (TraceEntry e : ShortSession.traffic()) {
                Chunk c = (Chunk) e;
                (c.direction() == Direction.HOST_TO_MODULE ? h : m).write(c.data());
                // jpnevulator reads both ttys in turn: a pause keeps the two sides in wire order, with room
                // for a busy machine that schedules it late (60 ms was seen to be too little under load)
                Thread.sleep(150);
            }
            Thread.sleep(200);
            PseudoTerminals.stop(jp);
        }
        assertImports(out, "jpnevulator", true, true);
    }

    @Test
    void aTioLogImportsToTheSessionsTransactions() throws Exception {
        Path log = dir.resolve("tio.log");
        Path moduleWrite = dir.resolve("mw");
        Path terminal = dir.resolve("tty");
        List<TraceEntry> session = ShortSession.traffic(false);
        try (PseudoTerminals ptys = new PseudoTerminals()) {
            ptys.start(null, null, "socat", PseudoTerminals.pty(moduleWrite), PseudoTerminals.pty(terminal));
            PseudoTerminals.awaitLinks(moduleWrite, terminal);
            RandomAccessFile m = ptys.open(moduleWrite);
            ProcessBuilder pb = new ProcessBuilder("tio", "--timestamp", "--log", "--log-file", log.toString(),
                    terminal.toRealPath().toString()).redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process tio = pb.start();
            PseudoTerminals.awaitOpened(tio, terminal);
            // a terminal shows what the module sends: its echo of each command and its answers
            for (TraceEntry e : session) {
                Chunk c = (Chunk) e;
                if (c.direction() == Direction.MODULE_TO_HOST) {
                    m.write(c.data());
                    Thread.sleep(5);
                }
            }
            Thread.sleep(300);
            OutputStream keyboard = tio.getOutputStream();
            keyboard.close();
            PseudoTerminals.stop(tio);
        }
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).contains("] AT+QIFGCNT=0");
        try (TraceReader r = Traces.open(log, ShortSession.options())) {
            assertThat(r.metadata().tags()).containsEntry("imported-from", "transcript");
            assertThat(r.metadata().synthetic()).isFalse();
            assertThat(ShortSession.transactions(ShortSession.readAll(r), false))
                    .isEqualTo(ShortSession.transactions(session, false));
        }
    }

    private static void assertImports(Path log, String format, boolean echo, boolean upload) throws Exception {
        try (TraceReader r = Traces.open(log, ShortSession.options())) {
            assertThat(r.metadata().tags()).containsEntry("imported-from", format);
            assertThat(r.metadata().start()).isNotNull();
            List<TraceEntry> entries = ShortSession.readAll(r);
            assertThat(ShortSession.transactions(entries, echo))
                    .isEqualTo(ShortSession.transactions(ShortSession.traffic(upload), echo));
        }
    }
}
