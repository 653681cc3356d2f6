package dev.atscope.core.session;

import java.util.Locale;

/** How a session ended, from the transactions that decided it (never from free text alone). */
public enum SessionOutcome {
    /** Everything asked for worked. */
    OK,
    /** The module was not registered on the packet network when the host needed it. */
    NOT_REGISTERED,
    /** AT+QIACT failed and was not retried with success. */
    PDP_ACTIVATION_FAILED,
    /** The server name could not be resolved (HTTP error 3813). */
    DNS_FAILED,
    /** An https request failed before any HTTP response: the TLS handshake failed. */
    TLS_HANDSHAKE_FAILED,
    /** The HTTP request failed for another reason; the detail names the error. */
    HTTP_ERROR,
    /** The request or the read timed out. */
    REQUEST_TIMEOUT,
    /** A certificate or key upload arrived damaged (count or checksum differs, or AT+QSECREAD says so). */
    UPLOAD_CORRUPTED,
    /** The module restarted or powered down while a request was in flight. */
    RESET_DURING_REQUEST,
    /** A command never got an answer. */
    NO_RESPONSE,
    /** Something failed that none of the above explains. */
    UNKNOWN;

    /** The lower-case word used in the index and in output: {@code tls-handshake-failed}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How bad it is, for choosing between several failures: the first failure of the worst kind decides. */
    int rank() {
        return switch (this) {
            case OK -> 0;
            case UNKNOWN -> 1;
            case NO_RESPONSE -> 2;
            default -> 3;
        };
    }
}
