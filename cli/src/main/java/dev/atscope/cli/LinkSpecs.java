package dev.atscope.cli;

import dev.atscope.capture.PortSpec;
import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.TcpLink;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The link specs of {@code --target} and {@code --listen}: a scheme, a colon and what the scheme
 * needs ({@code tcp:127.0.0.1:5000}), or the scheme alone ({@code emulator}). Each scheme is one
 * registered factory, so another transport is one more {@link #register} line.
 */
final class LinkSpecs {

    /** Opens a link from the part of the spec after the scheme's colon. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param rest the spec without {@code scheme:}, empty for a bare scheme
         * @param log where to say what is happening (the port listened on)
         */
        Link open(String rest, PrintWriter log) throws IOException;
    }

    private final String option;
    private final Map<String, Opener> openers = new LinkedHashMap<>();
    private final Map<String, String> forms = new LinkedHashMap<>();

    private LinkSpecs(String option) {
        this.option = option;
    }

    /** What {@code atscope replay --target} connects to: a module, or something that answers as one. */
    static LinkSpecs targets() {
        return targets(EmulatedTarget.Surroundings.BENCH);
    }

    /** The same, an emulated module finding itself in these surroundings. */
    static LinkSpecs targets(EmulatedTarget.Surroundings around) {
        return new LinkSpecs("--target")
                .register("tcp", "tcp:HOST:PORT", (rest, log) -> connectTcp(rest))
                .register("serial", "serial:PATH[@BAUD[,8N1]]", (rest, log) -> serial("--target", rest))
                .register("emulator", "emulator[:PROFILE]", (rest, log) -> EmulatedTarget.open(rest, around));
    }

    /** Whether a spec names the built-in emulator. */
    static boolean isEmulator(String spec) {
        return spec.equals("emulator") || spec.startsWith("emulator:");
    }

    /** Where {@code atscope mock --listen} waits for the host. */
    static LinkSpecs listeners() {
        return new LinkSpecs("--listen")
                .register("tcp", "tcp:HOST:PORT", LinkSpecs::acceptTcp)
                .register("serial", "serial:PATH[@BAUD[,8N1]]", (rest, log) -> serial("--listen", rest));
    }

    /** The schemes this option knows, in the order they were registered. */
    java.util.Set<String> schemes() {
        return java.util.Collections.unmodifiableSet(forms.keySet());
    }

    /** Adds a scheme; {@code form} shows its syntax in messages. */
    LinkSpecs register(String scheme, String form, Opener opener) {
        openers.put(scheme, opener);
        forms.put(scheme, form);
        return this;
    }

    /** Opens the link a spec names; an unknown scheme is a usage error that lists the known ones. */
    Link open(String spec, PrintWriter log) throws IOException {
        int colon = spec.indexOf(':');
        String scheme = colon < 0 ? spec : spec.substring(0, colon);
        Opener o = openers.get(scheme);
        if (o == null) {
            throw new AbstractCommand.UsageException(option + " " + spec + ": unknown link; expected one of "
                    + String.join(", ", forms.values()));
        }
        return o.open(colon < 0 ? "" : spec.substring(colon + 1), log);
    }

    private static Link serial(String option, String rest) throws IOException {
        PortSpec port;
        try {
            port = PortSpec.parse(rest, SerialSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new AbstractCommand.UsageException(option + " serial:" + rest + ": " + e.getMessage());
        }
        return SerialLink.open(port);
    }

    private static Link connectTcp(String rest) throws IOException {
        InetSocketAddress a = hostPort("--target", rest);
        return TcpLink.connect(a.getHostString(), a.getPort(), 5_000);
    }

    private static Link acceptTcp(String rest, PrintWriter log) throws IOException {
        InetSocketAddress a = hostPort("--listen", rest);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(a.getHostString()), a.getPort()), 1);
            log.println("listening on tcp:" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
            log.flush();
            return new TcpLink(server.accept());
        }
    }

    private static InetSocketAddress hostPort(String option, String rest) {
        int colon = rest.lastIndexOf(':');
        String expected = option + " tcp:" + rest + ": expected tcp:HOST:PORT with a port from 0 to 65535";
        if (colon <= 0) {
            throw new AbstractCommand.UsageException(expected);
        }
        try {
            int port = Integer.parseInt(rest.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new AbstractCommand.UsageException(expected);
            }
            return InetSocketAddress.createUnresolved(rest.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new AbstractCommand.UsageException(expected);
        }
    }
}
