package dev.atscope.core.trace.imports;

/**
 * What pasting a log into an issue or a ticket adds to its lines, and lines that are no traffic in
 * any layout: markdown fences and emphasis ({@code **AT+QICLOSE=0**}), comments and harness
 * headers ({@code ### AT+CGMI   [804 ms]}, {@code // retry}), separators ({@code ---}), and the
 * debug prints of host libraries that start with {@code ###} after their millisecond count
 * ({@code [8972] ### Unhandled: RDY}).
 */
final class Pastes {

    private Pastes() {}

    /** Whether a line, its blanks and stamp already taken off, is a comment, a fence, a header or a separator. */
    static boolean isComment(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (s.startsWith("```") || s.startsWith("~~~") || s.startsWith("//")) {
            return true;
        }
        int i = 0;
        if (s.charAt(0) == '[') {
            // a library's debug print: "[8972] ### ..."
            int j = 1;
            while (j < s.length() && j < 14 && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j > 1 && j < s.length() && s.charAt(j) == ']') {
                i = j + 1;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                if (i >= s.length() || s.charAt(i) != '#') {
                    return false;
                }
            }
        }
        if (s.charAt(i) == '#') {
            return AtText.informationLength(s, i) == 0; // "#XSOCKET: 1" is an answer
        }
        return separator(s);
    }

    /**
     * Where a library's debug print ({@code [6036] ### ...}) starts inside a line after other text
     * (the two glued because the print came before the line's end), or 0.
     */
    static int gluedPrint(String s) {
        for (int at = s.indexOf("] #"); at > 0; at = s.indexOf("] #", at + 3)) {
            int open = at - 1;
            while (open >= 0 && open > at - 14 && Character.isDigit(s.charAt(open))) {
                open--;
            }
            if (open > 0 && open < at - 1 && s.charAt(open) == '[') {
                return open;
            }
        }
        return 0;
    }

    /**
     * The items of a list a program printed the lines it read as ({@code ['+CFUN: 1', 'OK']}),
     * when the head before it opens one ({@code response: ['}); else null. Each item keeps its
     * escapes ({@code AT\\r}).
     */
    static java.util.List<String> listItems(String head, String payload) {
        if (!head.endsWith("['") && !head.endsWith("[\"")) {
            return null;
        }
        char q = head.charAt(head.length() - 1);
        String items = payload.stripTrailing();
        if (items.endsWith(q + "]")) {
            items = items.substring(0, items.length() - 2);
        }
        return java.util.List.of(items.split(q + ", " + q, -1));
    }

    /** A line of one repeated rule character: {@code ---}, {@code ====}, {@code ****}. */
    private static boolean separator(String s) {
        if (s.length() < 3 || "-=*_~".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0) && s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The line without markdown emphasis or code marks around all of it ({@code **OK**}, {@code `AT`}). */
    static String unwrap(String line) {
        String s = line;
        // an inline code mark opened on the first line of a paste and closed on its last
        if (s.startsWith("`") && !s.startsWith("``") && s.indexOf('`', 1) < 0) {
            s = s.substring(1);
        } else if (s.endsWith("`") && !s.endsWith("``") && s.indexOf('`') == s.length() - 1) {
            s = s.substring(0, s.length() - 1);
        }
        for (String mark : new String[] {"**", "__", "`"}) {
            String t = s.strip();
            if (t.length() > 2 * mark.length() && t.startsWith(mark) && t.endsWith(mark)) {
                s = t.substring(mark.length(), t.length() - mark.length());
            }
        }
        return s;
    }
}
