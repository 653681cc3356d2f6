package dev.atscope.core.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * An in-memory link: {@link #pair(String, String)} makes two connected ends, what one writes the
 * other reads. For tests and for running the emulator inside the same process as its host.
 *
 * <p>Unlike {@link java.io.PipedInputStream}, it does not care which threads read and write, so a
 * writer thread that ends does not break the reader.
 */
public final class PipeLink implements Link {

    /** Bytes a direction may buffer before a writer waits for the reader. */
    static final int CAPACITY = 1 << 16;

    private final Buffer in;
    private final Buffer out;
    private final String name;

    private PipeLink(Buffer in, Buffer out, String name) {
        this.in = in;
        this.out = out;
        this.name = name;
    }

    /** Two connected ends, named for messages. */
    public static PipeLink[] pair(String nameA, String nameB) {
        Buffer aToB = new Buffer();
        Buffer bToA = new Buffer();
        return new PipeLink[] {new PipeLink(bToA, aToB, "pipe:" + nameA), new PipeLink(aToB, bToA, "pipe:" + nameB)};
    }

    @Override
    public InputStream input() {
        return in.input;
    }

    @Override
    public OutputStream output() {
        return out.output;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }

    /** One direction: a bounded ring buffer with blocking reads and writes. */
    private static final class Buffer {
        private final byte[] ring = new byte[CAPACITY];
        private int head;
        private int size;
        private boolean closed;

        final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public int available() {
                synchronized (Buffer.this) {
                    return size;
                }
            }

            @Override
            public void close() {
                Buffer.this.close();
            }
        };

        final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                put(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }

            @Override
            public void close() {
                Buffer.this.close();
            }
        };

        synchronized int take(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (size == 0 && !closed) {
                waitInterruptibly();
            }
            if (size == 0) {
                return -1;
            }
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                b[off + i] = ring[(head + i) % CAPACITY];
            }
            head = (head + n) % CAPACITY;
            size -= n;
            notifyAll();
            return n;
        }

        synchronized void put(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                while (size == CAPACITY && !closed) {
                    waitInterruptibly();
                }
                if (closed) {
                    throw new IOException("pipe closed");
                }
                int n = Math.min(len - done, CAPACITY - size);
                for (int i = 0; i < n; i++) {
                    ring[(head + size + i) % CAPACITY] = b[off + done + i];
                }
                size += n;
                done += n;
                notifyAll();
            }
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        private void waitInterruptibly() throws InterruptedIOException {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting on a pipe");
            }
        }
    }
}
