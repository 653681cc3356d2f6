package dev.atscope.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What kind of failure an error code stands for, as the grammar files name it: session outcomes
 * and reports ask for the class instead of keeping lists of codes.
 */
public enum ErrorClass {
    /** A host name could not be resolved. */
    DNS,
    /** The TLS handshake or certificate check failed. */
    TLS,
    /**
     * The connection failed, and when it was a TLS connection (an https URL) that is where a failed
     * handshake shows: the M-series has no TLS-specific code (PROTOCOL-NOTES, "Error codes").
     */
    TLS_OR_CONNECT,
    /** Something did not answer in time. */
    TIMEOUT,
    /** The SIM is missing, locked or broken. */
    SIM,
    /** The network refused or lost the registration, or there is no service. */
    REGISTRATION,
    /** A PDP context (data connection) could not be activated or was lost. */
    PDP,
    /** A socket could not be created, connected, read or written. */
    SOCKET,
    /** The HTTP exchange failed, or the server answered with an error status. */
    HTTP,
    /** The MQTT broker refused the client, or an MQTT packet was not acknowledged. */
    MQTT,
    /** A file could not be found, opened, read or written. */
    FILE,
    /** A short message could not be sent or stored. */
    SMS,
    /** The module ran out of memory or its storage is full. */
    MEMORY,
    /** A parameter, or the command itself, was not accepted. */
    PARAMETER,
    /** The module or the network was busy with something else. */
    BUSY,
    /** No more is known. */
    UNKNOWN;

    /** The word the grammar files use: {@code tls-or-connect}. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The class a grammar word names.
     *
     * @throws IllegalArgumentException naming the word and the known ones
     */
    @JsonCreator
    public static ErrorClass of(String word) {
        for (ErrorClass c : values()) {
            if (c.word().equals(word)) {
                return c;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ErrorClass c : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(c.word());
        }
        throw new IllegalArgumentException("error class '" + word + "'; expected one of " + known);
    }
}
