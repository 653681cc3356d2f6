package dev.atscope.cli;

/**
 * Text from outside (file names, a user's words) made safe to print on a terminal: control
 * characters, which could move the cursor, change colours or retitle the window, are shown as
 * escapes ({@code \e}, {@code \x07}) instead of being sent.
 */
final class TerminalText {

    private TerminalText() {}

    /** The text with every control character escaped; the same string when there is none. */
    static String safe(String s) {
        int i = 0;
        while (i < s.length() && !control(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x1b) {
                sb.append("\\e");
            } else if (control(c)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean control(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }
}
