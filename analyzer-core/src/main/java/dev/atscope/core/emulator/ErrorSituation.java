package dev.atscope.core.emulator;

import dev.atscope.core.protocol.ProtocolRegistry;

/**
 * A situation the emulated module answers with a {@code +CME ERROR}: which code it answers is the
 * grammar's ({@code "when"} in the error tables, {@link ProtocolRegistry#cmeCodeWhen}), so that the
 * numbers live in the grammar once and the checker, the recorded origin and the emulator agree.
 */
public enum ErrorSituation {
    /** The host name does not resolve. */
    NAME_NOT_RESOLVED,
    /** The connection to the server fails, its TLS handshake included (the M-series has no TLS code). */
    CONNECT_FAILED,
    /** Reading the response fails. */
    READ_FAILED,
    /** Sending the request fails. */
    WRITE_FAILED,
    /** The response is no HTTP response, or its status is not a success. */
    ERROR_STATUS,
    /** No response within the command's time. */
    RESPONSE_TIMEOUT,
    /** The host did not send the URL or the body in time. */
    INPUT_TIMEOUT,
    /** AT+QHTTPREAD with no response to read. */
    NOTHING_TO_READ,
    /** An HTTP request with no active PDP context. */
    PDP_INACTIVE,
    /** A URL that is not http or https, or https while HTTPS is off. */
    BAD_URL,
    /** An HTTP request before any URL was set. */
    EMPTY_URL,
    /** A file larger than its storage takes. */
    FILE_TOO_LARGE,
    /** A file that is not stored. */
    FILE_NOT_FOUND,
    /** A file written over one that exists. */
    FILE_EXISTS,
    /** A file command's parameters that the storage refuses. */
    BAD_FILE_PARAMETER,
    /** A command the module refuses in its state (a PIN where none is asked for). */
    NOT_ALLOWED,
    /** The network refuses the packet-switched attach. */
    ATTACH_REFUSED;

    /** The word the grammar's {@code "when"} lists use: the name in lower case, words joined by {@code -}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The code the module answers in this situation, by the grammar. */
    public int code(ProtocolRegistry registry) {
        return registry.cmeCodeWhen(word());
    }
}
