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
     * Order among libraries when two know the same command: lower wins. Vendor libraries use 100,
     * the 27.007/V.250 basics 1000.
     */
    default int priority() {
        return 100;
    }
}
