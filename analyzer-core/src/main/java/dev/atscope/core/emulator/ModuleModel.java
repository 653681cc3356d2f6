package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.basic.NetworkState;
import dev.atscope.core.protocol.quectel.GsmHttpsState;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated module's state as the protocol libraries model it: the same {@link ModuleStates}
 * the checker and the session tracker build from a trace, built here from the module's own wire
 * (the bytes it reads and writes, decoded as a recording of them would be), so that the emulator,
 * the checker and the tracker cannot disagree about what the module holds. It is the one holder of
 * every setting the model expresses (the SSL contexts, the files that exist, the PDP contexts, the
 * URL, how registration is reported): the parts read them from here and keep only what the model
 * does not hold (file contents, passwords, the response body, the radio).
 *
 * <p>The model learns a command when its final result is decoded, so a read on the next line sees
 * a write of the line before. A line of several commands ends with one result; a real module has
 * carried out the first ones when it answers a later one ({@code AT+QSSLCFG="https",1;+QSSLCFG=
 * "https"}), so the module reports each such command with {@link #carriedOut} and the model learns
 * it then; the line's transaction, once decoded, brings in the rest. When such a line ends in
 * {@code ERROR}, this model keeps the commands carried out before the failing one, as the module
 * does, while a checker reading the recording cannot tell which failed and learns none of them.
 */
final class ModuleModel {

    private final AtDecoder decoder;
    private final ModuleStates states;
    private final long start = System.nanoTime();
    private long lastMicros;
    /** The commands of the line being answered that the model learned already. */
    private final List<AtCommand> carried = new ArrayList<>();
    /** The module's bytes since the command being answered started, for {@link #carriedOut}. */
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();

    ModuleModel(ProtocolRegistry registry) {
        this.decoder = new AtDecoder(registry);
        this.states = new ModuleStates(registry);
        https(); // the module modelled is an M-series one: fail here, not at its first HTTP request
    }

    /** Bytes the module read from the host. */
    void hostSent(byte[] bytes) {
        feed(Direction.HOST_TO_MODULE, bytes);
    }

    /** Bytes the module wrote to the host. */
    void moduleSent(byte[] bytes) {
        answer.writeBytes(bytes);
        feed(Direction.MODULE_TO_HOST, bytes);
    }

    /** A command of a line starts: what the module writes from now on is its answer. */
    void commandStarts() {
        answer.reset();
    }

    /**
     * A command that is not the last of its line was carried out ({@code OK} and on to the next):
     * the model learns it now, with the information lines the module wrote for it.
     */
    void carriedOut(String line, AtCommand c) {
        List<Event> lines = new ArrayList<>();
        for (String l : answer.toString(StandardCharsets.ISO_8859_1).split("[\r\n]+")) {
            if (!l.isEmpty()) {
                lines.add(event(EventKind.RESPONSE, Direction.MODULE_TO_HOST, l));
            }
        }
        Event command = event(EventKind.COMMAND, Direction.HOST_TO_MODULE, line);
        Transaction t = new Transaction(0, command, List.of(c), null, lines,
                event(EventKind.FINAL, Direction.MODULE_TO_HOST, "OK"), Outcome.OK, 0, ResponseShape.PLAIN);
        states.settle(t);
        states.apply(t);
        carried.add(c);
    }

    private Event event(EventKind kind, Direction d, String text) {
        return new Event(kind, d, 0, 0, lastMicros, lastMicros, -1, text.getBytes(StandardCharsets.ISO_8859_1), null);
    }

    private void feed(Direction d, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        // a clock that never goes back, shared by both directions: the decoder pairs by time
        lastMicros = Math.max(lastMicros, (System.nanoTime() - start) / 1000);
        decoder.feed(new Chunk(lastMicros, d, bytes.clone()));
        Decoded item;
        while ((item = decoder.next()) != null) {
            // as the checker applies a trace: a restart is brought in before the next item
            states.settle(item);
            if (item instanceof Transaction t) {
                states.apply(rest(t));
            } else {
                states.event((Event) item);
            }
        }
    }

    /** A line's transaction without the commands {@link #carriedOut} brought in already. */
    private Transaction rest(Transaction t) {
        int k = carried.size();
        boolean learned = k > 0 && k < t.commands().size() && t.commands().subList(0, k).equals(carried);
        carried.clear();
        if (!learned) {
            return t;
        }
        return new Transaction(t.id(), t.command(), t.commands().subList(k, t.commands().size()), t.echo(),
                t.responses(), t.result(), t.outcome(), t.waitedMicros(), t.shape());
    }

    /** The grammars the model reads the wire with. */
    ProtocolRegistry registry() {
        return states.registry();
    }

    /** Every library's model. */
    ModuleStates states() {
        return states;
    }

    /** The M-series HTTPS model: SSL contexts, files written, the PDP contexts, the URL. */
    GsmHttpsState https() {
        return states.get(GsmHttpsState.class);
    }

    /** The 27.007 model: registration and how it is reported, attach, the SIM, error reporting. */
    NetworkState network() {
        return states.get(NetworkState.class);
    }
}
