package dev.atscope.core.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a command line ({@code AT} and what follows, without the CR) into its commands, after
 * V.250 §5.2: basic commands ({@code E0}, {@code &W}, {@code S0=1}, {@code D...}) may follow each
 * other directly; extended commands ({@code +QSSLCFG=...}) are separated by {@code ;}. Spaces
 * outside quotes are tolerated, as most modules do; the checker reports them where a module
 * would not.
 */
public final class CommandLineParser {

    private CommandLineParser() {}

    /** True when the line starts with {@code AT} in either case. */
    public static boolean isCommandLine(CharSequence line) {
        return line.length() >= 2
                && (line.charAt(0) == 'A' || line.charAt(0) == 'a')
                && (line.charAt(1) == 'T' || line.charAt(1) == 't');
    }

    /**
     * The commands of a line that starts with {@code AT}. Text that fits no command form becomes a
     * command whose name is that text, so that nothing is lost and the checker can name it.
     */
    public static List<AtCommand> parse(String line) {
        List<AtCommand> out = new ArrayList<>(1);
        String rest = line.substring(2);
        int n = rest.length();
        int i = skipSpaces(rest, 0);
        if (i >= n) {
            out.add(new AtCommand("AT", CommandForm.EXECUTE, "", ""));
            return out;
        }
        while (i < n) {
            char c = rest.charAt(i);
            int start = i;
            if (c == ';') {
                i = skipSpaces(rest, i + 1);
                continue;
            }
            if (isExtendedPrefix(c)) {
                i = skipSpaces(rest, i + 1);
                int nameStart = i;
                while (i < n && isNameChar(rest.charAt(i))) {
                    i++;
                }
                String name = c + rest.substring(nameStart, i).toUpperCase(Locale.ROOT);
                i = skipSpaces(rest, i);
                int asked = queryForm(rest, start, i, name, out);
                if (asked >= 0) {
                    i = asked;
                } else if (i < n && rest.charAt(i) == '=') {
                    int argStart = i + 1;
                    i = endOfArguments(rest, argStart);
                    out.add(new AtCommand(name, CommandForm.WRITE, rest.substring(argStart, i).strip(),
                            rest.substring(start, i)));
                } else {
                    out.add(new AtCommand(name, CommandForm.EXECUTE, "", rest.substring(start, i)));
                }
                i = skipToNext(rest, i, out);
            } else if (c == 'D' || c == 'd') {
                // the dial string runs to the end of the line (a trailing ';' means a voice call)
                out.add(new AtCommand("D", CommandForm.WRITE, rest.substring(i + 1).strip(), rest.substring(start)));
                i = n;
            } else if ((c == 'S' || c == 's') && i + 1 < n && Character.isDigit(rest.charAt(i + 1))) {
                i++;
                int numStart = i;
                while (i < n && Character.isDigit(rest.charAt(i))) {
                    i++;
                }
                String name = "S" + rest.substring(numStart, i);
                int asked = queryForm(rest, start, i, name, out);
                if (asked >= 0) {
                    i = asked;
                } else if (i < n && rest.charAt(i) == '=') {
                    int argStart = ++i;
                    while (i < n && Character.isDigit(rest.charAt(i))) {
                        i++;
                    }
                    out.add(new AtCommand(name, CommandForm.WRITE, rest.substring(argStart, i),
                            rest.substring(start, i)));
                } else {
                    out.add(new AtCommand(name, CommandForm.EXECUTE, "", rest.substring(start, i)));
                }
            } else if (isAsciiLetter(c) || c == '&') {
                i++;
                String name;
                if (c == '&') {
                    if (i >= n || !isAsciiLetter(rest.charAt(i))) {
                        out.add(unparsed(rest, start));
                        break;
                    }
                    name = "&" + Character.toUpperCase(rest.charAt(i));
                    i++;
                } else {
                    name = String.valueOf(Character.toUpperCase(c));
                }
                int asked = queryForm(rest, start, i, name, out);
                if (asked >= 0) {
                    i = asked;
                } else {
                    boolean eq = i < n && rest.charAt(i) == '=';
                    int numStart = eq ? i + 1 : i;
                    int j = numStart;
                    while (j < n && Character.isDigit(rest.charAt(j))) {
                        j++;
                    }
                    if (j > numStart) {
                        out.add(new AtCommand(name, CommandForm.WRITE, rest.substring(numStart, j),
                                rest.substring(start, j)));
                        i = j;
                    } else {
                        out.add(new AtCommand(name, CommandForm.EXECUTE, "", rest.substring(start, i)));
                    }
                }
                i = skipSpaces(rest, i);
            } else {
                out.add(unparsed(rest, start));
                break;
            }
        }
        if (out.isEmpty()) {
            out.add(new AtCommand("AT", CommandForm.EXECUTE, "", ""));
        }
        return out;
    }

    /** Adds a test ({@code =?}) or read ({@code ?}) form found at {@code i}; returns the index after it, or -1. */
    private static int queryForm(String rest, int start, int i, String name, List<AtCommand> out) {
        if (rest.startsWith("=?", i)) {
            out.add(new AtCommand(name, CommandForm.TEST, "", rest.substring(start, i + 2)));
            return i + 2;
        }
        if (i < rest.length() && rest.charAt(i) == '?') {
            out.add(new AtCommand(name, CommandForm.READ, "", rest.substring(start, i + 1)));
            return i + 1;
        }
        return -1;
    }

    private static AtCommand unparsed(String rest, int start) {
        String text = rest.substring(start);
        return new AtCommand(text.toUpperCase(Locale.ROOT), CommandForm.EXECUTE, "", text);
    }

    private static int skipToNext(String rest, int i, List<AtCommand> out) {
        i = skipSpaces(rest, i);
        if (i < rest.length() && rest.charAt(i) != ';') {
            // text after a complete extended command that is not a separator
            out.add(unparsed(rest, i));
            return rest.length();
        }
        return i;
    }

    private static int endOfArguments(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return s.length();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isExtendedPrefix(char c) {
        return c == '+' || c == '^' || c == '$' || c == '%' || c == '*' || c == '#' || c == '!';
    }

    /** A basic command's name is one letter of A to Z (V.250 §5.2.1); other bytes are not a command. */
    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '/' || c == ':' || c == '%'
                || c == '!' || c == '&';
    }
}
