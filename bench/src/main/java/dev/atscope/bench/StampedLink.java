package dev.atscope.bench;

import dev.atscope.core.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The module's end of the pair, stamping when each byte it reads arrived. */
final class StampedLink implements Link {
    private final Link inner;
    private final List<long[]> reads = new ArrayList<>(); // {offset of the first byte, nanoTime}
    private long offset;
    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? n : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = inner.input().read(b, off, len);
            if (n > 0) {
                synchronized (reads) {
                    reads.add(new long[] {offset, System.nanoTime()});
                    offset += n;
                }
            }
            return n;
        }
    };

    StampedLink(Link inner) {
        this.inner = inner;
    }

    /** When the byte at this offset of the stream was read. */
    long arrivalNanos(long at) {
        synchronized (reads) {
            long t = -1;
            for (long[] r : reads) {
                if (r[0] <= at) {
                    t = r[1];
                } else {
                    break;
                }
            }
            return t;
        }
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return inner.output();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        try {
            inner.close(); // the mock closes its link when the host has gone quiet: that ends its read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
