package dev.atscope.core.decode;

/** How a transaction ended. */
public enum Outcome {
    /** A final result that means success ({@code OK}, {@code DEACT OK}, {@code CONNECT} for a dial, a bare answer). */
    OK,
    /** A final result that means failure ({@code ERROR}, {@code +CME ERROR: n}, {@code NO CARRIER}). */
    ERROR,
    /** No final result came before the next command or the end of the trace. */
    NO_RESPONSE,
    /** The module restarted or powered down while the command was in flight. */
    INTERRUPTED;

    /** The lower-case word used in JSON and tables: {@code no-response}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
