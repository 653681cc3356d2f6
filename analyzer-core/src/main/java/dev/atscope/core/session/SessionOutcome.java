package dev.atscope.core.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a session ended, from the transactions that decided it (never from free text alone). The
 * constants are the words the libraries share; a library names the ones it can decide in its
 * {@link LibraryOutcomes#outcomes()}, and may define its own.
 *
 * @param word the lower-case word used in the index and in output: {@code tls-handshake-failed}
 * @param rank how bad it is, for choosing between several failures: the first failure of the
 *     highest rank decides (0 for {@link #OK}, 1 {@link #UNKNOWN}, 2 {@link #NO_RESPONSE}, 3 a
 *     named failure)
 * @param meaning what it means, in one sentence
 */
public record SessionOutcome(String word, int rank, String meaning) {

    /** Everything asked for worked. */
    public static final SessionOutcome OK = new SessionOutcome("ok", 0, "everything asked for worked");
    /** Something failed that no named outcome explains. */
    public static final SessionOutcome UNKNOWN = new SessionOutcome("unknown", 1,
            "something failed that no named outcome explains");
    /** A command never got an answer. */
    public static final SessionOutcome NO_RESPONSE = new SessionOutcome("no-response", 2, "a command never got an answer");
    /** The module restarted or powered down while a request was in flight. */
    public static final SessionOutcome RESET_DURING_REQUEST = failure("reset-during-request",
            "the module restarted or powered down while a request was in flight");
    /** The SIM card is not there, or the module cannot read it. */
    public static final SessionOutcome SIM_MISSING = failure("sim-missing", "no SIM card, or one the module cannot read");
    /** The SIM card waits for a PIN or PUK that was not given. */
    public static final SessionOutcome SIM_LOCKED = failure("sim-locked", "the SIM waits for a PIN or PUK");
    /** The module had no usable signal. */
    public static final SessionOutcome NO_SIGNAL = failure("no-signal", "the module had no usable signal");
    /** The module was not registered on the network when the host needed it (searching, or denied with a cause). */
    public static final SessionOutcome NOT_REGISTERED = failure("not-registered",
            "the module was not registered on the network when the host needed it");
    /** Activating the PDP context failed and no retry worked. */
    public static final SessionOutcome PDP_ACTIVATION_FAILED = failure("pdp-activation-failed",
            "activating the PDP context failed and no retry worked");
    /** A server name could not be resolved. */
    public static final SessionOutcome DNS_FAILED = failure("dns-failed", "a server name could not be resolved");
    /** The TLS handshake failed before any HTTP response. */
    public static final SessionOutcome TLS_HANDSHAKE_FAILED = failure("tls-handshake-failed",
            "the TLS handshake failed before any response");
    /** The HTTP request failed, or the server answered with an error status; the detail names it. */
    public static final SessionOutcome HTTP_ERROR = failure("http-error",
            "the HTTP request failed or the server answered with an error status");
    /** The request or the read timed out. */
    public static final SessionOutcome REQUEST_TIMEOUT = failure("request-timeout", "the request or the read timed out");
    /** The connection was closed while the host still used it. */
    public static final SessionOutcome SOCKET_CLOSED = failure("socket-closed",
            "the connection was closed while the host still used it");
    /** The MQTT server could not be reached or refused the connection; the detail says why. */
    public static final SessionOutcome MQTT_REFUSED = failure("mqtt-refused",
            "the MQTT server could not be reached or refused the connection");
    /** An upload arrived damaged (count or checksum differs, or the module says the stored file is damaged). */
    public static final SessionOutcome UPLOAD_CORRUPTED = failure("upload-corrupted", "an upload arrived damaged");

    public SessionOutcome {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(meaning, "meaning");
    }

    /** The shared words above, in the order they are declared (libraries may name more). */
    public static List<SessionOutcome> vocabulary() {
        List<SessionOutcome> all = new ArrayList<>();
        for (Field f : SessionOutcome.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SessionOutcome.class) {
                try {
                    all.add((SessionOutcome) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }

    /** A named failure: rank 3. */
    public static SessionOutcome failure(String word, String meaning) {
        return new SessionOutcome(word, 3, meaning);
    }

    @Override
    public String toString() {
        return word;
    }
}
