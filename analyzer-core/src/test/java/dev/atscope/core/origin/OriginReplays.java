package dev.atscope.core.origin;

import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.emulator.Network;
import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceCsvWriter;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Replays against the emulator with a recorded origin, in this process, as {@code --target emulator} does. */
public final class OriginReplays {

    public static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    public static final ReplayOptions FAST = ReplayOptions.DEFAULTS.withTiming(dev.atscope.core.replay.SendTiming.FAST);

    private OriginReplays() {}

    /**
     * A replay and what the emulated module logged.
     *
     * @param result the comparison
     * @param origin the recorded origin it ran against (closed)
     * @param log the module's log lines
     */
    public record Run(ReplayResult result, RecordedOrigin origin, List<String> log) {}

    /** Replays a trace against the emulator and the recording's own origin. */
    public static Run replay(Trace trace, ReplayOptions options) throws Exception {
        return replay(trace, options, n -> n);
    }

    /** The same with the module's network wrapped (to watch it). */
    public static Run replay(Trace trace, ReplayOptions options, UnaryOperator<Network> wrap) throws Exception {
        Recording recording = Recording.of(trace, REGISTRY);
        List<String> log = new CopyOnWriteArrayList<>();
        try (RecordedOrigin origin = RecordedOrigin.of(recording, REGISTRY)) {
            EmulatorConfig config = EmulatorConfig.defaults().withTiming(ModulePace.FAST)
                    .withFaults(origin.cellularNetwork()).withNetwork(wrap.apply(origin)).withLog(log::add);
            Link module = new EmulatedModule(config, REGISTRY, "emulated-m66").startOnPipe(!recording.preamble().isEmpty());
            ReplayResult r = new HostReplay(recording, REGISTRY, options).run(module,
                    l -> TraceRecorder.to(new TraceCsvWriter(new StringWriter(), TraceMetadata.EMPTY),
                            Duration.ofMillis(50), l));
            return new Run(r, origin, log);
        }
    }
}
