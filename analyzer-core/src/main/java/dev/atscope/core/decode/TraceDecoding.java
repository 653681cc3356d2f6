package dev.atscope.core.decode;

import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a decoder over a whole trace, streaming: nothing proportional to the trace is kept. */
public final class TraceDecoding {

    private TraceDecoding() {}

    /** Decodes every entry of the reader and hands each decoded item to the sink, in order. */
    public static void decode(TraceReader reader, ResponseModel model, Consumer<Decoded> sink) throws IOException {
        AtDecoder decoder = new AtDecoder(model);
        TraceEntry e;
        while ((e = reader.next()) != null) {
            decoder.feed(e);
            drain(decoder, sink);
        }
        decoder.endOfInput();
        drain(decoder, sink);
    }

    /** Decodes a list of entries (small traces, tests) into everything the decoder hands out. */
    public static List<Decoded> decode(List<? extends TraceEntry> entries, ResponseModel model) {
        AtDecoder decoder = new AtDecoder(model);
        List<Decoded> out = new ArrayList<>();
        for (TraceEntry e : entries) {
            decoder.feed(e);
            drain(decoder, out::add);
        }
        decoder.endOfInput();
        drain(decoder, out::add);
        return out;
    }

    /** Only the transactions of a list of entries. */
    public static List<Transaction> transactions(List<? extends TraceEntry> entries, ResponseModel model) {
        List<Transaction> out = new ArrayList<>();
        for (Decoded d : decode(entries, model)) {
            if (d instanceof Transaction t) {
                out.add(t);
            }
        }
        return out;
    }

    private static void drain(AtDecoder decoder, Consumer<Decoded> sink) {
        Decoded d;
        while ((d = decoder.next()) != null) {
            sink.accept(d);
        }
    }
}
