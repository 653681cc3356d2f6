package dev.atscope.core.emulator;

import java.util.List;

/**
 * The {@code <sslversion>} values of AT+QSSLCFG (§2.2.1) and the protocols the emulator offers for
 * each. The module never speaks TLS 1.3 (§1.1 lists up to TLS 1.2), so "support all" stops at 1.2.
 * JDK 17 disables SSL 3.0, TLS 1.0 and TLS 1.1 ({@code jdk.tls.disabledAlgorithms}); the emulator
 * leaves that setting alone, so with those versions the handshake fails, as it does for a real
 * module whose version the server refuses.
 */
public enum SslVersion {
    SSL3_0(0, "SSLv3"),
    TLS1_0(1, "TLSv1"),
    TLS1_1(2, "TLSv1.1"),
    TLS1_2(3, "TLSv1.2"),
    ALL(4, "TLSv1", "TLSv1.1", "TLSv1.2");

    final int code;
    final List<String> jdkProtocols;

    SslVersion(int code, String... jdkProtocols) {
        this.code = code;
        this.jdkProtocols = List.of(jdkProtocols);
    }

    /** The code AT+QSSLCFG="sslversion" takes. */
    public int code() {
        return code;
    }

    /** The protocols offered, by their JDK names ({@code TLSv1.2}). */
    public List<String> protocols() {
        return jdkProtocols;
    }

    /** The version of a code, or null when the module knows none by that code. */
    public static SslVersion of(int code) {
        for (SslVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
