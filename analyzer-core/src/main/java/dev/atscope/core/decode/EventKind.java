package dev.atscope.core.decode;

/** The kinds of decoded unit. */
public enum EventKind {
    /** A command line sent by the host ({@code AT...<CR>} or {@code A/}). */
    COMMAND,
    /** The module's echo of a command line (ATE1). */
    ECHO,
    /** An information response line ({@code +QSSLCFG: ...}, or bare text such as an IP address). */
    RESPONSE,
    /** An intermediate result: {@code CONNECT} before data mode. */
    INTERMEDIATE,
    /** A final result code: {@code OK}, {@code ERROR}, {@code +CME ERROR: n}, {@code DEACT OK}, a V0 digit. */
    FINAL,
    /** An unsolicited result code ({@code RDY}, {@code +CGREG: 1}, {@code +PDP DEACT}). */
    URC,
    /** Bytes sent in data mode: an upload from the host or a body from the module. */
    PAYLOAD,
    /** Bytes that fit nothing: wrong-baud garbage, stray bytes, a half line; kept, never dropped. */
    NOISE,
    /** A marker from the recorder: a gap, a line error or a note. */
    MARKER;

    /** The lower-case word used in JSON and tables. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
