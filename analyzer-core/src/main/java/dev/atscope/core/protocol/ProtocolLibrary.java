package dev.atscope.core.protocol;

import dev.atscope.core.decode.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * A protocol library: one AT dialect as a plugin, found with {@link java.util.ServiceLoader}. It
 * contributes its grammar (data: commands, answers, URCs, error codes, limits), its model of the
 * module's state ({@link #newState}), and, through the checker's and the session tracker's
 * extension interfaces that it may also implement, its session rules and the outcomes it names.
 */
public interface ProtocolLibrary {

    /** A short stable id: {@code v250}, {@code quectel-gsm-https}. */
    String id();

    /** The grammar this library contributes. */
    Grammar grammar();

    /**
     * Order among libraries when two know the same command or error text: lower wins. Vendor
     * libraries use 100, the 3GPP 27.007 set 150, a vendor set that shares command names with
     * another 200 (Quectel LTE beside the M-series), the V.250 basics 1000.
     */
    default int priority() {
        return 100;
    }

    /**
     * Whether the library applies to every trace (V.250, 3GPP TS 27.007) rather than being chosen
     * from the traffic, as a vendor's command set is: at most one vendor library applies to a trace.
     */
    default boolean base() {
        return false;
    }

    /**
     * The module models the library is for, as the answers of ATI or AT+CGMM name them ({@code
     * BG96}, {@code M95}): an answer naming one chooses the library for the trace.
     */
    default List<String> models() {
        return List.of();
    }

    /**
     * A new model of the module's state for one trace, or null when the library keeps none. A
     * state that builds on another library's asks {@code states} for it with {@link ModuleStates#require}.
     */
    default ModuleState newState(ModuleStates states) {
        return null;
    }

    /**
     * The checksum of what the host uploaded in a transaction of this library's commands, computed
     * over the captured bytes, beside the one the module reported; empty when the command reports
     * none.
     */
    default Optional<UploadSum> uploadSum(Transaction t) {
        return Optional.empty();
    }

    /**
     * An upload's checksum as the library computes it from the captured bytes, and as the module
     * reported it.
     *
     * @param computed from the bytes the host sent
     * @param reported what the module's answer says, or null when it gave none
     */
    record UploadSum(String computed, String reported) {}
}
