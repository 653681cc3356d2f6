package dev.atscope.core.decode;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The incremental AT decoder: fed chunks as they arrive, it hands out each {@link Event} as soon
 * as it is complete and each {@link Transaction} as soon as its final result (or the proof that
 * none will come) is seen.
 *
 * <p>Use: {@link #feed(TraceEntry)} each entry in time order, then take {@link #next()} until it
 * returns null (it needs more input); at the end call {@link #endOfInput()} and drain again. The
 * result does not depend on how the bytes were split into chunks, as long as each byte keeps its
 * timestamp.
 *
 * <p>Three parts, as a Netty pipeline would have them: each direction's {@link Framer} (with the
 * {@link ChunkClock} of its chunks) cuts bytes into lines, uploads, bodies, prompts and echoes and
 * consumes nothing partial; the {@link TransactionAssembler} pairs those frames into transactions
 * and switches the framers into data mode when an answer leads into it: the host's upload after
 * {@code CONNECT} (a count, or the {@code +++} escape, or the module answering first), the module's
 * body that ends at its final result, and after the module's {@code >} prompt the host's counted
 * bytes or text ended by Ctrl-Z or ESC, which the module may echo.
 *
 * <p>Not thread-safe: one decoder per trace.
 */
public final class AtDecoder {

    private final ArrayDeque<Decoded> out = new ArrayDeque<>();
    private final TransactionAssembler assembler;
    private final Framer host;
    private final Framer module;
    private boolean ended;

    /** A decoder with default options. */
    public AtDecoder(ResponseModel model) {
        this(model, DecoderOptions.DEFAULTS);
    }

    /** A decoder with the given limits. */
    public AtDecoder(ResponseModel model, DecoderOptions options) {
        assembler = new TransactionAssembler(model, options, out);
        host = new Framer(Direction.HOST_TO_MODULE, options, assembler, assembler::lastTime);
        module = new Framer(Direction.MODULE_TO_HOST, options, assembler, assembler::lastTime);
        assembler.connect(host, module);
    }

    /** Feeds one trace entry; entries must come in time order. */
    public void feed(TraceEntry entry) {
        if (ended) {
            throw new IllegalStateException("endOfInput() was called");
        }
        assembler.advanceTo(entry.timeMicros());
        if (entry instanceof Marker m) {
            Framer framer = m.direction() == Direction.HOST_TO_MODULE ? host : module;
            if (m.kind() == Marker.Kind.GAP && framer == host) {
                // bytes of the host's are missing: an upload in progress cannot be counted past them
                host.endUpload("the log does not show the rest of the upload");
            }
            long off = framer.offsetOfInput();
            out.add(new Event(EventKind.MARKER, m.direction(), off, off, m.timeMicros(), m.timeMicros(), m.line(),
                    (m.kind().code() + ": " + m.text()).getBytes(StandardCharsets.UTF_8), null));
            return;
        }
        Chunk c = (Chunk) entry;
        if (c.direction() == Direction.HOST_TO_MODULE) {
            // the host speaking proves that a module body has ended at its (last) final result
            module.takeLastFinal();
            module.confirmBodyEnd();
            module.confirmPrompt();
            host.append(c);
            host.process();
        } else {
            module.append(c);
            module.process();
        }
    }

    /** Says that no more input will come: flushes half units as flagged events and unanswered commands. */
    public void endOfInput() {
        if (ended) {
            return;
        }
        ended = true;
        module.finishInput();
        host.finishInput();
        assembler.endOfInput();
    }

    /** The next decoded event or transaction, or null when more input is needed (or all is drained). */
    public Decoded next() {
        return out.poll();
    }

    /** True when everything fed so far has been handed out. */
    public boolean needsMoreInput() {
        return out.isEmpty();
    }
}
