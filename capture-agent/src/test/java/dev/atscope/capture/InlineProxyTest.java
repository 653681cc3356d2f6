package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a scripted host and a scripted module on two pseudo-terminal pairs with the proxy between
 * them, when they run the note's HTTPS procedure, then both received exactly what the other sent
 * and the recorded trace holds every byte of both directions, in order, and decodes to the procedure.
 */
class InlineProxyTest {

    @TempDir
    Path dir;

    PtyPair hostSide;
    PtyPair moduleSide;

    @BeforeEach
    void wire() throws IOException {
        hostSide = PtyPair.open(dir, "host");
        moduleSide = PtyPair.open(dir, "module");
    }

    @AfterEach
    void unwire() throws IOException {
        hostSide.close();
        moduleSide.close();
    }

    @Test
    void theHttpsProcedureGoesThroughAndIsRecordedByteForByte() throws Exception {
        List<TraceEntry> script = NoteExamples.httpsGet().entries();
        Path file = dir.resolve("https.csv");
        CaptureSession proxy = InlineProxy.start(new PortSpec(hostSide.pathA(), SerialSettings.DEFAULT),
                new PortSpec(moduleSide.pathA(), SerialSettings.DEFAULT), file, CaptureOptions.DEFAULTS);
        try (SerialLink host = SerialLink.open(hostSide.pathB(), SerialSettings.DEFAULT);
                SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
            CompletableFuture<byte[]> hostGot = ScriptedEnd.play(host, script, Direction.HOST_TO_MODULE);
            CompletableFuture<byte[]> moduleGot = ScriptedEnd.play(module, script, Direction.MODULE_TO_HOST);
            assertThat(hostGot.get(30, TimeUnit.SECONDS)).isEqualTo(ScriptedEnd.bytes(script, Direction.MODULE_TO_HOST));
            assertThat(moduleGot.get(30, TimeUnit.SECONDS)).isEqualTo(ScriptedEnd.bytes(script, Direction.HOST_TO_MODULE));
        } finally {
            proxy.close();
        }

        Trace trace = Trace.read(file);
        assertThat(ScriptedEnd.bytes(trace.entries(), Direction.HOST_TO_MODULE))
                .isEqualTo(ScriptedEnd.bytes(script, Direction.HOST_TO_MODULE));
        assertThat(ScriptedEnd.bytes(trace.entries(), Direction.MODULE_TO_HOST))
                .isEqualTo(ScriptedEnd.bytes(script, Direction.MODULE_TO_HOST));
        assertThat(trace.metadata().hostPort()).isEqualTo(hostSide.pathA());
        assertThat(trace.metadata().modulePort()).isEqualTo(moduleSide.pathA());
        assertThat(trace.metadata().baudRate()).isEqualTo(115_200);

        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        List<Transaction> recorded = TraceDecoding.transactions(trace.entries(), registry);
        List<Transaction> scripted = TraceDecoding.transactions(script, registry);
        assertThat(recorded).extracting(t -> new String(t.command().bytes()))
                .containsExactlyElementsOf(scripted.stream().map(t -> new String(t.command().bytes())).toList())
                .contains("AT+QHTTPGET=60", "AT+QHTTPREAD=30");
        assertThat(recorded).hasSize(13).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.OK));

        CaptureSummary summary = proxy.summary();
        assertThat(summary.stats().hostBytes()).isEqualTo(ScriptedEnd.bytes(script, Direction.HOST_TO_MODULE).length);
        assertThat(summary.stats().moduleBytes()).isEqualTo(ScriptedEnd.bytes(script, Direction.MODULE_TO_HOST).length);
        assertThat(summary.stats().gaps()).isZero();
        assertThat(summary.lines().get(0)).matches("recorded \\d+(\\.\\d)? (us|ms|s) into " + java.util.regex.Pattern.quote(file.toString()));
    }

    /** 10 MB each way at once, every byte value, through the proxy: nothing lost, nothing changed, nothing added. */
    @Test
    void tenMegabytesEachWayArriveWhole() throws Exception {
        int size = 10 * 1024 * 1024;
        Path file = dir.resolve("load.csv");
        CaptureSession proxy = InlineProxy.start(new PortSpec(hostSide.pathA(), SerialSettings.DEFAULT),
                new PortSpec(moduleSide.pathA(), SerialSettings.DEFAULT), file, CaptureOptions.DEFAULTS);
        String sentUp;
        String sentDown;
        String gotUp;
        String gotDown;
        try (SerialLink host = SerialLink.open(hostSide.pathB(), SerialSettings.DEFAULT);
                SerialLink module = SerialLink.open(moduleSide.pathB(), SerialSettings.DEFAULT)) {
            CompletableFuture<String> up = send(host.output(), size, 1);
            CompletableFuture<String> down = send(module.output(), size, 2);
            CompletableFuture<String> upArrived = receive(module.input(), size);
            CompletableFuture<String> downArrived = receive(host.input(), size);
            sentUp = up.get(120, TimeUnit.SECONDS);
            sentDown = down.get(120, TimeUnit.SECONDS);
            gotUp = upArrived.get(120, TimeUnit.SECONDS);
            gotDown = downArrived.get(120, TimeUnit.SECONDS);
        } finally {
            proxy.close();
        }
        assertThat(gotUp).isEqualTo(sentUp);
        assertThat(gotDown).isEqualTo(sentDown);

        assertThat(proxy.summary().stats().hostBytes()).isEqualTo(size);
        assertThat(proxy.summary().stats().moduleBytes()).isEqualTo(size);
        // the trace, streamed: both directions whole, rows in time order, nothing but data
        MessageDigest up = MessageDigest.getInstance("SHA-256");
        MessageDigest down = MessageDigest.getInstance("SHA-256");
        long previous = -1;
        try (TraceReader r = Traces.open(file)) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                assertThat(e).isInstanceOf(Chunk.class);
                assertThat(e.timeMicros()).isGreaterThanOrEqualTo(previous);
                previous = e.timeMicros();
                Chunk c = (Chunk) e;
                (c.direction() == Direction.HOST_TO_MODULE ? up : down).update(c.data());
            }
            assertThat(r.warnings()).isEmpty();
        }
        assertThat(HexFormat.of().formatHex(up.digest())).isEqualTo(sentUp);
        assertThat(HexFormat.of().formatHex(down.digest())).isEqualTo(sentDown);
    }

    /**
     * Writes {@code size} seeded random bytes, each 4 KiB block starting with all 256 byte values
     * and going on in printable ASCII (which keeps the trace file, where other bytes take four
     * characters, near the size of the traffic); completes with their SHA-256.
     */
    static CompletableFuture<String> send(OutputStream out, int size, long seed) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                Random r = new Random(seed);
                byte[] block = new byte[4096];
                for (int sent = 0; sent < size; sent += block.length) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = i < 256 ? (byte) i : (byte) (' ' + r.nextInt(95));
                    }
                    out.write(block);
                    sha.update(block);
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> newThread("load-send", runnable));
    }

    /** Reads exactly {@code size} bytes; completes with their SHA-256. */
    static CompletableFuture<String> receive(InputStream in, int size) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                int got = 0;
                while (got < size) {
                    int n = in.read(buf, 0, Math.min(buf.length, size - got));
                    if (n < 0) {
                        throw new IOException("stream ended after " + got + " bytes");
                    }
                    sha.update(buf, 0, n);
                    got += n;
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> newThread("load-receive", runnable));
    }

    private static void newThread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
