package dev.atscope.core.protocol;

/**
 * A protocol library: the commands, responses and URCs of one AT dialect, found with {@link
 * java.util.ServiceLoader}. The command grammar is data ({@link Grammar}); rules that need state
 * live in the checker.
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
}
