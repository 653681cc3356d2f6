package dev.atscope.report;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in captured text before anything is written, so that every view of the page (list,
 * detail, hex, flow) shows only the masked form: certificate and key upload bodies, PEM blocks
 * anywhere, APN passwords (AT+QICSGP, AT+QIREGAPP), and the user's own patterns.
 */
final class Redactor {

    /** What a masked value becomes. */
    static final String MASK = "***";

    /**
     * The armour lines around a PEM block's base64 body (certificates and keys inside any payload),
     * found one after the other rather than as one pattern with a lazy body between them, which
     * rescans the rest of the text from every BEGIN that has no END: quadratic on a body of them.
     */
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]++-----");
    private static final Pattern PEM_END = Pattern.compile("-----END [A-Z0-9 ]++-----");

    private final boolean builtIn;
    private final List<Pattern> patterns;
    private final ProtocolRegistry registry;
    /** Passwords seen so far, masked wherever they appear again (a session's detail, a read answer). */
    private final java.util.Set<String> seen = new java.util.LinkedHashSet<>();

    Redactor(ReportOptions options, ProtocolRegistry registry) {
        this.builtIn = options.redact();
        this.patterns = options.redactPatterns();
        this.registry = registry;
    }

    /** Whether anything at all is masked. */
    boolean active() {
        return builtIn || !patterns.isEmpty();
    }

    /** Whether a transaction's payloads are secrets to be left out whole (certificate and key uploads). */
    boolean hidesPayloads(Transaction t) {
        return builtIn && t.commands().stream().anyMatch(registry::secretPayload);
    }

    /** Captured text (one char per byte) with PEM bodies and the user's patterns masked. */
    String text(String s) {
        if (!active() || s.isEmpty()) {
            return s;
        }
        String out = s;
        if (builtIn && out.contains("-----BEGIN ")) {
            out = maskPemBodies(out);
        }
        for (String secret : seen) {
            out = out.replace(secret, MASK);
        }
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** Each PEM block's body between its armour lines becomes the mask; in one pass over the text. */
    private static String maskPemBodies(String s) {
        StringBuilder out = new StringBuilder(s.length());
        Matcher begin = PEM_BEGIN.matcher(s);
        Matcher end = PEM_END.matcher(s);
        int copied = 0;
        while (begin.find(copied)) {
            if (!end.find(begin.end())) {
                break; // no END after this BEGIN, so none after any later one either
            }
            out.append(s, copied, begin.end()).append('\n').append(MASK).append('\n').append(s, end.start(), end.end());
            copied = end.end();
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** A command line (or its echo) with the APN password of its commands masked, then {@link #text}. */
    String commandLine(String line, Transaction t) {
        String out = line;
        if (builtIn) {
            for (String secret : passwords(t)) {
                int at = out.lastIndexOf(secret);
                if (at >= 0) {
                    out = out.substring(0, at) + mask(secret) + out.substring(at + secret.length());
                }
            }
        }
        return text(out);
    }

    /** One parameter value of a command as the page shows it. */
    String parameter(AtCommand c, NamedParam p) {
        if (builtIn && registry.secretParameter(c, p.name()) && !p.raw().isEmpty()) {
            return mask(p.raw());
        }
        return text(p.raw());
    }

    private List<String> passwords(Transaction t) {
        List<String> out = new ArrayList<>();
        for (AtCommand c : t.commands()) {
            for (NamedParam p : registry.parameters(c)) {
                if (registry.secretParameter(c, p.name()) && !p.raw().isEmpty() && !p.raw().equals("\"\"")) {
                    out.add(p.raw());
                    String bare = p.value();
                    // short values ("1") would mask half the trace; they are masked in their own command only
                    if (bare.length() >= 4) {
                        seen.add(bare);
                    }
                }
            }
        }
        return out;
    }

    private static String mask(String value) {
        return value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
    }
}
