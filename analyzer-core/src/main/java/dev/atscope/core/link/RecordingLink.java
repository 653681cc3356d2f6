package dev.atscope.core.link;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceRecorder;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A link that records every byte written and read through it into a {@link TraceRecorder}: wrap
 * the host's end of a link and the recording is the wire between host and module, as a capture
 * would see it. Bytes written are recorded before they leave, so a command is always older than
 * its echo.
 */
public final class RecordingLink implements Link {

    private final Link inner;
    private final InputStream in;
    private final OutputStream out;

    /**
     * @param outgoing the direction of the bytes written through this end ({@link
     *     Direction#HOST_TO_MODULE} for the host's end)
     */
    public RecordingLink(Link inner, TraceRecorder recorder, Direction outgoing) {
        this.inner = inner;
        Direction incoming = outgoing == Direction.HOST_TO_MODULE ? Direction.MODULE_TO_HOST : Direction.HOST_TO_MODULE;
        this.in = new FilterInputStream(inner.input()) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    recorder.chunk(incoming, b, off, n);
                }
                return n;
            }
        };
        this.out = new FilterOutputStream(inner.output()) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                recorder.chunk(outgoing, b, off, len);
                out.write(b, off, len);
            }
        };
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public String describe() {
        return inner.describe() + " (recorded)";
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
