package dev.atscope.core.replay;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.link.Link;
import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The module side of a recording, served to a live host over a {@link Link}: each command line the
 * host sends is matched to the recording in order and answered with the recorded bytes at the
 * recorded latencies (scaled), uploads included — so that host firmware meets on the bench the
 * module it met in the field.
 *
 * <p>A repeat of the previous command (a retry) is answered as recorded again; recorded retries
 * that the host does not make are skipped. On a command the recording does not have, a strict mock
 * stops; a lenient one answers with the fallback (the emulator's answer where the command line wires
 * one, {@link #ERROR_FALLBACK} otherwise) and goes on. Either way the divergence is reported.
 */
public final class ModuleMock {

    /** The answer of a mock without an emulator behind it. */
    public static final Function<AtCommand, byte[]> ERROR_FALLBACK =
            c -> "\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final int MAX_LINE = 4096;

    /** The shortest idle wait of the sender, so that a linger time of 0 does not make it spin. */
    private static final long MIN_IDLE_NANOS = 1_000_000;

    private final Recording recording;
    private final MockOptions options;
    private final Function<AtCommand, byte[]> fallback;

    /**
     * A mock of this recording.
     *
     * @param fallback the answer (framing included, echo not) to a command the recording does not
     *     have, for a lenient mock
     */
    public ModuleMock(Recording recording, MockOptions options, Function<AtCommand, byte[]> fallback) {
        this.recording = recording;
        this.options = options;
        this.fallback = fallback;
    }

    /** Serves one host until it closes the link, a strict mock stops, or the host is quiet after the recording's end. */
    public MockReport serve(Link link) throws IOException, InterruptedException {
        Session s = new Session(link);
        return s.run();
    }

    /** One host's session. */
    private final class Session {
        private final Link link;
        private final List<Transaction> txs = recording.transactions();
        private final LinkedBlockingQueue<Send> queue = new LinkedBlockingQueue<>();
        private final List<Divergence> divergences = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final List<Recording.ModulePiece> held = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private volatile int cursor;
        private int lastServed = -1;
        private int answered;
        private int hostCommands;
        private volatile int uploadLeft;
        private boolean echo;
        private volatile boolean stopped;
        private volatile long lastHostNanos = System.nanoTime();
        private volatile boolean ended;

        /** Bytes to send at a time. */
        private record Send(long dueNanos, byte[] bytes) {}

        /** Queued behind the answers already due when a strict mock stops: the sender sends them, then ends. */
        private static final Send STOP = new Send(0, new byte[0]);

        Session(Link link) {
            this.link = link;
            this.echo = !txs.isEmpty() && txs.get(0).echo() != null;
        }

        MockReport run() throws IOException, InterruptedException {
            for (Recording.ModulePiece p : recording.preamble()) {
                queue.add(new Send(startNanos + scaled(p.delayMicros()), p.bytes()));
            }
            Thread sender = new Thread(this::sendLoop, "atscope-mock-sender");
            sender.setDaemon(true);
            sender.start();
            try {
                read(link.input());
                if (stopped) {
                    queue.add(STOP);
                    sender.join(); // the answers already due go out before the link closes
                }
            } finally {
                ended = true;
                sender.interrupt();
                sender.join();
                link.close();
            }
            if (!stopped && cursor < txs.size()) {
                Transaction t = txs.get(cursor);
                divergences.add(new Divergence(Divergence.Kind.NOT_REACHED, hostCommands + 1, "", t.id(),
                        t.command().text(), t.command().line()));
            }
            return new MockReport(txs.size(), answered, hostCommands, divergences, stopped);
        }

        private long scaled(long micros) {
            return (long) (micros * options.latencyScale() * 1000);
        }

        private void read(InputStream in) {
            byte[] buf = new byte[4096];
            try {
                int n;
                while (!stopped && (n = in.read(buf)) >= 0) {
                    if (n == 0) {
                        continue; // a serial port's read time-out: nothing came
                    }
                    lastHostNanos = System.nanoTime();
                    for (int i = 0; i < n && !stopped; i++) {
                        take(buf[i]);
                    }
                }
            } catch (IOException e) {
                // the host side went away (a closed socket, an unplugged adapter): the session is over
            }
        }

        private void take(byte b) {
            if (uploadLeft > 0) {
                if (--uploadLeft == 0) {
                    long now = System.nanoTime();
                    for (Recording.ModulePiece p : held) {
                        queue.add(new Send(now + scaled(p.delayMicros()), p.bytes()));
                    }
                    held.clear();
                }
                return;
            }
            if (b == '\r' || b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                line.reset();
                if (!text.isEmpty()) {
                    command(text);
                }
                return;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }

        private void command(String text) {
            hostCommands++;
            if (cursor < txs.size() && text.equals(txs.get(cursor).command().text())) {
                serve(cursor++);
                return;
            }
            if (lastServed >= 0 && text.equals(txs.get(lastServed).command().text())) {
                Transaction t = cursor < txs.size() ? txs.get(cursor) : null;
                divergences.add(new Divergence(Divergence.Kind.RETRY, hostCommands, text, t == null ? -1 : t.id(),
                        t == null ? "" : t.command().text(), t == null ? -1 : t.command().line()));
                serve(lastServed);
                return;
            }
            int k = cursor;
            while (k > 0 && k < txs.size() && txs.get(k).command().text().equals(txs.get(k - 1).command().text())) {
                k++;
            }
            if (k > cursor && k < txs.size() && text.equals(txs.get(k).command().text())) {
                for (int skipped = cursor; skipped < k; skipped++) {
                    Transaction t = txs.get(skipped);
                    divergences.add(new Divergence(Divergence.Kind.SKIPPED_RETRY, hostCommands, text, t.id(),
                            t.command().text(), t.command().line()));
                }
                cursor = k + 1;
                serve(k);
                return;
            }
            Transaction t = cursor < txs.size() ? txs.get(cursor) : null;
            divergences.add(new Divergence(Divergence.Kind.UNEXPECTED, hostCommands, text, t == null ? -1 : t.id(),
                    t == null ? "" : t.command().text(), t == null ? -1 : t.command().line()));
            if (options.strict()) {
                stopped = true;
                return;
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (echo) {
                answer.writeBytes((text + "\r").getBytes(StandardCharsets.ISO_8859_1));
            }
            List<AtCommand> parsed = CommandLineParser.parse(text);
            AtCommand first = parsed.isEmpty() ? new AtCommand("AT", CommandForm.EXECUTE, "", "")
                    : parsed.get(0);
            answer.writeBytes(fallback.apply(first));
            queue.add(new Send(System.nanoTime(), answer.toByteArray()));
        }

        private void serve(int index) {
            Transaction t = txs.get(index);
            if (index != lastServed) {
                answered++;
            }
            lastServed = index;
            echo = t.echo() != null;
            long now = System.nanoTime();
            held.clear();
            for (Recording.ModulePiece p : recording.windows().get(index)) {
                if (p.afterUpload()) {
                    held.add(p);
                } else {
                    queue.add(new Send(now + scaled(p.delayMicros()), p.bytes()));
                }
            }
            for (Event r : t.responses()) {
                if (r.kind() == EventKind.PAYLOAD && r.direction() == Direction.HOST_TO_MODULE) {
                    uploadLeft = r.bytes().length;
                }
            }
        }

        /**
         * Sends each answer at its time. Between answers it sleeps until the next one is queued or
         * the host's quiet could have outlasted the linger time, never on a short poll: a timer that
         * woke every few milliseconds would be one more thread to schedule beside a replay's sender.
         */
        private void sendLoop() {
            OutputStream out = link.output();
            try {
                while (true) {
                    Send s = queue.poll(Math.max(MIN_IDLE_NANOS, lingerEndNanos() - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                    if (s == null || s == STOP) {
                        if (stopped || lingeredOut()) {
                            ended = true;
                            link.close(); // wakes the reader: the session is over
                            return;
                        }
                        continue;
                    }
                    Pacing.sleepUntilNanos(s.dueNanos());
                    out.write(s.bytes());
                    out.flush();
                }
            } catch (InterruptedException e) {
                // the session ended
            } catch (IOException e) {
                if (!ended) {
                    try {
                        link.close();
                    } catch (IOException ignored) {
                        // already going down
                    }
                }
            }
        }

        private boolean lingeredOut() {
            return cursor >= txs.size() && uploadLeft == 0 && System.nanoTime() - lingerEndNanos() > 0;
        }

        /** When the host's current quiet outlasts the linger time. */
        private long lingerEndNanos() {
            return lastHostNanos + options.lingerMillis() * 1_000_000;
        }
    }
}
