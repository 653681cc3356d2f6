package dev.atscope.core.replay;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.link.Link;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Host-side replay: sends what a recorded host sent (command lines and uploads) to a module over a
 * {@link Link}, waiting where the recorded host waited (final results, {@code CONNECT}, awaited
 * URCs) and for as long as the {@link SendTiming} says; records the module's answers as a new trace and
 * compares them with the recording.
 */
public final class HostReplay {

    /** Quiet time after the last answer during which late URCs still count. */
    private static final long SETTLE_MICROS = 150_000;

    private final Recording recording;
    private final ResponseModel model;
    private final ReplayOptions options;
    private final EditedCommands edited;

    /** Opens the recorder of the replay's traffic, given the listener it must call with each entry. */
    @FunctionalInterface
    public interface RecorderOpener {
        /** Opens a recorder that calls {@code listener} with every entry it writes. */
        TraceRecorder open(Consumer<TraceEntry> listener) throws IOException;
    }

    /**
     * A replay of this recording with these options.
     *
     * @throws IllegalArgumentException when an edit of the options changes no command line, or cannot be made
     */
    public HostReplay(Recording recording, ResponseModel model, ReplayOptions options) {
        this.recording = recording;
        this.model = model;
        this.options = options;
        this.edited = EditedCommands.of(recording, options.edits());
    }

    /**
     * Runs the replay over the link (closed at the end) and records the traffic.
     *
     * @param link the module, or anything that answers as one
     * @param opener opens the recorder of the new trace (closed at the end)
     */
    public ReplayResult run(Link link, RecorderOpener opener) throws IOException, InterruptedException {
        List<TraceEntry> entries = Collections.synchronizedList(new ArrayList<>());
        AnswerTracker[] live = new AnswerTracker[1];
        TraceRecorder recorder = opener.open(e -> {
            entries.add(e);
            if (live[0] != null) {
                live[0].feed(e);
            }
        });
        List<String> waits = new ArrayList<>();
        long[] sends;
        try {
            live[0] = new AnswerTracker(model, options.masks(), recorder::nowMicros);
            WriteGate writing = new WriteGate();
            Thread reader = startReader(link, recorder, live[0], writing);
            try {
                sends = send(link.output(), recorder, live[0], waits, writing);
            } finally {
                link.close();
                reader.join();
            }
        } finally {
            recorder.close();
        }
        List<TraceEntry> recorded = List.copyOf(entries);
        List<Transaction> transactions = new ArrayList<>();
        List<Event> urcs = new ArrayList<>();
        for (Decoded d : TraceDecoding.decode(recorded, model)) {
            if (d instanceof Transaction t) {
                transactions.add(t);
            } else if (d instanceof Event e && e.kind() == EventKind.URC && e.direction() == Direction.MODULE_TO_HOST) {
                urcs.add(e);
            }
        }
        transactions.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<TransactionDiff> diffs = new ResponseDiffer(options.masks())
                .diff(recording.transactions(), recording.urcs(), transactions, urcs, edited.sent());
        if (options.skipBoot()) {
            diffs = diffs.stream().filter(d -> d.index() > 0).toList();
        }
        return new ReplayResult(recorded, transactions, urcs, diffs, waits, sends);
    }

    private static Thread startReader(Link link, TraceRecorder recorder, AnswerTracker live, WriteGate writing) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                InputStream in = link.input();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        long at = recorder.nowMicros();
                        writing.awaitClear(); // a command on its way to the recorder goes first
                        recorder.chunk(Direction.MODULE_TO_HOST, buf, 0, n, at);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the link was closed at the end of the replay, or by the module: either way the end
            } finally {
                live.close();
            }
        }, "atscope-replay-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private long[] send(OutputStream out, TraceRecorder recorder, AnswerTracker live, List<String> waits,
            WriteGate writing)
            throws IOException, InterruptedException {
        List<Recording.HostPiece> pieces = recording.hostPieces();
        long[] sends = new long[pieces.size()];
        SendTiming timing = options.timing();
        double f = timing.factor();
        long anchor = recorder.nowMicros(); // the recording's time 0
        long prevSend = anchor;
        long prevRecorded = 0;
        for (int p = 0; p < pieces.size(); p++) {
            Recording.HostPiece piece = pieces.get(p);
            byte[] bytes = edited.bytes(p, piece);
            if (bytes.length == 0) {
                sends[p] = prevSend; // the rest of an edited line, which went out with its start
                continue;
            }
            Recording.Gate gate = piece.gate();
            long sendAt;
            if (gate == null || gate.isOpen()) {
                long gap = Math.max(0, piece.recordedMicros() - prevRecorded);
                sendAt = switch (timing.mode()) {
                    case FAST -> p == 0 ? anchor : prevSend;
                    case LOCKSTEP -> p == 0 ? anchor + gap : prevSend + gap;
                    case ORIGINAL, SCALED -> anchor + (long) (f * piece.recordedMicros());
                };
            } else {
                long arrived = awaitGate(gate, live, waits);
                long think = Math.max(0, piece.recordedMicros() - gate.recordedMicros());
                sendAt = switch (timing.mode()) {
                    case FAST -> arrived;
                    case LOCKSTEP -> arrived + think;
                    case ORIGINAL, SCALED -> {
                        // where the module was slower than recorded, the rest of the schedule moves by as much
                        long late = arrived - (anchor + (long) (f * gate.recordedMicros()));
                        if (late > 0) {
                            anchor += late;
                        }
                        yield anchor + (long) (f * piece.recordedMicros());
                    }
                };
            }
            sleepUntil(recorder, sendAt);
            writing.enter(); // written, then recorded: see WriteGate
            try {
                sends[p] = recorder.nowMicros();
                out.write(bytes);
                out.flush();
                recorder.chunk(Direction.HOST_TO_MODULE, bytes, 0, bytes.length, sends[p]);
            } finally {
                writing.leave();
            }
            prevSend = Math.max(sendAt, sends[p]);
            prevRecorded = piece.recordedMicros();
        }
        finish(live, waits);
        return sends;
    }

    /** Waits for the last answer and the URCs the recording has after it, then for a short quiet. */
    private void finish(AnswerTracker live, List<String> waits) throws InterruptedException {
        List<Transaction> ts = recording.transactions();
        if (!ts.isEmpty()) {
            Transaction last = ts.get(ts.size() - 1);
            if (last.result() != null) {
                awaitGate(new Recording.Gate(last.id(), -1, List.of(), last.endMicros()), live, waits);
            }
            for (Event u : recording.urcs()) {
                if (u.startMicros() >= last.endMicros()) {
                    awaitUrc(u, last.id(), live, waits, live.now() + options.urcTimeoutMillis() * 1000);
                }
            }
        }
        live.awaitQuiet(SETTLE_MICROS, 2 * SETTLE_MICROS);
    }

    /** Waits for everything the gate names; the time the last of it came (now for what never came). */
    private long awaitGate(Recording.Gate gate, AnswerTracker live, List<String> waits) throws InterruptedException {
        long arrived = -1;
        if (gate.resultOf() >= 0) {
            Transaction t = byId(gate.resultOf());
            long timeout = Math.max(options.responseTimeoutMillis() * 1000, 2 * t.durationMicros());
            long at = live.awaitEnd(t.id(), timeout);
            if (at < 0) {
                waits.add("transaction " + t.id() + " " + t.command().text() + ": no final result within "
                        + timeout / 1000 + " ms");
            }
            arrived = Math.max(arrived, at);
        }
        if (gate.connectOf() >= 0) {
            Transaction t = byId(gate.connectOf());
            long timeout = Math.max(options.responseTimeoutMillis() * 1000, 2 * t.durationMicros());
            long at = live.awaitConnect(t.id(), timeout);
            if (at < 0) {
                waits.add("transaction " + t.id() + " " + t.command().text() + ": no CONNECT within "
                        + timeout / 1000 + " ms; the upload is sent anyway");
            }
            arrived = Math.max(arrived, at);
        }
        long afterCommand = gate.resultOf() >= 0 ? gate.resultOf() : 0;
        // one time-out for all the URCs of a gate: a module that never boots costs it once, not per URC
        long urcDeadline = live.now() + options.urcTimeoutMillis() * 1000;
        for (Event u : gate.urcs()) {
            if (options.skipBoot() && u.startMicros() < firstCommandMicros()) {
                continue;
            }
            arrived = Math.max(arrived, awaitUrc(u, afterCommand, live, waits, urcDeadline));
        }
        return arrived < 0 ? live.now() : arrived;
    }

    private long awaitUrc(Event u, long afterCommand, AnswerTracker live, List<String> waits, long deadline)
            throws InterruptedException {
        long at = live.awaitUrc(u.text(), afterCommand, Math.max(0, deadline - live.now()));
        if (at < 0) {
            waits.add("URC " + u.text() + " (recorded at " + u.startMicros() / 1000 + " ms): did not come within "
                    + options.urcTimeoutMillis() + " ms");
        }
        return at;
    }

    private long firstCommandMicros() {
        return recording.transactions().isEmpty() ? Long.MAX_VALUE : recording.transactions().get(0).startMicros();
    }

    private Transaction byId(long id) {
        for (Transaction t : recording.transactions()) {
            if (t.id() == id) {
                return t;
            }
        }
        throw new IllegalStateException("no transaction " + id);
    }

    /**
     * Host pieces between the wire and the recorder. A piece is written first and recorded right
     * after, so that no lock stands between its schedule and the wire; what the reader reads
     * meanwhile waits for it, so that no answer is recorded ahead of its command.
     */
    private static final class WriteGate {
        private int writing;

        synchronized void enter() {
            writing++;
        }

        synchronized void leave() {
            if (--writing == 0) {
                notifyAll();
            }
        }

        synchronized void awaitClear() throws InterruptedException {
            while (writing > 0) {
                wait();
            }
        }
    }

    /** Sleeps until the recorder's clock reads {@code micros}. */
    private static void sleepUntil(TraceRecorder clock, long micros) throws InterruptedException {
        Pacing.sleepUntilNanos(System.nanoTime() + (micros - clock.nowMicros()) * 1000);
    }
}
