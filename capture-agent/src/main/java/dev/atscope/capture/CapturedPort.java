package dev.atscope.capture;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceRecorder;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One serial port of a capture with the thread that reads it. What it reads is recorded as one
 * direction. When the port vanishes, a gap marker is recorded and the port is tried again every
 * {@code reopenEvery} until it comes back, which is recorded as a note; line errors the driver
 * reports become line-error markers.
 */
final class CapturedPort implements Closeable {

    /** What to do with bytes just read, before the reader reads again. */
    interface Sink {
        /**
         * Handles {@code len} bytes of {@code buf} that arrived at {@code arrivalMicros}.
         *
         * @throws IOException when the recording failed: the capture cannot go on
         */
        void accept(byte[] buf, int len, long arrivalMicros) throws IOException;
    }

    private final String role;
    private final PortSpec spec;
    private final Direction direction;
    private final TraceRecorder recorder;
    private final long reopenMillis;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lineErrors = new AtomicLong();
    private volatile SerialLink link;
    private volatile boolean closed;
    private Thread reader;

    private CapturedPort(String role, PortSpec spec, Direction direction, TraceRecorder recorder, long reopenMillis,
            SerialLink link) {
        this.role = role;
        this.spec = spec;
        this.direction = direction;
        this.recorder = recorder;
        this.reopenMillis = reopenMillis;
        this.link = link;
    }

    /**
     * Opens the port now, so that a wrong path fails before anything is recorded.
     *
     * @param role how messages and markers name it: "host port", "module port", "TX tap"
     */
    static CapturedPort open(String role, PortSpec spec, Direction direction, TraceRecorder recorder,
            CaptureOptions options) throws IOException {
        SerialLink link;
        try {
            link = SerialLink.open(spec);
        } catch (IOException e) {
            throw new IOException(role + ": " + e.getMessage(), e);
        }
        CapturedPort p = new CapturedPort(role, spec, direction, recorder, options.reopenEvery().toMillis(), link);
        p.watchLineErrors(link);
        return p;
    }

    /** Starts the reader thread; a recording failure is handed to {@code onFailure} and ends it. */
    void start(Sink sink, Consumer<IOException> onFailure) {
        reader = new Thread(() -> read(sink, onFailure), "atscope-read-" + role.replace(' ', '-'));
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Sends bytes out of this port (the proxy forwarding what the other side sent). Bytes that
     * cannot be sent because the port is gone are counted as dropped, never an error: the other
     * side's recording goes on.
     */
    void write(byte[] buf, int off, int len) {
        SerialLink l = link;
        if (l == null) {
            dropped.addAndGet(len);
            return;
        }
        try {
            l.output().write(buf, off, len);
        } catch (IOException e) {
            dropped.addAndGet(len); // the reader of this port notices the loss and records the gap
        }
    }

    /** Bytes that could not be sent out of this port because it was gone. */
    long dropped() {
        return dropped.get();
    }

    /** Line errors recorded for this port. */
    long lineErrors() {
        return lineErrors.get();
    }

    /** True when what is written to this port goes towards the module (it reads the module's bytes). */
    boolean towardsModule() {
        return direction == Direction.MODULE_TO_HOST;
    }

    /** The path it was opened by. */
    String path() {
        return spec.path();
    }

    private void read(Sink sink, Consumer<IOException> onFailure) {
        byte[] buf = new byte[8192];
        try {
            while (!closed) {
                SerialLink l = link;
                if (l == null) {
                    return; // the wait for a vanished port was interrupted
                }
                int n;
                try {
                    n = l.input().read(buf, 0, buf.length);
                } catch (PortLostException e) {
                    if (closed) {
                        return;
                    }
                    reopen(l);
                    continue;
                }
                if (n < 0) {
                    return; // closed by us
                }
                sink.accept(buf, n, recorder.nowMicros());
            }
        } catch (IOException e) {
            if (!closed) {
                onFailure.accept(e);
            }
        }
    }

    /** Records the gap, waits for the port to come back, records its return. */
    private void reopen(SerialLink lost) throws IOException {
        link = null;
        lost.close();
        recorder.marker(direction, Marker.Kind.GAP, role + " " + spec.path() + " vanished; trying to reopen it every "
                + reopenMillis + " ms");
        long lostAt = System.nanoTime();
        while (!closed) {
            try {
                if (closing.await(reopenMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            SerialLink back;
            try {
                back = SerialLink.open(spec);
            } catch (IOException stillGone) {
                continue;
            }
            if (closed) {
                back.close();
                return;
            }
            watchLineErrors(back);
            link = back;
            if (closed) {
                back.close(); // close() ran between the check above and now, and saw no link
                return;
            }
            recorder.marker(direction, Marker.Kind.NOTE, String.format("%s %s is back after %.1f s", role,
                    spec.path(), (System.nanoTime() - lostAt) / 1e9));
            return;
        }
    }

    private void watchLineErrors(SerialLink l) {
        l.onLineError(text -> {
            lineErrors.incrementAndGet();
            try {
                recorder.marker(direction, Marker.Kind.LINE_ERROR, role + " " + spec.path() + ": " + text);
            } catch (IOException e) {
                // the reader thread meets the same failure on its next chunk and ends the capture
            }
        });
    }

    /** Stops reading and closes the port; waits briefly for the reader thread to end. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        SerialLink l = link;
        if (l != null) {
            l.close();
        }
        if (reader != null && reader != Thread.currentThread()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
