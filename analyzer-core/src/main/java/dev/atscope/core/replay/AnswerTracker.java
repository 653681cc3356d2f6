package dev.atscope.core.replay;

import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.DecoderOptions;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The replay's own traffic decoded as it is recorded, so that the replaying host can wait for what
 * the recorded host waited for: a final result, a {@code CONNECT}, a URC. Fed by the recorder
 * (both directions, in the recorder's order and clock); waited on by the replay's sending thread.
 */
final class AnswerTracker {

    private final AtDecoder decoder;
    private final long bodyQuietMicros;
    private final Masks masks;
    private final LongSupplier clock;
    /** Transaction id to the time its final result (or its interruption) came. */
    private final Map<Long, Long> ended = new HashMap<>();
    /** Transaction id to the time its CONNECT came. */
    private final Map<Long, Long> connects = new HashMap<>();
    private final List<Arrival> urcs = new ArrayList<>();
    private long commandsSeen;
    private long lastModuleMicros;
    /** Module bytes came since the last quiet tick: a body's final result may need confirming. */
    private boolean tickDue;
    private boolean closed;

    /** A URC that came: after which command, when, masked text, and whether a wait took it. */
    private static final class Arrival {
        final long afterCommand;
        final long micros;
        final String text;
        boolean taken;

        Arrival(long afterCommand, long micros, String text) {
            this.afterCommand = afterCommand;
            this.micros = micros;
            this.text = text;
        }
    }

    AnswerTracker(ResponseModel model, Masks masks, LongSupplier clockMicros) {
        this.decoder = new AtDecoder(model);
        this.bodyQuietMicros = DecoderOptions.DEFAULTS.bodyQuietMicros();
        this.masks = masks;
        this.clock = clockMicros;
    }

    /** The recorder's clock. */
    long now() {
        return clock.getAsLong();
    }

    /** Takes one recorded entry (the recorder's listener). */
    synchronized void feed(TraceEntry e) {
        decoder.feed(e);
        if (e instanceof Chunk c && c.direction() == Direction.MODULE_TO_HOST) {
            lastModuleMicros = c.timeMicros();
            tickDue = true;
        }
        drain();
    }

    /** The module's side closed: nothing more will come. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void drain() {
        Decoded d;
        boolean changed = false;
        while ((d = decoder.next()) != null) {
            changed = true;
            if (d instanceof Transaction t) {
                if (t.result() != null || t.outcome() == Outcome.INTERRUPTED) {
                    ended.put(t.id(), t.endMicros());
                }
            } else if (d instanceof Event e) {
                switch (e.kind()) {
                    case COMMAND -> commandsSeen++;
                    case INTERMEDIATE -> connects.putIfAbsent(commandsSeen, e.endMicros());
                    case URC -> urcs.add(new Arrival(commandsSeen, e.endMicros(), masks.apply(e.text())));
                    default -> {
                        // other events gate nothing
                    }
                }
            }
        }
        if (changed) {
            notifyAll();
        }
    }

    /**
     * A module body ends at its final result once the module has been quiet for a while; the
     * decoder learns of the quiet only from the next bytes, so a waiting host tells it: an empty
     * host chunk confirms the end as the host's next bytes would.
     */
    private void tick() {
        long now = clock.getAsLong();
        if (now >= bodyQuietEndMicros()) {
            tickDue = false;
            decoder.feed(new Chunk(now, Direction.HOST_TO_MODULE, new byte[0]));
            drain();
        }
    }

    /** When the module's quiet confirms a body's final result: after module bytes not yet confirmed, else never. */
    private long bodyQuietEndMicros() {
        return tickDue ? lastModuleMicros + bodyQuietMicros + 1 : Long.MAX_VALUE;
    }

    /** Waits until transaction {@code id} has ended; its time, or -1 after the time-out or when the link closed. */
    synchronized long awaitEnd(long id, long timeoutMicros) throws InterruptedException {
        return await(() -> ended.getOrDefault(id, -1L), timeoutMicros);
    }

    /** Waits for the {@code CONNECT} of transaction {@code id}; its time, or -1. */
    synchronized long awaitConnect(long id, long timeoutMicros) throws InterruptedException {
        return await(() -> connects.getOrDefault(id, -1L), timeoutMicros);
    }

    /** Waits for a URC with this (unmasked) text that came after command {@code afterCommand}; its time, or -1. */
    synchronized long awaitUrc(String text, long afterCommand, long timeoutMicros) throws InterruptedException {
        String want = masks.apply(text);
        return await(() -> {
            for (Arrival a : urcs) {
                if (!a.taken && a.afterCommand >= afterCommand && a.text.equals(want)) {
                    a.taken = true;
                    return a.micros;
                }
            }
            return -1L;
        }, timeoutMicros);
    }

    /** Waits until the module has been quiet for {@code quietMicros}, at most {@code timeoutMicros}. */
    synchronized void awaitQuiet(long quietMicros, long timeoutMicros) throws InterruptedException {
        LongSupplier quietEnds = () -> lastModuleMicros + quietMicros;
        await(() -> clock.getAsLong() >= quietEnds.getAsLong() ? 0L : -1L, timeoutMicros, quietEnds);
    }

    private long await(LongSupplier found, long timeoutMicros) throws InterruptedException {
        return await(found, timeoutMicros, () -> Long.MAX_VALUE);
    }

    /**
     * Waits until {@code found} gives a time. What is fed wakes the waiter; so does the clock where
     * a quiet can end with nothing fed: a body's (see {@link #tick()}) and {@code quietEnds}. Between
     * those it sleeps: a waiter that polled every few milliseconds would be one more thread to
     * schedule beside the replay's sender.
     */
    private long await(LongSupplier found, long timeoutMicros, LongSupplier quietEnds) throws InterruptedException {
        long deadline = clock.getAsLong() + timeoutMicros;
        while (true) {
            tick();
            long t = found.getAsLong();
            if (t >= 0) {
                return t;
            }
            long now = clock.getAsLong();
            if (deadline - now <= 0 || closed) {
                return -1;
            }
            long wakeAt = Math.min(deadline, Math.min(bodyQuietEndMicros(), quietEnds.getAsLong()));
            // Object.wait counts whole milliseconds: round up, so that the waiter never wakes early and spins
            wait(Math.max(1, (wakeAt - now + 999) / 1000));
        }
    }
}
