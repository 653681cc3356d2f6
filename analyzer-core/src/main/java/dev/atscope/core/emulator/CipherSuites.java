package dev.atscope.core.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cipher suites of AT+QSSLCFG's {@code <ciphersuite>} (§1.1 table 2, §2.2.1) and their JDK
 * names: the one place that maps the note's codes. The grammar has no value table for them. The
 * JDK names the RC4 and 3DES suites with the old {@code SSL_} prefix; it disables RC4 and 3DES by
 * default, so a context limited to them fails its handshake, as a module does against a server
 * that refuses them.
 */
final class CipherSuites {

    /** {@code 0XFFFF}: every suite of the table (§3.3 uses it; PROTOCOL-NOTES). */
    static final int ALL = 0xFFFF;

    static final Map<Integer, String> JDK_NAMES;

    static {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        m.put(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA");
        m.put(0x0005, "SSL_RSA_WITH_RC4_128_SHA");
        m.put(0x0004, "SSL_RSA_WITH_RC4_128_MD5");
        m.put(0x000A, "SSL_RSA_WITH_3DES_EDE_CBC_SHA");
        m.put(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        JDK_NAMES = java.util.Collections.unmodifiableMap(m);
    }

    private CipherSuites() {}

    /**
     * Reads a list such as {@code 0X0035}, {@code 0X0035,0X002F} or {@code 0XFFFF} (separated by
     * commas, semicolons or colons).
     *
     * @return the codes, or null when one is not hexadecimal or not in the note's table
     */
    static List<Integer> parse(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split("[,;:]")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.startsWith("0X")) {
                p = p.substring(2);
            }
            if (p.isEmpty()) {
                return null;
            }
            int code;
            try {
                code = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (code != ALL && !JDK_NAMES.containsKey(code)) {
                return null;
            }
            out.add(code);
        }
        return out.isEmpty() ? null : out;
    }

    /** The JDK names of the codes (all of the table for {@code 0XFFFF}). */
    static List<String> jdkNames(List<Integer> codes) {
        if (codes.contains(ALL)) {
            return List.copyOf(JDK_NAMES.values());
        }
        List<String> out = new ArrayList<>();
        for (int c : codes) {
            out.add(JDK_NAMES.get(c));
        }
        return out;
    }

    /** As the module prints a list: {@code 0X0035,0X002F}. */
    static String format(List<Integer> codes) {
        List<String> out = new ArrayList<>();
        for (int c : codes) {
            out.add(String.format(Locale.ROOT, "0X%04X", c));
        }
        return String.join(",", out);
    }
}
