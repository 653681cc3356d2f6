package dev.atscope.core.origin;

import dev.atscope.core.emulator.TlsSettings;
import java.net.URI;
import java.util.Locale;

/**
 * One HTTP request of a recording that reached the network, and what became of it.
 *
 * @param index the request's transaction in the recording, from 1
 * @param method {@code GET} or {@code POST}
 * @param uri the URL the host had set
 * @param tls the SSL settings it was made with, null for http
 * @param code 0 when the module answered {@code OK}, else its {@code +CME ERROR} code (-1 when the
 *     module said only {@code ERROR})
 * @param body what AT+QHTTPREAD read back after it, or null when nothing was read
 * @param verdict why it ended as it did, and how a replay brings that about
 */
record RecordedExchange(int index, String method, URI uri, TlsSettings tls, int code, byte[] body, Verdict verdict) {

    /** How a replay brings a recorded outcome about. */
    enum Kind {
        /** The server answered: the stand-in answers the same. */
        ANSWERED,
        /** The server answered with an error status ({@code 3822}): the stand-in answers one too. */
        SERVER_ERROR,
        /** A failed handshake that the recorded settings explain: it happens for real against the stand-in. */
        EXPLAINED,
        /** A failure nothing the host sent explains (a name lookup, the network): reproduced as recorded. */
        REPRODUCED
    }

    /**
     * @param kind how the outcome comes about in a replay
     * @param why the reason, for a person
     * @param assumed whether the reason is an assumption (the recording cannot tell)
     */
    record Verdict(Kind kind, String why, boolean assumed) {}

    /** The same request with its verdict. */
    RecordedExchange judged(Verdict v) {
        return new RecordedExchange(index, method, uri, tls, code, body, v);
    }

    /** The same request with the body read back after it. */
    RecordedExchange withBody(byte[] b) {
        return new RecordedExchange(index, method, uri, tls, code, b, verdict);
    }

    /** Whether the module answered {@code OK}. */
    boolean ok() {
        return code == 0;
    }

    /** Which stand-in answers it: scheme, host and port. */
    String origin() {
        return origin(uri, tls != null);
    }

    /** Scheme, host and port of a URL, in lower case: {@code https://api.example.com:443}. */
    static String origin(URI uri, boolean https) {
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return (https ? "https" : "http") + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The outcome as the module answered it. */
    String outcome() {
        return code == 0 ? "OK" : code < 0 ? "ERROR" : "+CME ERROR: " + code;
    }
}
