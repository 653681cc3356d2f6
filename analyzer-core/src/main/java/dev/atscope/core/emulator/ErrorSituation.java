package dev.atscope.core.emulator;

import dev.atscope.core.protocol.ProtocolRegistry;

/**
 * A situation the emulated module answers with a {@code +CME ERROR}: which code it answers is the
 * grammar's ({@code "when"} in the error tables, {@link ProtocolRegistry#cmeCodeWhen}), so that the
 * numbers live in the grammar once and the checker, the recorded origin and the emulator agree.
 */
public enum ErrorSituation {
    /** The host name does not resolve. */
    NAME_NOT_RESOLVED("name-not-resolved"),
    /** The connection to the server fails, its TLS handshake included (the M-series has no TLS code). */
    CONNECT_FAILED("connect-failed"),
    /** Reading the response fails. */
    READ_FAILED("read-failed"),
    /** Sending the request fails. */
    WRITE_FAILED("write-failed"),
    /** The response is no HTTP response, or its status is not a success. */
    ERROR_STATUS("error-status"),
    /** No response within the command's time. */
    RESPONSE_TIMEOUT("response-timeout"),
    /** The host did not send the URL or the body in time. */
    INPUT_TIMEOUT("input-timeout"),
    /** AT+QHTTPREAD with no response to read. */
    NOTHING_TO_READ("nothing-to-read"),
    /** An HTTP request with no active PDP context. */
    PDP_INACTIVE("pdp-inactive"),
    /** A URL that is not http or https, or https while HTTPS is off. */
    BAD_URL("bad-url"),
    /** An HTTP request before any URL was set. */
    EMPTY_URL("empty-url"),
    /** A file larger than its storage takes. */
    FILE_TOO_LARGE("file-too-large"),
    /** A file that is not stored. */
    FILE_NOT_FOUND("file-not-found"),
    /** A file written over one that exists. */
    FILE_EXISTS("file-exists"),
    /** A file command's parameters that the storage refuses. */
    BAD_FILE_PARAMETER("bad-file-parameter"),
    /** A command the module refuses in its state (a PIN where none is asked for). */
    NOT_ALLOWED("not-allowed"),
    /** The network refuses the packet-switched attach. */
    ATTACH_REFUSED("attach-refused");

    private final String word;

    ErrorSituation(String word) {
        this.word = word;
    }

    /** The word the grammar's {@code "when"} lists use. */
    public String word() {
        return word;
    }

    /** The code the module answers in this situation, by the grammar. */
    public int code(ProtocolRegistry registry) {
        return registry.cmeCodeWhen(word);
    }
}
