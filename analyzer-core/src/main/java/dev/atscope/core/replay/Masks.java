package dev.atscope.core.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The mask rules applied before a recording and its replay are compared: the built-in ones for
 * values that change from run to run, plus the user's.
 *
 * @param rules applied in order
 */
public record Masks(List<MaskRule> rules) {

    /** The built-in rules. */
    public static final Masks BUILT_IN = new Masks(List.of(
            // a local address from the network (AT+QILOCIP), a server's address in a response
            MaskRule.of("ip", "\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"),
            // the checksum the module computes over an uploaded or stored file (§2.2.2, §2.2.3): the last
            // field of +QSECWRITE: and +QSECREAD:; uploads of other data have other checksums
            MaskRule.of("checksum", "(?<=^\\+QSEC(?:WRITE|READ): [^\\r\\n]{0,80},)\\p{XDigit}{1,8}$"),
            // +CCLK / +QLTS network time: "yy/MM/dd,hh:mm:ss+zz"
            MaskRule.of("time", "\\d{2,4}/\\d{2}/\\d{2},\\d{2}:\\d{2}:\\d{2}(?:[+-]\\d{1,2})?"),
            // ISO-8601 dates and times, with or without a time of day
            MaskRule.of("time", "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
            // HTTP dates in a response body: "Tue, 24 Nov 2026 09:00:00 GMT"
            MaskRule.of("time", "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT")));

    /** No masks: every byte counts. */
    public static final Masks NONE = new Masks(List.of());

    public Masks {
        rules = List.copyOf(rules);
    }

    /** These rules followed by more. */
    public Masks plus(List<MaskRule> more) {
        List<MaskRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new Masks(all);
    }

    /** The text with every rule applied in order. */
    public String apply(String text) {
        String t = text;
        for (MaskRule r : rules) {
            t = r.apply(t);
        }
        return t;
    }

    /**
     * Reads rules from a file: one a line as {@code NAME: REGEX} (or a bare {@code REGEX}, named
     * {@code masked}); blank lines and lines starting with {@code #} are skipped.
     *
     * @throws MaskFileException naming the file and line of a rule that is not a regular expression
     */
    public static List<MaskRule> read(Path file) throws IOException {
        List<MaskRule> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String name = "masked";
                String regex = t;
                int colon = t.indexOf(": ");
                if (colon > 0 && t.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    name = t.substring(0, colon);
                    regex = t.substring(colon + 2).strip();
                }
                try {
                    out.add(MaskRule.of(name, regex));
                } catch (PatternSyntaxException e) {
                    throw new MaskFileException(file + ":" + n + ": expected NAME: REGEX, but the regular expression is"
                            + " not valid: " + e.getDescription() + " near index " + e.getIndex());
                }
            }
        }
        return out;
    }

    /** A mask file with a rule that cannot be used. */
    public static final class MaskFileException extends IOException {
        MaskFileException(String message) {
            super(message);
        }
    }
}
