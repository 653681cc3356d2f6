package dev.atscope.core.trace;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>With a {@link Rotation}, the recording continues in a new file once the current one reaches a
 * size or an age: {@code trace.csv} becomes {@code trace-0001.csv}, {@code trace-0002.csv}, ... Each
 * part is a complete trace whose start is the instant its first row stands for; the listener keeps
 * seeing one continuous timeline measured from the first part's start.
 */
public final class TraceRecorder implements Closeable {

    private TraceWriter writer;
    private FileChannel channel;
    /** Characters written to the current file (the format is ASCII, so also its bytes). */
    private CountingWriter counter;
    /** Where a file-backed recording writes; null for {@link #to}. */
    private final Path file;
    private final TraceMetadata metadata;
    private final Rotation rotation;
    private final List<Path> files = new ArrayList<>();
    /** Time of the current part's first row on the continuous timeline. */
    private long partOffsetMicros;
    private final long anchorNanos;
    private final Instant start;
    private final ScheduledExecutorService timer;
    private final long forceEveryNanos;
    private final long flushEveryMillis;
    private final Consumer<TraceEntry> listener;
    private long lastForce;
    private long partOpenedNanos;
    private long lastTime;
    private boolean closed;
    private IOException failure;

    private final long[] bytes = new long[2];
    private final long[] chunks = new long[2];
    private long gaps;

    private TraceRecorder(Path file, TraceMetadata metadata, Rotation rotation, Instant start, long anchorNanos,
            Duration flushEvery, Duration forceEvery, Consumer<TraceEntry> listener) {
        this.file = file;
        this.metadata = metadata;
        this.rotation = rotation;
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
        this.flushEveryMillis = Math.max(1, flushEvery.toMillis());
    }

    /** Starts the background flush once there is a writer to flush. */
    private TraceRecorder startFlushing() {
        timer.scheduleWithFixedDelay(this::flushQuietly, flushEveryMillis, flushEveryMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Starts recording into a new file (replacing one of that name). The metadata's start is set to
     * the moment recording began.
     *
     * @param listener sees every entry as it is written (a live decoder), or null
     */
    public static TraceRecorder create(Path file, TraceMetadata metadata, Duration flushEvery, Duration forceEvery,
            Consumer<TraceEntry> listener) throws IOException {
        return create(file, metadata, flushEvery, forceEvery, Rotation.NONE, listener);
    }

    /**
     * Starts recording into a new file, or into numbered parts of it when {@code rotation} is not
     * {@link Rotation#NONE} (see {@link #partPath(Path, int)}).
     *
     * @param listener sees every entry as it is written (a live decoder), or null; its times are
     *     measured from the first part's start
     */
    public static TraceRecorder create(Path file, TraceMetadata metadata, Duration flushEvery, Duration forceEvery,
            Rotation rotation, Consumer<TraceEntry> listener) throws IOException {
        long anchor = System.nanoTime();
        Instant start = Instant.now();
        TraceRecorder r = new TraceRecorder(file, metadata, rotation, start, anchor, flushEvery, forceEvery,
                listener);
        try {
            r.openPart(0);
        } catch (IOException | RuntimeException e) {
            r.timer.shutdownNow();
            throw e;
        }
        return r.startFlushing();
    }

    /** Records into any writer (no forcing to disk); for tests and in-memory traces. */
    public static TraceRecorder to(TraceWriter writer, Duration flushEvery, Consumer<TraceEntry> listener) {
        TraceRecorder r = new TraceRecorder(null, null, Rotation.NONE, Instant.now(), System.nanoTime(), flushEvery,
                Duration.ofDays(1), listener);
        r.writer = writer;
        return r.startFlushing();
    }

    /** The path of part {@code n} (from 1) of a rotated recording: {@code trace.csv} gives {@code trace-0001.csv}. */
    public static Path partPath(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(String.format("%s-%04d%s", base, n, ext));
    }

    /** The files written so far, in order; one unless the recording rotates. */
    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /** Opens the next part, whose time 0 is {@code offsetMicros} on the continuous timeline. */
    private void openPart(long offsetMicros) throws IOException {
        Path path = rotation == Rotation.NONE ? file : partPath(file, files.size() + 1);
        FileOutputStream out = new FileOutputStream(path.toFile());
        try {
            counter = new CountingWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII),
                    1 << 16));
            TraceWriter w = new TraceCsvWriter(counter, metadata.withStart(start.plusNanos(offsetMicros * 1000)));
            w.flush();
            writer = w;
            channel = out.getChannel();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        partOffsetMicros = offsetMicros;
        partOpenedNanos = System.nanoTime();
        files.add(path);
    }

    /** Ends the current part on disk and starts the next one, when the rotation says so. */
    private void rotateIfDue(long nowMicros) throws IOException {
        if (rotation == Rotation.NONE || file == null) {
            return;
        }
        boolean full = rotation.maxBytes() > 0 && counter.count >= rotation.maxBytes();
        boolean old = rotation.maxAge() != null
                && System.nanoTime() - partOpenedNanos >= rotation.maxAge().toNanos();
        if (!full && !old) {
            return;
        }
        Path previous = files.get(files.size() - 1);
        writer.flush();
        channel.force(false);
        writer.close();
        openPart(nowMicros);
        writer.write(new Marker(0, null, Marker.Kind.NOTE, "continues " + previous.getFileName()));
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
        chunk(direction, data, off, len, -1);
    }

    /**
     * Records bytes that arrived at {@code arrivalMicros} (taken from {@link #nowMicros()} when the
     * read returned, before the caller forwarded them). A time earlier than a row already written
     * is recorded as that row's time, so rows never go back.
     */
    public void chunk(Direction direction, byte[] data, int off, int len, long arrivalMicros) throws IOException {
        if (len <= 0) {
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(data, off, copy, 0, len);
        synchronized (this) {
            int d = direction.ordinal();
            bytes[d] += len;
            chunks[d]++;
            append(new Chunk(arrivalMicros < 0 ? stamp() : stamp(arrivalMicros), direction, copy));
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
        return stamp(nowMicros());
    }

    private long stamp(long micros) {
        // the clock is monotonic, but two threads may take it in one order and lock in the other
        lastTime = Math.max(lastTime, micros);
        return lastTime;
    }

    private void append(TraceEntry e) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("the recording is closed");
        }
        rotateIfDue(e.timeMicros());
        writer.write(partOffsetMicros == 0 ? e : shifted(e, partOffsetMicros));
        listener.accept(e);
    }

    private static TraceEntry shifted(TraceEntry e, long offset) {
        if (e instanceof Chunk c) {
            return new Chunk(c.timeMicros() - offset, c.direction(), c.data());
        }
        Marker m = (Marker) e;
        return new Marker(m.timeMicros() - offset, m.direction(), m.kind(), m.text());
    }

    /**
     * Flushes now, and forces to disk when that is due. The force runs outside the lock: it can take
     * milliseconds, and the threads that record (a proxy forwarding bytes, a replay keeping its
     * schedule) must not wait for the disk.
     */
    public void flush() throws IOException {
        FileChannel toForce = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            writer.flush();
            long now = System.nanoTime();
            if (channel != null && now - lastForce >= forceEveryNanos) {
                toForce = channel;
                lastForce = now;
            }
        }
        if (toForce != null) {
            try {
                toForce.force(false);
            } catch (java.nio.channels.ClosedChannelException e) {
                // a rotation or the close forced and closed that part meanwhile
            }
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
        // shutdown, not shutdownNow: interrupting a flush inside FileChannel.force would close the
        // channel (it is interruptible) and lose the end of the recording
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
     * When a recording continues in a new file.
     *
     * @param maxBytes start a new part once the current one holds this many bytes, 0 for no limit
     * @param maxAge start a new part at the first row after the current one is this old, or null
     */
    public record Rotation(long maxBytes, Duration maxAge) {

        /** One file, however large and old. */
        public static final Rotation NONE = new Rotation(0, null);

        public Rotation {
            if (maxBytes < 0 || (maxAge != null && (maxAge.isNegative() || maxAge.isZero()))) {
                throw new IllegalArgumentException("rotation size and age must be positive");
            }
        }
    }

    /** Counts what passes, to rotate by size without asking the file system. */
    private static final class CountingWriter extends FilterWriter {
        long count;

        CountingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
            count++;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.write(cbuf, off, len);
            count += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.write(str, off, len);
            count += len;
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
