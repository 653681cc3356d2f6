package dev.atscope.core.emulator;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.link.RecordingLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceRecorder;
import dev.atscope.core.trace.TraceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A module on the bench for tests: an emulated module on one end of an in-memory pipe, a host on
 * the other, the host's end recorded like a capture. Booted and ready when constructed.
 */
final class ModuleBench implements AutoCloseable {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** The grammars the module and the host read. */
    final ProtocolRegistry registry;

    final List<TraceEntry> entries = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final AtHost host;
    final List<String> bootLines;
    /** The module on the bench. */
    final EmulatedModule emulated;
    private final TraceRecorder recorder;
    private final PipeLink moduleEnd;
    private final Thread module;

    ModuleBench(EmulatorConfig config) {
        this(config, REGISTRY);
    }

    ModuleBench(EmulatorConfig config, ProtocolRegistry registry) {
        this.registry = registry;
        PipeLink[] pair = PipeLink.pair("host", "module");
        moduleEnd = pair[1];
        recorder = TraceRecorder.to(new TraceWriter() {
            @Override
            public void write(TraceEntry entry) {
                // kept by the listener
            }

            @Override
            public void flush() {
                // nothing buffered
            }

            @Override
            public void close() {
                // nothing open
            }
        }, Duration.ofSeconds(1), entries::add);
        EmulatedModule m = new EmulatedModule(config.withLog(log::add), registry, "modem-under-test");
        emulated = m;
        module = new Thread(() -> {
            try {
                m.serve(moduleEnd);
            } catch (IOException e) {
                log.add("serve ended: " + e);
            }
        }, "test-emulated-module");
        module.setDaemon(true);
        module.start();
        host = new AtHost(new RecordingLink(pair[0], recorder, Direction.HOST_TO_MODULE), registry,
                Duration.ofSeconds(10), Duration.ofMillis(30));
        try {
            bootLines = host.awaitUrc("SMS Ready", Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bench with fast timing and the given faults. */
    static ModuleBench fast(FaultProfile faults) {
        return new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST).withFaults(faults));
    }

    static ModuleBench fast() {
        return fast(FaultProfile.NONE);
    }

    AtHost.Reply send(String line) throws IOException {
        return host.send(line);
    }

    /** Sends and returns the answer lines and result, as the note lists them. */
    List<String> answer(String line) throws IOException {
        return host.send(line).answer();
    }

    AtHost.Reply upload(String line, byte[] data) throws IOException {
        return host.upload(line, data);
    }

    /** Everything recorded so far, decoded. */
    List<Decoded> decoded() {
        synchronized (entries) {
            return TraceDecoding.decode(new ArrayList<>(entries), registry);
        }
    }

    List<Transaction> transactions() {
        return decoded().stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
    }

    List<SessionSummary> sessions() {
        List<SessionSummary> out = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(registry, out::add);
        decoded().forEach(tracker::accept);
        tracker.finish();
        return out;
    }

    /** Activates the PDP context as §3.3 does. */
    void activate() throws IOException {
        for (String c : List.of("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"", "AT+QIREGAPP", "AT+QIACT")) {
            AtHost.Reply r = send(c);
            if (!r.ok()) {
                throw new IllegalStateException(c + " answered " + r.answer());
            }
        }
    }

    /** Sets the URL in data mode (§1.2 step 5). */
    AtHost.Reply url(String url) throws IOException {
        return upload("AT+QHTTPURL=" + url.length() + ",30", url.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws Exception {
        host.close();
        moduleEnd.close();
        module.join(2000);
        recorder.close();
    }
}
