package dev.atscope.core.emulator;

import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cipher suites of AT+QSSLCFG's {@code <ciphersuite>} (§1.1 table 2, §2.2.1), read from the
 * grammar's value table, which gives each code its standard (IANA) name. The JDK knows the RC4 and
 * 3DES suites under their old {@code SSL_} names and disables them by default, so a context limited
 * to them fails its handshake, as a module does against a server that refuses them.
 */
public final class CipherSuites {

    /** {@code 0XFFFF}: every suite of the table (§3.3 uses it; PROTOCOL-NOTES). */
    public static final int ALL = 0xFFFF;

    /** Code to standard name, in the grammar's order, without {@link #ALL}. */
    private final Map<Integer, String> names = new LinkedHashMap<>();

    /** The table of the protocol library that describes AT+QSSLCFG="ciphersuite". */
    public CipherSuites(ProtocolRegistry registry) {
        ProtocolRegistry.Sub sub = registry.subcommands("+QSSLCFG").get("ciphersuite");
        if (sub == null) {
            throw new IllegalStateException("no protocol library describes AT+QSSLCFG=\"ciphersuite\"");
        }
        for (Grammar.ParamSpec p : sub.params()) {
            if (p.name().equals("ciphersuite")) {
                p.values().forEach((code, name) -> {
                    int c = Integer.parseInt(code.substring(2), 16);
                    if (c != ALL) {
                        names.put(c, name);
                    }
                });
            }
        }
    }

    /**
     * Reads a list such as {@code 0X0035}, {@code 0X0035,0X002F} or {@code 0XFFFF} (separated by
     * commas, semicolons or colons: the note does not say which).
     *
     * @return the codes, or null when one is not hexadecimal or not in the table
     */
    public List<Integer> parse(String text) {
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
            if (code != ALL && !names.containsKey(code)) {
                return null;
            }
            out.add(code);
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The names a JDK may know the codes by (all of the table for {@code 0XFFFF}): each standard
     * name, and for {@code TLS_} names also the old {@code SSL_} one; the caller keeps those the JDK
     * implements.
     */
    public List<String> jdkNames(List<Integer> codes) {
        List<Integer> wanted = codes.contains(ALL) ? List.copyOf(names.keySet()) : codes;
        List<String> out = new ArrayList<>();
        for (int c : wanted) {
            String name = names.get(c);
            out.add(name);
            if (name.startsWith("TLS_")) {
                out.add("SSL_" + name.substring(4));
            }
        }
        return out;
    }

    /** As the module prints a list: {@code 0X0035,0X002F}. */
    public static String format(List<Integer> codes) {
        List<String> out = new ArrayList<>();
        for (int c : codes) {
            out.add(String.format(Locale.ROOT, "0X%04X", c));
        }
        return String.join(",", out);
    }
}
