package dev.atscope.core.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One end of a byte stream to the other side of a UART: a TCP connection, an in-memory pipe, or a
 * serial port (capture-agent). The emulator, the capture agent and replay all speak through this
 * one shape, so each of them works over any of the transports.
 *
 * <p>{@link #input()} blocks until bytes arrive and returns -1 once the other side has closed;
 * {@link #output()} sends bytes as they are written (flush to be sure they left). Closing the link
 * closes both streams and wakes a reader blocked on {@link #input()}.
 */
public interface Link extends Closeable {

    /** Bytes from the other side. */
    InputStream input();

    /** Bytes to the other side. */
    OutputStream output();

    /** What the link is connected to, for messages: {@code tcp:127.0.0.1:5000}, {@code pipe:host}. */
    String describe();

    /** Closes both directions; idempotent. */
    @Override
    void close() throws IOException;
}
