package dev.atscope.cli;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.emulator.AtHost;
import dev.atscope.core.emulator.EmulatedModule;
import dev.atscope.core.emulator.EmulatorConfig;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.ModulePace;
import dev.atscope.core.emulator.Network;
import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The emulator as a link target and as the lenient mock's fallback: a module in this process on the
 * far end of an in-memory pipe. It answers without delays (the replay's timing mode paces the host)
 * and reaches what its surroundings let it reach: on the bench, only 127.0.0.0/8.
 */
final class EmulatedTarget {

    private EmulatedTarget() {}

    /**
     * What the emulated module finds around it.
     *
     * @param network where its requests go; null for the bench's (127.0.0.0/8 only)
     * @param cellular the cellular network, used when no fault profile is named
     * @param boot whether it boots first (a recording that starts after the boot: no)
     * @param log receives the module's log: each request, where it went and why it failed
     */
    record Surroundings(Network network, FaultProfile cellular, boolean boot, Consumer<String> log) {
        /** A bench: nothing beyond this machine, a healthy network, a boot, no log. */
        static final Surroundings BENCH = new Surroundings(null, FaultProfile.NONE, true, line -> { });
    }

    /**
     * A module on the bench behind a pipe; closing the returned link ends it.
     *
     * @param profile a fault profile file or built-in name, or empty for a healthy module
     */
    static Link open(String profile) throws IOException {
        return open(profile, Surroundings.BENCH);
    }

    /** A module in these surroundings; a fault profile named takes the place of their cellular network. */
    static Link open(String profile, Surroundings around) throws IOException {
        FaultProfile faults = profile.isEmpty() ? around.cellular() : FaultProfile.load(profile);
        EmulatorConfig config = EmulatorConfig.defaults().withTiming(ModulePace.FAST).withFaults(faults)
                .withNetwork(around.network()).withLog(around.log());
        return new EmulatedModule(config, ProtocolRegistry.loadDefault(), "emulated-m66").startOnPipe(around.boot());
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
