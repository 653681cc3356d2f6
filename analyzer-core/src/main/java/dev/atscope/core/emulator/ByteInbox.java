package dev.atscope.core.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of a link's input, read on a named daemon thread and handed out one at a time with a
 * timeout: a link's stream blocks without one, but a module waits for upload data only so long
 * (AT+QSECWRITE's {@code <timeout>}, §2.2.2) and a host only so long for an answer.
 */
final class ByteInbox implements Closeable {

    /** {@link #next} found nothing before its timeout. */
    static final int TIMEOUT = -1;
    /** The other side closed the link. */
    static final int END = -2;

    private static final byte[] END_MARK = new byte[0];

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final java.util.function.Consumer<byte[]> taken;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    ByteInbox(InputStream in, String threadName) {
        this(in, threadName, b -> { });
    }

    /** @param taken sees each piece of input when the first of its bytes is handed out */
    ByteInbox(InputStream in, String threadName, java.util.function.Consumer<byte[]> taken) {
        this.taken = taken;
        reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        byte[] copy = new byte[n];
                        System.arraycopy(buf, 0, copy, 0, n);
                        queue.add(copy);
                    }
                }
            } catch (IOException e) {
                // a closed link ends the input like an end of stream
            } finally {
                queue.add(END_MARK);
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The next byte, waiting at most {@code timeoutNanos} (forever when negative).
     *
     * @return the byte (0-255), {@link #TIMEOUT} or {@link #END}
     */
    int next(long timeoutNanos) throws InterruptedException {
        if (pos < current.length) {
            return current[pos++] & 0xff;
        }
        if (ended) {
            return END;
        }
        byte[] b = timeoutNanos < 0 ? queue.take() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (b == null) {
            return TIMEOUT;
        }
        if (b == END_MARK) {
            ended = true;
            return END;
        }
        current = b;
        pos = 0;
        taken.accept(b);
        return current[pos++] & 0xff;
    }

    /** Bytes that arrived together with the last one and are not handed out yet. */
    int buffered() {
        return current.length - pos;
    }

    /** Gives back the byte just handed out, so that the next call returns it again. */
    void unread() {
        if (pos > 0) {
            pos--;
        }
    }

    /** Drops everything that has arrived so far (a restart loses the UART's buffer). */
    void discard() {
        pos = current.length;
        byte[] b;
        while ((b = queue.peek()) != null && b != END_MARK) {
            queue.poll();
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
