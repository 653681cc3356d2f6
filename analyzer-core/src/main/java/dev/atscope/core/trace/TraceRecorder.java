package dev.atscope.core.trace;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records live traffic as a native trace: each chunk is stamped on arrival with microseconds from a
 * monotonic clock anchored once to the wall clock (so times never go backwards, whatever the wall
 * clock does), written at once, flushed to the operating system at least every {@code flushEvery}
 * and forced to the disk at least every {@code forceEvery}. After a crash the file therefore reads
 * back with at most the last flush interval missing. Thread-safe: the readers of both directions
 * may call it at once.
 */
public final class TraceRecorder implements Closeable {

    private final TraceWriter writer;
    private final FileChannel channel;
    private final long anchorNanos;
    private final Instant start;
    private final ScheduledExecutorService timer;
    private final long forceEveryNanos;
    private final Consumer<TraceEntry> listener;
    private long lastForce;
    private long lastTime;
    private boolean closed;
    private IOException failure;

    private final long[] bytes = new long[2];
    private final long[] chunks = new long[2];
    private long gaps;

    private TraceRecorder(TraceWriter writer, FileChannel channel, Instant start, long anchorNanos,
            Duration flushEvery, Duration forceEvery, Consumer<TraceEntry> listener) {
        this.writer = writer;
        this.channel = channel;
        this.start = start;
        this.anchorNanos = anchorNanos;
        this.forceEveryNanos = forceEvery.toNanos();
        this.listener = listener == null ? e -> { } : listener;
        this.lastForce = anchorNanos;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atscope-trace-flush");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, flushEvery.toMillis());
        timer.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts recording into a new file (replacing one of that name). The metadata's start is set to
     * the moment recording began.
     *
     * @param listener sees every entry as it is written (a live decoder), or null
     */
    public static TraceRecorder create(Path file, TraceMetadata metadata, Duration flushEvery, Duration forceEvery,
            Consumer<TraceEntry> listener) throws IOException {
        long anchor = System.nanoTime();
        Instant start = Instant.now();
        FileOutputStream out = new FileOutputStream(file.toFile());
        try {
            TraceWriter w = new TraceCsvWriter(out, metadata.withStart(start));
            w.flush();
            return new TraceRecorder(w, out.getChannel(), start, anchor, flushEvery, forceEvery, listener);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Records into any writer (no forcing to disk); for tests and in-memory traces. */
    public static TraceRecorder to(TraceWriter writer, Duration flushEvery, Consumer<TraceEntry> listener) {
        return new TraceRecorder(writer, null, Instant.now(), System.nanoTime(), flushEvery, Duration.ofDays(1),
                listener);
    }

    /** The wall-clock instant that time 0 stands for. */
    public Instant start() {
        return start;
    }

    /** Microseconds since the start, from the monotonic clock. */
    public long nowMicros() {
        return (System.nanoTime() - anchorNanos) / 1000;
    }

    /** Records bytes that just arrived from one direction (copied; the caller may reuse its buffer). */
    public void chunk(Direction direction, byte[] data, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(data, off, copy, 0, len);
        synchronized (this) {
            int d = direction.ordinal();
            bytes[d] += len;
            chunks[d]++;
            append(new Chunk(stamp(), direction, copy));
        }
    }

    /** Records a marker: a gap (a port vanished), a line error, a note. */
    public synchronized void marker(Direction direction, Marker.Kind kind, String text) throws IOException {
        if (kind == Marker.Kind.GAP) {
            gaps++;
        }
        append(new Marker(stamp(), direction, kind, text));
    }

    private long stamp() {
        // the clock is monotonic, but two threads may take it in one order and lock in the other
        lastTime = Math.max(lastTime, nowMicros());
        return lastTime;
    }

    private void append(TraceEntry e) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("the recording is closed");
        }
        writer.write(e);
        listener.accept(e);
    }

    /** Flushes now, and forces to disk when that is due. */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        writer.flush();
        long now = System.nanoTime();
        if (channel != null && now - lastForce >= forceEveryNanos) {
            channel.force(false);
            lastForce = now;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            synchronized (this) {
                failure = e; // reported to the next writer, who can stop the capture with it
            }
        }
    }

    /** Bytes, chunks and gaps recorded so far. */
    public synchronized Stats stats() {
        return new Stats(bytes[0], chunks[0], bytes[1], chunks[1], gaps, nowMicros());
    }

    /** Flushes, forces and closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            writer.flush();
            if (channel != null) {
                channel.force(false);
            }
            closed = true;
            writer.close();
        }
    }

    /**
     * What a recording holds.
     *
     * @param hostBytes bytes from the host
     * @param hostChunks chunks from the host
     * @param moduleBytes bytes from the module
     * @param moduleChunks chunks from the module
     * @param gaps gap markers
     * @param durationMicros time since the start
     */
    public record Stats(long hostBytes, long hostChunks, long moduleBytes, long moduleChunks, long gaps,
            long durationMicros) {}
}
