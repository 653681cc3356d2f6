package dev.atscope.capture;

import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import java.io.Closeable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Decodes a capture while it records: entries handed to {@link #accept} (the recorder's listener,
 * which must not wait) are queued, and a thread of its own feeds them to the incremental decoder
 * and hands each event and transaction to the sink as soon as it is complete. Closing decodes what
 * is left and ends the input, so a last unanswered command still comes out.
 */
public final class CaptureDecoder implements Consumer<TraceEntry>, Closeable {

    /** Put in the queue by {@link #close()}: no more entries follow. */
    private static final TraceEntry END = new Marker(0, null, Marker.Kind.NOTE, "end");

    private final LinkedBlockingQueue<TraceEntry> queue = new LinkedBlockingQueue<>();
    private final AtDecoder decoder;
    private final Consumer<Decoded> sink;
    private final Thread thread;

    /** Starts the decoding thread; {@code sink} is called on it, in order. */
    public CaptureDecoder(ResponseModel model, Consumer<Decoded> sink) {
        this.decoder = new AtDecoder(model);
        this.sink = sink;
        this.thread = new Thread(this::run, "atscope-live-decode");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(TraceEntry entry) {
        queue.add(entry);
    }

    private void run() {
        try {
            while (true) {
                TraceEntry e = queue.take();
                if (e == END) {
                    decoder.endOfInput();
                    drain();
                    return;
                }
                decoder.feed(e);
                drain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        Decoded d;
        while ((d = decoder.next()) != null) {
            sink.accept(d);
        }
    }

    /** Decodes what is queued, ends the input and waits for the last items to reach the sink. */
    @Override
    public void close() {
        queue.add(END);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
