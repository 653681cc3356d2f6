package dev.atscope.cli;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.Timing;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * The emulator as a link target and as the lenient mock's fallback: a module in this process on the
 * far end of an in-memory pipe. It answers without delays (the replay's timing mode paces the host)
 * and reaches only 127.0.0.0/8.
 */
final class EmulatedTarget {

    private EmulatedTarget() {}

    /**
     * A booted module behind a pipe; closing the returned link ends it.
     *
     * @param profile a fault profile file or built-in name, or empty for a healthy module
     */
    static Link open(String profile) throws IOException {
        FaultProfile faults = profile.isEmpty() ? FaultProfile.NONE : FaultProfile.load(profile);
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(Timing.FAST).withFaults(faults)
                .withLog(line -> { });
        PipeLink[] pair = PipeLink.pair("replay", "emulator");
        EmulatedModule module = new EmulatedModule(config, ProtocolRegistry.loadDefault(), "emulated-m66");
        Thread serving = new Thread(() -> {
            try {
                module.serve(pair[1]);
            } catch (IOException e) {
                // the host closed its end: nothing more to answer
            } finally {
                pair[1].close();
            }
        }, "atscope-emulated-target");
        serving.setDaemon(true);
        serving.start();
        return pair[0];
    }

    /**
     * Answers a command the recording does not have as the emulator would (framing included, no
     * echo), for {@code atscope mock --lenient}. The emulated module keeps its state between calls.
     */
    static Function<AtCommand, byte[]> fallback() throws IOException {
        Link link = open("");
        AtHost host = new AtHost(link, ProtocolRegistry.loadDefault(), Duration.ofSeconds(30), Duration.ofMillis(30));
        host.awaitUrc("SMS Ready", Duration.ofSeconds(10));
        host.send("ATE0");
        return command -> {
            try {
                AtHost.Reply r = host.send(command.display());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (String line : r.lines()) {
                    out.writeBytes(("\r\n" + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.writeBytes(r.body());
                if (!r.result().isEmpty()) {
                    out.writeBytes(("\r\n" + r.result() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
