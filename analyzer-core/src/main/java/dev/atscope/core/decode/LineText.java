package dev.atscope.core.decode;

/** What the bytes of a framed line are: where its {@code AT} starts, whether it is text. */
final class LineText {

    private LineText() {}

    /** The index of the first {@code AT} (any case) in {@code b[from, to)}, or -1. */
    static int indexOfAt(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if ((b[i] | 0x20) == 'a' && (b[i + 1] | 0x20) == 't') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b[from, to)} starts with the ASCII text {@code prefix}, compared byte by byte, nothing made. */
    static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII, tab, or well-formed UTF-8 (operator names, bodies read in line mode). */
    static boolean isText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f || c == '\t') {
                continue;
            }
            if (c < 0xc2 || c > 0xf4) {
                return false;
            }
            int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            for (int k = 1; k <= more; k++) {
                if (i + k >= to || (b[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += more;
        }
        return true;
    }
}
