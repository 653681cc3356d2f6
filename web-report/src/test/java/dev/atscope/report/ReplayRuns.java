package dev.atscope.report;

import dev.atscope.core.link.PipeLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.FieldTraces;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.MockOptions;
import dev.atscope.core.replay.ModuleMock;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.SendTiming;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Replays the page tests show: a recorded host against a mock of a module, over a pipe, in this process. */
final class ReplayRuns {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    /** Fast timing, the built-in masks. */
    static final ReplayOptions OPTIONS = ReplayOptions.DEFAULTS.withTiming(SendTiming.FAST);
    /** A version string that runs script and closes the data block if any view puts it into the page as HTML. */
    static final String HOSTILE_ANSWER = "</script><script>window.pwned=1</script>"
            + "<img src=x onerror=\"window.pwned=2\"><!-- &amp;";

    private ReplayRuns() {}

    /** The note's §3.3 session against a mock of the field, where AT+QHTTPGET answers {@code +CME ERROR: 3815}. */
    static ReplayResult againstTheFieldFailure() throws Exception {
        return replay(FieldTraces.healthy(), FieldTraces.failing());
    }

    /** A short session against a module whose AT+GMR answers {@link #HOSTILE_ANSWER}. */
    static ReplayResult againstAHostileModule() throws Exception {
        return replay(new Trace(TraceMetadata.EMPTY, versionQuery("M95FAR02A08").entries()),
                new Trace(TraceMetadata.EMPTY, versionQuery(HOSTILE_ANSWER).entries()));
    }

    private static ScriptedTraffic versionQuery(String version) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.pause(50_000).command("AT+CMEE=1").answer(8_000, "OK");
        t.pause(50_000).command("AT+GMR").answer(9_000, version, "OK");
        t.pause(50_000).command("AT+CSQ").answer(9_000, "+CSQ: 24,0", "OK");
        return t;
    }

    /** Replays {@code host} against a mock that answers as {@code module} did, at a hundredth of its latencies. */
    static ReplayResult replay(Trace host, Trace module) throws Exception {
        PipeLink[] ends = PipeLink.pair("host", "module");
        ModuleMock mock = new ModuleMock(Recording.of(module, REGISTRY), new MockOptions(true, 0.01, 200),
                ModuleMock.ERROR_FALLBACK);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread served = new Thread(() -> {
            try {
                mock.serve(ends[1]);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "test-mock");
        served.start();
        try {
            ReplayResult r = new HostReplay(Recording.of(host, REGISTRY), REGISTRY, OPTIONS).run(ends[0],
                    l -> TraceRecorder.to(new TraceCsvWriter(new StringWriter(), TraceMetadata.EMPTY),
                            Duration.ofMillis(50), l));
            served.join();
            if (failure.get() != null) {
                throw new AssertionError("the mock failed", failure.get());
            }
            return r;
        } finally {
            served.interrupt();
            served.join();
        }
    }
}
