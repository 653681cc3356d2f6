package dev.atscope.core.emulator;

/** The {@code <secllevel>} values of AT+QSSLCFG (§2.2.1): who authenticates whom. */
public enum SecurityLevel {
    /** 0: no authentication: any server certificate is accepted. */
    NONE,
    /** 1: the server is authenticated against the configured CA certificate. */
    SERVER,
    /** 2: the server as in 1, and the client presents its certificate and key when the server asks. */
    SERVER_AND_CLIENT;

    /** The level of a code, or null when the module knows none by that code. */
    public static SecurityLevel of(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
