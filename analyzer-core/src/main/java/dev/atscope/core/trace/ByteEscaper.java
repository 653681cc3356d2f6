package dev.atscope.core.trace;

/**
 * The reversible text form of captured bytes used in trace files: printable ASCII stays as it is,
 * a backslash becomes {@code \\}, CR, LF and TAB become {@code \r}, {@code \n}, {@code \t}, and
 * every other byte becomes {@code \xHH} (two hex digits, either case on reading).
 */
public final class ByteEscaper {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The bytes written as they are: printable ASCII but the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x7f; b++) {
            PLAIN[b] = b != '\\';
        }
    }

    private ByteEscaper() {}

    /** The escaped form of all of {@code data}. */
    public static String escape(byte[] data) {
        return escape(data, 0, data.length);
    }

    /** The escaped form of {@code data[from, to)}. */
    public static String escape(byte[] data, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + 8);
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        sb.append((char) b);
                    } else {
                        sb.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The bytes an escaped text stands for.
     *
     * @throws IllegalArgumentException naming the column of the first bad escape or character
     */
    public static byte[] unescape(CharSequence text) {
        // the hot path of reading a trace: fill a plain array, no per-byte stream calls
        int n = text.length();
        byte[] out = new byte[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException(
                            "column " + (i + 1) + ": a lone backslash at the end; expected \\\\, \\r, \\n, \\t or \\xHH");
                }
                char e = text.charAt(++i);
                switch (e) {
                    case '\\' -> out[len++] = '\\';
                    case 'r' -> out[len++] = '\r';
                    case 'n' -> out[len++] = '\n';
                    case 't' -> out[len++] = '\t';
                    case 'x' -> {
                        int hi = i + 1 < n ? Character.digit(text.charAt(i + 1), 16) : -1;
                        int lo = i + 2 < n ? Character.digit(text.charAt(i + 2), 16) : -1;
                        if (hi < 0 || lo < 0) {
                            throw new IllegalArgumentException(
                                    "column " + i + ": \\x must be followed by two hex digits");
                        }
                        out[len++] = (byte) (hi << 4 | lo);
                        i += 2;
                    }
                    default -> throw new IllegalArgumentException("column " + i + ": unknown escape \\" + e
                            + "; expected \\\\, \\r, \\n, \\t or \\xHH");
                }
            } else if (c >= 0x20 && c < 0x7f) {
                out[len++] = (byte) c;
            } else {
                throw new IllegalArgumentException(String.format(
                        "column %d: character U+%04X must be written as an escape", i + 1, (int) c));
            }
        }
        return len == n ? out : java.util.Arrays.copyOf(out, len);
    }

    /**
     * The bytes that {@code text[from, to)}, one character per byte, stands for: the same as {@link
     * #unescape(CharSequence)} of that text, read straight from a trace file's buffer.
     *
     * @throws IllegalArgumentException naming the column of the first bad escape or character
     */
    static byte[] unescape(byte[] text, int from, int to) {
        int n = to - from;
        byte[] out = new byte[n];
        int len = 0;
        for (int i = from; i < to; i++) {
            // most bytes stand for themselves: copy each run of them in one go
            int run = i;
            while (run < to && PLAIN[text[run] & 0xff]) {
                run++;
            }
            if (run > i) {
                System.arraycopy(text, i, out, len, run - i);
                len += run - i;
                i = run;
                if (i == to) {
                    break;
                }
            }
            int c = text[i] & 0xff;
            if (c != '\\' || i + 1 >= to) {
                throw fault(text, from, to);
            }
            switch (text[++i]) {
                case '\\' -> out[len++] = '\\';
                case 'r' -> out[len++] = '\r';
                case 'n' -> out[len++] = '\n';
                case 't' -> out[len++] = '\t';
                case 'x' -> {
                    int hi = i + 1 < to ? Character.digit(text[i + 1] & 0xff, 16) : -1;
                    int lo = i + 2 < to ? Character.digit(text[i + 2] & 0xff, 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw fault(text, from, to);
                    }
                    out[len++] = (byte) (hi << 4 | lo);
                    i += 2;
                }
                default -> throw fault(text, from, to);
            }
        }
        return len == n ? out : java.util.Arrays.copyOf(out, len);
    }

    /** The exception {@link #unescape(CharSequence)} gives for the same text, with its column. */
    private static IllegalArgumentException fault(byte[] text, int from, int to) {
        try {
            unescape(new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("the text form accepted what the byte form refused");
    }
}
