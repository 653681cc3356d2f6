package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.basic.NetworkState;
import dev.atscope.core.protocol.quectel.GsmHttpsState;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;

/**
 * The emulated module's state as the protocol libraries model it: the same {@link ModuleStates}
 * the checker and the session tracker build from a trace, built here from the module's own wire
 * (the bytes it reads and writes, decoded as a recording of them would be), so that the emulator,
 * the checker and the tracker cannot disagree about what the module holds. The parts read the
 * settings that have a model from here (the URL, whether HTTPS is on) and keep only what the model
 * does not hold (file contents, the response body, the radio).
 */
final class ModuleModel {

    private final AtDecoder decoder;
    private final ModuleStates states;
    private final long start = System.nanoTime();
    private long lastMicros;

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
        feed(Direction.MODULE_TO_HOST, bytes);
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
                states.apply(t);
            } else {
                states.event((Event) item);
            }
        }
    }

    /** Every library's model. */
    ModuleStates states() {
        return states;
    }

    /** The M-series HTTPS model: SSL contexts, files written, the PDP context, the URL. */
    GsmHttpsState https() {
        return states.get(GsmHttpsState.class);
    }

    /** The 27.007 model: registration, attach, the SIM, error reporting. */
    NetworkState network() {
        return states.get(NetworkState.class);
    }
}
