package dev.atscope.capture;

import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running capture: the recording and the ports (and sockets) that feed it. It runs until it is
 * closed, or until the recording fails (a full disk), which {@link #await} reports. Closing stops
 * the readers first, then closes the trace cleanly; {@link #summary()} says what was recorded.
 */
public final class CaptureSession implements Closeable {

    private final TraceRecorder recorder;
    private final List<CapturedPort> ports = new ArrayList<>();
    private final List<Closeable> others = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile IOException failure;
    private boolean closed;
    private CaptureSummary summary;

    private CaptureSession(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    /** Starts the recording that the modes then feed. */
    static CaptureSession record(Path file, TraceMetadata metadata, CaptureOptions options) throws IOException {
        for (var tag : options.tags().entrySet()) {
            metadata = metadata.withTag(tag.getKey(), tag.getValue());
        }
        return new CaptureSession(TraceRecorder.create(file, metadata, options.flushEvery(), options.forceEvery(),
                options.rotation(), options.listener()));
    }

    TraceRecorder recorder() {
        return recorder;
    }

    /** Takes a port into the session, to be closed with it. */
    CapturedPort add(CapturedPort port) {
        ports.add(port);
        return port;
    }

    /** Takes anything else that must be closed with the session (a listening socket). */
    void add(Closeable other) {
        others.add(other);
    }

    /** Called by a reader whose recording failed: the capture cannot go on. */
    void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        ended.countDown();
    }

    /**
     * Closes whatever was opened so far after a failed start and deletes the trace, which holds
     * nothing yet; returns the failure for the caller to throw.
     */
    IOException abandon(IOException e) {
        try {
            close();
            for (Path f : recorder.files()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        return e;
    }

    /**
     * Waits until the capture ends (it was closed or its recording failed), or the timeout passes.
     *
     * @return true when it ended
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Why the recording stopped by itself, or null. */
    public IOException failure() {
        return failure;
    }

    /** What has been recorded so far; final once closed. */
    public synchronized CaptureSummary summary() {
        if (summary != null) {
            return summary;
        }
        return summarise();
    }

    private CaptureSummary summarise() {
        long lineErrors = 0;
        for (CapturedPort p : ports) {
            lineErrors += p.lineErrors();
        }
        return new CaptureSummary(recorder.files(), recorder.stats(), lineErrors, dropped(true), dropped(false));
    }

    /** Bytes not forwarded towards the module (or the host) because that side was gone. */
    private long dropped(boolean towardsModule) {
        long n = 0;
        for (CapturedPort p : ports) {
            if (p.towardsModule() == towardsModule) {
                n += p.dropped();
            }
        }
        return n;
    }

    /** Stops the readers, then closes the trace cleanly; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (Closeable c : others) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a listening socket: nothing left to save
            }
        }
        // at once: closing a port that reports line errors takes jSerialComm about 300 ms
        List<Thread> closing = new ArrayList<>();
        for (CapturedPort p : ports) {
            Thread t = new Thread(p::close, "atscope-close-" + p.path());
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        summary = summarise();
        try {
            recorder.close();
        } finally {
            summary = new CaptureSummary(recorder.files(), summary.stats(), summary.lineErrors(),
                    summary.droppedToModule(), summary.droppedToHost());
            ended.countDown();
        }
    }
}
