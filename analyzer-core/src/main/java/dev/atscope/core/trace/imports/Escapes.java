package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The ways logs spell bytes that are not printable, each as the tool that writes it documents:
 * angle names ({@code <CR>}, {@code <LF>}, Mbed's {@code <cr>}/{@code <ln>}), caret notation
 * (umockdev's {@code ^J} with {@code ^`} for a caret; chat's {@code ^M} with {@code M-} for the
 * high bit), C escapes ({@code \r}, {@code \n}, {@code \xHH}, octal {@code \NNN}) and
 * ModemManager's decimal {@code \NNN}.
 */
final class Escapes {

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("NUL", 0), Map.entry("SOH", 1), Map.entry("STX", 2), Map.entry("ETX", 3),
            Map.entry("EOT", 4), Map.entry("ENQ", 5), Map.entry("ACK", 6), Map.entry("BEL", 7),
            Map.entry("BS", 8), Map.entry("TAB", 9), Map.entry("HT", 9), Map.entry("LF", 10),
            Map.entry("LN", 10), Map.entry("NL", 10), Map.entry("VT", 11), Map.entry("FF", 12),
            Map.entry("CR", 13), Map.entry("SO", 14), Map.entry("SI", 15), Map.entry("DLE", 16),
            Map.entry("DC1", 17), Map.entry("DC2", 18), Map.entry("DC3", 19), Map.entry("DC4", 20),
            Map.entry("NAK", 21), Map.entry("SYN", 22), Map.entry("ETB", 23), Map.entry("CAN", 24),
            Map.entry("EM", 25), Map.entry("SUB", 26), Map.entry("ESC", 27), Map.entry("FS", 28),
            Map.entry("GS", 29), Map.entry("RS", 30), Map.entry("US", 31), Map.entry("DEL", 127));

    private Escapes() {}

    /** The ways home-grown logs spell a line's control bytes; a log uses one or two of them. */
    enum Family {
        /** Angle names: {@code <CR>}, {@code <LF>}, {@code <cr><ln>}, {@code <0D>}. */
        ANGLE("<CR>"),
        /** C escapes: {@code \\r}, {@code \\n}, {@code \\x0d}, {@code \\015}. */
        C("\\r"),
        /** Caret notation: {@code ^M}, {@code ^J}. */
        CARET("^M"),
        /** Two hex digits in brackets: {@code [0D]}, {@code [0A]}. */
        HEX_BRACKETS("[0D]");

        private final String example;

        Family(String example) {
            this.example = example;
        }

        /** How a carriage return looks in this family. */
        String example() {
            return example;
        }
    }

    /**
     * The families whose spelling of CR or LF the text holds (the bytes every line of AT traffic
     * ends with, so a log that escapes any control byte escapes these). Looks at each character
     * once.
     */
    static java.util.EnumSet<Family> lineEnds(String s) {
        java.util.EnumSet<Family> found = java.util.EnumSet.noneOf(Family.class);
        int n = s.length();
        for (int i = 0; i + 1 < n; i++) {
            char c = s.charAt(i);
            char d = s.charAt(i + 1);
            if (c == '\\' && (d == 'r' || d == 'n' || s.startsWith("x0d", i + 1) || s.startsWith("x0a", i + 1)
                    || s.startsWith("x0D", i + 1) || s.startsWith("x0A", i + 1) || s.startsWith("015", i + 1)
                    || s.startsWith("012", i + 1))) {
                found.add(Family.C);
            } else if (c == '<' && (startsWithIgnoreCase(s, i, "<CR>") || startsWithIgnoreCase(s, i, "<LF>")
                    || startsWithIgnoreCase(s, i, "<LN>") || startsWithIgnoreCase(s, i, "<0D>")
                    || startsWithIgnoreCase(s, i, "<0A>") || startsWithIgnoreCase(s, i, "<0x0D>"))) {
                found.add(Family.ANGLE);
            } else if (c == '^' && (d == 'M' || d == 'J')) {
                found.add(Family.CARET);
            } else if (c == '[' && (startsWithIgnoreCase(s, i, "[0D]") || startsWithIgnoreCase(s, i, "[0A]"))) {
                found.add(Family.HEX_BRACKETS);
            }
        }
        return found;
    }

    private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
        return s.regionMatches(true, at, prefix, 0, prefix.length());
    }

    /** The bytes a text stands for in the given families (one pass; other text stays as it is). */
    static byte[] decode(String s, java.util.Set<Family> families) {
        if (families.isEmpty()) {
            return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        String t = s;
        if (families.contains(Family.HEX_BRACKETS)) {
            t = text(hexBrackets(t));
        }
        if (families.contains(Family.CARET)) {
            t = text(caret(t));
        }
        if (families.contains(Family.ANGLE)) {
            t = text(angle(t, false));
        }
        return families.contains(Family.C) ? c(t) : t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Caret notation alone ({@code ^M}, {@code ^?}), without chat's {@code M-} (which ordinary text holds). */
    static byte[] caret(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '^' && i + 1 < n) {
                char e = s.charAt(i + 1);
                if (e >= '@' && e <= '_' || e == '?') {
                    out.write(e == '?' ? 0x7f : e - 64);
                    i++;
                    continue;
                }
            }
            out.write(c & 0xff);
        }
        return out.toByteArray();
    }

    /** Two hex digits in brackets ({@code [0D]}) as the byte they name; other brackets stay. */
    static byte[] hexBrackets(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '[' && i + 3 < n && s.charAt(i + 3) == ']') {
                Integer v = hex(s.substring(i + 1, i + 3));
                if (v != null) {
                    out.write(v);
                    i += 3;
                    continue;
                }
            }
            out.write(c & 0xff);
        }
        return out.toByteArray();
    }

    /**
     * Angle names ({@code <CR>}, any case) and hex forms ({@code <0x1A>}, {@code <1A>}); a {@code <}
     * that starts no known name stays as it is. Mbed's {@code [26]} decimal form is read when
     * {@code decimalBrackets} is set.
     */
    static byte[] angle(String s, boolean decimalBrackets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<') {
                // a name is at most five characters: look no further, so a line of '<' costs its length
                int close = indexOf(s, '>', i + 1, Math.min(n, i + 7));
                if (close > i + 1) {
                    String name = s.substring(i + 1, close);
                    Integer v = NAMES.get(name.toUpperCase(Locale.ROOT));
                    if (v == null) {
                        v = hex(name.startsWith("0x") || name.startsWith("0X") ? name.substring(2) : name);
                    }
                    if (v != null) {
                        out.write(v);
                        i = close;
                        continue;
                    }
                }
            } else if (c == '[' && decimalBrackets) {
                int close = indexOf(s, ']', i + 1, Math.min(n, i + 5));
                if (close > i + 1 && s.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                    int v = Integer.parseInt(s.substring(i + 1, close));
                    if (v < 256) {
                        out.write(v);
                        i = close;
                        continue;
                    }
                }
            }
            out.write(c & 0xff);
        }
        return out.toByteArray();
    }

    /** The index of {@code c} in {@code s[from, to)}, or -1. */
    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static Integer hex(String h) {
        if (h.length() != 2) {
            return null;
        }
        int hi = Character.digit(h.charAt(0), 16);
        int lo = Character.digit(h.charAt(1), 16);
        return hi < 0 || lo < 0 ? null : hi << 4 | lo;
    }

    /** umockdev's caret form: {@code ^@}..{@code ^_} for bytes 0–31, {@code ^`} for the caret. */
    static byte[] umockdev(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '^' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                if (e == '`') {
                    out.write('^');
                } else if (e >= '@' && e <= '_') {
                    out.write(e - 64);
                } else {
                    throw new IllegalArgumentException("column " + i + ": ^" + e
                            + " is no umockdev escape; expected ^@ to ^_ or ^`");
                }
            } else if (c == '^') {
                throw new IllegalArgumentException("column " + (i + 1) + ": a lone ^ at the end; expected ^@ to ^_ or ^`");
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** The umockdev form of bytes: bytes below 32 and the caret escaped, the rest as they are. */
    static String toUmockdev(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length + 8);
        for (byte b : data) {
            int v = b & 0xff;
            if (v < 32) {
                sb.append('^').append((char) (v + 64));
            } else if (v == '^') {
                sb.append("^`");
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    /** chat's form (its {@code character()} function): {@code ^M} for controls, {@code ^?}, {@code M-} for the high bit. */
    static byte[] chat(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            int high = 0;
            if (s.startsWith("M-", i) && i + 2 < s.length()) {
                high = 0x80;
                i += 2;
            }
            char c = s.charAt(i);
            if (c == '^' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (e == '?') {
                    out.write(high | 0x7f);
                    i++;
                    continue;
                }
                if (e >= '@' && e <= '_') {
                    out.write(high | (e - 64));
                    i++;
                    continue;
                }
            }
            out.write(high | (c & 0xff));
        }
        return out.toByteArray();
    }

    /** C escapes: {@code \r \n \t \\ \" \'}, {@code \xHH}, octal {@code \NNN}; others stay as they are. */
    static byte[] c(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.write(c & 0xff);
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'r' -> { out.write('\r'); i++; }
                case 'n' -> { out.write('\n'); i++; }
                case 't' -> { out.write('\t'); i++; }
                case '0', '1', '2', '3' -> {
                    int j = i + 1;
                    int v = 0;
                    while (j < n && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + s.charAt(j) - '0';
                        j++;
                    }
                    out.write(v);
                    i = j - 1;
                }
                case '\\', '"', '\'' -> { out.write(e); i++; }
                case 'x' -> {
                    Integer v = i + 4 <= n ? hex(s.substring(i + 2, i + 4)) : null;
                    if (v != null) {
                        out.write(v);
                        i += 3;
                    } else {
                        out.write('\\');
                    }
                }
                default -> out.write('\\');
            }
        }
        return out.toByteArray();
    }

    /**
     * ModemManager's form ({@code mm-port-serial-at.c} debug log): {@code <CR>}, {@code <LF>}, and
     * {@code \} with the byte in decimal for other unprintable bytes. The decimal has no fixed width,
     * so up to three digits are read while the value stays below 256.
     */
    static byte[] modemManager(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<' && s.startsWith("<CR>", i)) {
                out.write('\r');
                i += 3;
            } else if (c == '<' && s.startsWith("<LF>", i)) {
                out.write('\n');
                i += 3;
            } else if (c == '\\' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                int v = 0;
                while (j < n && j < i + 4 && Character.isDigit(s.charAt(j)) && v * 10 + s.charAt(j) - '0' < 256) {
                    v = v * 10 + s.charAt(j) - '0';
                    j++;
                }
                out.write(v);
                i = j - 1;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }
}
