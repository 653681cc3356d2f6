package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The host's side of the UART, as host firmware drives it: sends a command line, skips the echo,
 * collects the answer up to its final result, sends upload data after {@code CONNECT} and reads a
 * response body. How each command ends (bare answers, {@code DEACT OK}, data mode) comes from the
 * protocol library, as for the decoder. Used by the demo, tests and the load benchmark.
 */
public final class AtHost implements Closeable {

    private static final byte[] BODY_END = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Link link;
    private final ProtocolRegistry registry;
    private final ByteInbox in;
    private final Duration answerTimeout;
    private final Duration bodyQuiet;

    /**
     * What came back for one command line.
     *
     * @param command the line sent
     * @param lines information lines and {@code CONNECT}, in order
     * @param body the bytes the module sent in data mode (AT+QHTTPREAD), or empty
     * @param result the final result ({@code OK}, {@code +CME ERROR: 3815}, the bare IP), or empty when none came
     * @param urcs URCs that arrived meanwhile
     * @param interrupted the module restarted before answering
     */
    public record Reply(String command, List<String> lines, byte[] body, String result, List<String> urcs,
            boolean interrupted) {

        /** True when the result means success. */
        public boolean ok() {
            return !result.isEmpty() && !result.equals("ERROR") && !result.startsWith("+CME ERROR")
                    && !result.startsWith("+CMS ERROR");
        }

        /** The information lines and the final result: what the note shows under a command. */
        public List<String> answer() {
            List<String> out = new ArrayList<>(lines);
            if (!result.isEmpty()) {
                out.add(result);
            }
            return out;
        }
    }

    /**
     * @param answerTimeout how long a command may take before the host gives up on it
     * @param bodyQuiet the quiet after {@code OK} that ends a response body (an {@code OK} line may be part of the body)
     */
    public AtHost(Link link, ProtocolRegistry registry, Duration answerTimeout, Duration bodyQuiet) {
        this.link = link;
        this.registry = registry;
        this.in = new ByteInbox(link.input(), "atscope-host-rx");
        this.answerTimeout = answerTimeout;
        this.bodyQuiet = bodyQuiet;
    }

    /** Waits for a URC (after power-on: {@code SMS Ready}); returns every line seen up to it. */
    public List<String> awaitUrc(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        String l;
        while ((l = readLine(deadline)) != null) {
            if (!l.isEmpty()) {
                seen.add(l);
                if (l.equals(text)) {
                    return seen;
                }
            }
        }
        throw new IOException("no " + text + " from " + link.describe() + " within " + timeout.toMillis() + " ms; saw "
                + seen);
    }

    /** Sends a command line and reads its answer (a body too, when the module sends one after CONNECT). */
    public Reply send(String line) throws IOException {
        return exchange(line, null, answerTimeout);
    }

    /** {@link #send(String)} with its own timeout (AT+QHTTPGET waits for the network). */
    public Reply send(String line, Duration timeout) throws IOException {
        return exchange(line, null, timeout);
    }

    /** Sends a command line, then {@code data} after CONNECT (AT+QSECWRITE, AT+QHTTPURL), and reads the rest. */
    public Reply upload(String line, byte[] data) throws IOException {
        return exchange(line, data, answerTimeout);
    }

    /** Raw bytes, as a terminal sends them, without waiting for anything. */
    public void write(byte[] bytes) throws IOException {
        link.output().write(bytes);
        link.output().flush();
    }

    private Reply exchange(String line, byte[] data, Duration timeout) throws IOException {
        List<AtCommand> commands = CommandLineParser.parse(line);
        ResponseShape shape = registry.shape(commands.get(commands.size() - 1));
        link.output().write((line + "\r").getBytes(StandardCharsets.ISO_8859_1));
        link.output().flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        List<String> urcs = new ArrayList<>();
        boolean echoSeen = false;
        String l;
        while ((l = readLine(deadline)) != null) {
            if (l.isEmpty()) {
                continue;
            }
            if (!echoSeen && l.equalsIgnoreCase(line)) {
                echoSeen = true;
                continue;
            }
            if (isFinal(l, shape)) {
                return new Reply(line, lines, new byte[0], l, urcs, false);
            }
            if (registry.connect(l, false) && shape.dataMode() != ResponseShape.DataMode.NONE) {
                lines.add(l);
                if (shape.dataMode() == ResponseShape.DataMode.BODY) {
                    return new Reply(line, lines, readBody(deadline), "OK", urcs, false);
                }
                if (data == null) {
                    throw new IOException(line + ": the module asks for data, but none was given");
                }
                link.output().write(data);
                link.output().flush();
                continue;
            }
            UrcKind kind = registry.urcKind(l);
            if (kind != null && shape.infoPrefixes().stream().noneMatch(l::startsWith)) {
                urcs.add(l);
                if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
                    return new Reply(line, lines, new byte[0], "", urcs, true);
                }
                continue;
            }
            if (shape.bareLineIsFinal()) {
                return new Reply(line, lines, new byte[0], l, urcs, false);
            }
            lines.add(l);
        }
        return new Reply(line, lines, new byte[0], "", urcs, false);
    }

    /** A result code that ends the command (V.250's, from the basic library's table; CONNECT is handled apart), an error code, or the command's own final. */
    private boolean isFinal(String l, ResponseShape shape) {
        String u = l.toUpperCase(Locale.ROOT);
        return registry.resultOutcome(u, false) != null && !registry.connect(u, false) || u.startsWith("+CME ERROR:")
                || u.startsWith("+CMS ERROR:") || shape.extraFinals().contains(u);
    }

    /** A module-sent body: everything up to a final {@code OK} line followed by quiet. */
    private byte[] readBody(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            boolean maybeEnd = endsWith(body, BODY_END);
            long wait = maybeEnd ? bodyQuiet.toNanos() : deadline - System.nanoTime();
            int b = next(Math.max(0, wait));
            if (b == ByteInbox.TIMEOUT) {
                if (maybeEnd) {
                    byte[] all = body.toByteArray();
                    return Arrays.copyOf(all, all.length - BODY_END.length);
                }
                throw new IOException("the response body did not end within the timeout");
            }
            if (b == ByteInbox.END) {
                throw new IOException(link.describe() + " closed during a response body");
            }
            body.write(b);
        }
    }

    private static boolean endsWith(ByteArrayOutputStream buf, byte[] tail) {
        if (buf.size() < tail.length) {
            return false;
        }
        byte[] b = buf.toByteArray();
        for (int i = 0; i < tail.length; i++) {
            if (b[b.length - tail.length + i] != tail[i]) {
                return false;
            }
        }
        return true;
    }

    /** One line without its CR and LF, or null at the deadline or when the link closed. */
    private String readLine(long deadline) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            int b = next(left);
            if (b == ByteInbox.TIMEOUT || b == ByteInbox.END) {
                return null;
            }
            if (b == '\n') {
                return sb.toString();
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
    }

    private int next(long timeoutNanos) throws IOException {
        try {
            return in.next(timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the module");
        }
    }

    /** Closes the link. */
    @Override
    public void close() throws IOException {
        in.close();
        link.close();
    }
}
