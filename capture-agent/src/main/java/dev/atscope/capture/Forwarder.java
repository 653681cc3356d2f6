package dev.atscope.capture;

import java.io.Closeable;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * Carries one direction of the proxy from the thread that reads (and records) to the thread that
 * writes, so that a side that is slow to take bytes never stops the other side from being read.
 * Without it a reader blocked on a full output stops draining its own input, and with relays that
 * block on writes (socat between pseudo-terminals, an adapter without flow control) both
 * directions can wait on each other for ever, or the input overruns and bytes go unrecorded.
 */
final class Forwarder implements Closeable {

    /** Bytes waiting beyond which the reader waits too: a side that takes nothing for this long is stuck. */
    static final long MAX_QUEUED = 16L << 20;
    /** The most bytes handed to one write, gathered from the chunks waiting. */
    private static final int MAX_WRITE = 1 << 16;

    /** Where the bytes go; failures are its own business (a vanished port counts them as dropped). */
    interface Target {
        /** Writes every byte, blocking as long as it takes. */
        void write(byte[] buf, int off, int len);
    }

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final Target to;
    private final Thread thread;
    private long queued;
    private boolean closed;

    Forwarder(Target to, String name) {
        this.to = to;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a copy of {@code len} bytes for the other side; waits only when {@link #MAX_QUEUED} are waiting. */
    synchronized void send(byte[] buf, int len) throws InterruptedIOException {
        while (queued + len > MAX_QUEUED && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the forwarding queue was full");
            }
        }
        if (closed) {
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, 0, copy, 0, len);
        queue.addLast(copy);
        queued += len;
        notifyAll();
    }

    private void run() {
        while (true) {
            byte[] out;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                out = take();
                queued -= out.length;
                notifyAll();
            }
            to.write(out, 0, out.length);
        }
    }

    /** The next chunk, or several waiting chunks joined into one write. */
    private byte[] take() {
        byte[] first = queue.pollFirst();
        if (queue.isEmpty() || first.length >= MAX_WRITE) {
            return first;
        }
        int total = first.length;
        for (byte[] b : queue) {
            if (total + b.length > MAX_WRITE) {
                break;
            }
            total += b.length;
        }
        byte[] joined = new byte[total];
        System.arraycopy(first, 0, joined, 0, first.length);
        int at = first.length;
        while (at < total) {
            byte[] b = queue.pollFirst();
            System.arraycopy(b, 0, joined, at, b.length);
            at += b.length;
        }
        return joined;
    }

    /** Drops what is still waiting and ends the thread (a write in progress finishes or fails on its own). */
    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
        notifyAll();
    }
}
