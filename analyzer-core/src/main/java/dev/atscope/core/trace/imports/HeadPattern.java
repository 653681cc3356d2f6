package dev.atscope.core.trace.imports;

/**
 * What a log prints before the traffic on a line ({@code <- }, {@code [SEND][   3][}, {@code AT TX
 * ( 7): }), with the parts that change from line to line made general: each run of digits matches
 * any run of digits and blanks match any blanks, so {@code [SEND][   3][} and {@code [SEND][  10][}
 * are one head. Matching is a single pass without backtracking.
 */
final class HeadPattern {

    /** Stands for a run of digits in a key. */
    private static final char DIGITS = '\u0001';

    private final String key;
    private final String shown;

    private HeadPattern(String key, String shown) {
        this.key = key;
        this.shown = shown;
    }

    /** The general head of the text before a line's traffic. */
    static HeadPattern of(String head) {
        StringBuilder k = new StringBuilder(head.length());
        StringBuilder shown = new StringBuilder(head.length());
        int n = head.length();
        for (int i = 0; i < n; i++) {
            char c = head.charAt(i);
            if (Character.isWhitespace(c)) {
                if (shown.length() > 0 && shown.charAt(shown.length() - 1) != ' ') {
                    shown.append(' ');
                }
                continue;
            }
            if (c >= '0' && c <= '9') {
                if (i == 0 || !(head.charAt(i - 1) >= '0' && head.charAt(i - 1) <= '9')) {
                    k.append(DIGITS);
                    shown.append('n');
                }
                continue;
            }
            k.append(c);
            shown.append(c);
        }
        return new HeadPattern(k.toString(), shown.toString().strip());
    }

    /** The head as a person reads it: blanks as one space, digits as {@code n}. */
    String shown() {
        return shown;
    }

    /** The head with its general parts, to tell heads apart. */
    String key() {
        return key;
    }

    /** Whether this head has nothing in it (lines whose traffic starts at once). */
    boolean empty() {
        return key.isEmpty();
    }

    /** The number of characters the head must match: longer heads are tried first. */
    int weight() {
        return key.length();
    }

    /**
     * Where the traffic starts when {@code text} begins with this head (blanks after it skipped),
     * or -1 when it does not.
     */
    int match(String text, int from) {
        int i = from;
        int n = text.length();
        for (int k = 0; k < key.length(); k++) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            char c = key.charAt(k);
            if (c == DIGITS) {
                if (!isDigit(text.charAt(i))) {
                    return -1;
                }
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
            } else if (text.charAt(i) == c) {
                i++;
            } else {
                return -1;
            }
        }
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The character that closes what the head opens ({@code ]} for {@code [SEND][3][}), or 0. */
    char closer() {
        if (key.isEmpty()) {
            return 0;
        }
        return switch (key.charAt(key.length() - 1)) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            case '\'' -> '\'';
            case '"' -> '"';
            case '`' -> '`';
            default -> 0;
        };
    }

    /** Whether a user's spelling of a marker ({@code --host-marker}) names this head. */
    boolean named(String marker) {
        HeadPattern m = of(marker);
        return !m.key.isEmpty() && key.contains(m.key);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeadPattern h && h.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return shown;
    }
}
