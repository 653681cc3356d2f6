package dev.atscope.core.trace.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a piece of text is as AT traffic, judged from its first characters alone (every test looks
 * at a bounded number of them): a command line, a final result, an information line or URC, the
 * {@code >} prompt, or other text. The learner of text layouts uses it to find where the traffic
 * starts on a line and which marker's lines are commands and which are results.
 */
final class AtText {

    /** What a line is. */
    enum Kind {
        /** {@code AT...}: a command line, or its echo. */
        COMMAND,
        /** A final result code: {@code OK}, {@code ERROR}, {@code +CME ERROR: n}, {@code NO CARRIER}. */
        RESULT,
        /** An information response or URC in the usual shape: {@code +CSQ: 20,99}, {@code ^SYSSTART}. */
        INFORMATION,
        /** The prompt for data: {@code >}. */
        PROMPT,
        /** Anything else: bare answers ({@code Quectel}), bodies, prints of the host program. */
        OTHER;

        /** Whether a line of this kind can only be AT traffic (not a host program's print). */
        boolean traffic() {
            return this != OTHER;
        }
    }

    /**
     * V.250's result codes that end a command or lead into data mode ({@code OK}, {@code CONNECT},
     * {@code NO CARRIER}), read from the V.250 grammar: the results every AT dialect shares, known
     * whatever response model a reader was given. A model adds the commands' own ({@code SEND OK}).
     */
    static final Set<String> V250_RESULTS = v250Results();

    /** Words that start a module's line in the usual URC shapes without a colon. */
    private static final String[] URC_WORDS = {"RDY", "RING", "Call Ready", "SMS Ready", "NORMAL POWER DOWN",
        "POWERED DOWN", "+PDP DEACT", "^SYSSTART", "+CPIN: READY", "APP RDY"};

    private AtText() {}

    /** The V.250 grammar, where the result codes are defined (the basic protocol library's table). */
    private static final String V250_GRAMMAR = "/dev/atscope/core/protocol/basic/v250.json";

    private static Set<String> v250Results() {
        try (InputStream in = AtText.class.getResourceAsStream(V250_GRAMMAR)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the V.250 grammar " + V250_GRAMMAR + " is not on the class path"));
            }
            Set<String> texts = new LinkedHashSet<>();
            for (JsonNode code : new ObjectMapper().readTree(in).path("resultCodes")) {
                if (!"unsolicited".equals(code.path("kind").asText())) {
                    texts.add(code.path("text").asText());
                }
            }
            return Set.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("the V.250 grammar " + V250_GRAMMAR + ": " + e.getMessage(), e);
        }
    }

    /** The kind of a line of text, its blanks already stripped, knowing V.250's results. */
    static Kind kind(String s) {
        return kind(s, V250_RESULTS);
    }

    /** The kind of a line of text, its blanks already stripped, knowing these results ({@link #results}). */
    static Kind kind(String s, Set<String> results) {
        if (s.isEmpty()) {
            return Kind.OTHER;
        }
        if (isCommand(s, 0)) {
            return Kind.COMMAND;
        }
        if (resultLength(s, 0, results) > 0) {
            return Kind.RESULT;
        }
        if (informationLength(s, 0) > 0 || urcWord(s, 0) > 0) {
            return Kind.INFORMATION;
        }
        if (s.equals(">") || s.startsWith("> ") && s.length() == 2) {
            return Kind.PROMPT;
        }
        return Kind.OTHER;
    }

    /**
     * Whether {@code AT} starts a command line at {@code i}: {@code AT} alone, or followed by an
     * extended command ({@code +CSQ}, {@code &F}, {@code ^SYSINFO}, {@code #XPING}, {@code %CMD},
     * {@code $QCPWD}, {@code *CNTI}, {@code \Q3}), or by basic commands ({@code E0}, {@code I},
     * {@code D*99#}, {@code S0=1}, {@code Q0V1E0}). English words ({@code ATTENTION}, {@code at the})
     * are not commands.
     */
    static boolean isCommand(String s, int i) {
        int n = s.length();
        if (i + 2 > n || (s.charAt(i) | 0x20) != 'a' || (s.charAt(i + 1) | 0x20) != 't') {
            return false;
        }
        boolean upper = s.charAt(i) == 'A';
        if (upper != (s.charAt(i + 1) == 'T')) {
            return false; // "At" and "aT" are words, not commands
        }
        int j = i + 2;
        if (j >= n) {
            return true;
        }
        char c = s.charAt(j);
        if ("+&^#%$*\\!".indexOf(c) >= 0) {
            return j + 1 < n && (Character.isLetterOrDigit(s.charAt(j + 1)) || s.charAt(j + 1) == '&') || c == '&';
        }
        if (c == ' ' || c == '\t') {
            int k = j;
            while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                k++;
            }
            return k >= n || s.charAt(k) == '+' && k + 1 < n && Character.isLetter(s.charAt(k + 1));
        }
        if (!Character.isLetter(c)) {
            return false;
        }
        // basic commands: a letter, then digits, '=', '?' or another command; a run of three
        // letters is a word (ATTENTION, ATLAS), a dial string aside
        if ((c | 0x20) == 'd') {
            return true;
        }
        int letters = 0;
        for (int k = j; k < n && k < j + 4; k++) {
            char d = s.charAt(k);
            if (!Character.isLetter(d)) {
                break;
            }
            letters++;
        }
        if (letters >= 3) {
            return false;
        }
        // in lower case only a whole short line reads as a command ("ati"), not a word in a sentence
        return upper || j + letters >= n || !Character.isLetter(s.charAt(j + letters)) && s.charAt(j + letters) != ' ';
    }

    /** V.250's results and the model's, for the readers that were given a model. */
    static Set<String> results(dev.atscope.core.decode.ResponseModel model) {
        Set<String> more = model.finalTexts();
        if (more.isEmpty() || more.containsAll(V250_RESULTS)) {
            return more.isEmpty() ? V250_RESULTS : more;
        }
        Set<String> all = new LinkedHashSet<>(V250_RESULTS);
        all.addAll(more);
        return Set.copyOf(all);
    }

    /** The length of a V.250 final result at {@code i} that ends there, or 0. */
    static int resultLength(String s, int i) {
        return resultLength(s, i, V250_RESULTS);
    }

    /**
     * Where a command line starts right after a final result at the start of the text, glued
     * without a break ({@code SEND OKAT+QIRD=0}), or 0.
     */
    static int gluedCommand(String s, Set<String> results) {
        int best = 0;
        for (String r : results) {
            if (r.length() > best && s.startsWith(r) && isCommand(s, r.length())) {
                best = r.length();
            }
        }
        return best;
    }

    /** The length of a final result at {@code i} that ends there (at the end, a blank or a non-word character), or 0. */
    static int resultLength(String s, int i, Set<String> results) {
        int best = 0;
        for (String r : results) {
            if (r.length() > best && s.startsWith(r, i) && ends(s, i + r.length())) {
                best = r.length(); // the longest: "SEND OK", not "OK" alone; "CONNECT 115200" is CONNECT
            }
        }
        if (best == 0 && (s.startsWith("+CME ERROR", i) || s.startsWith("+CMS ERROR", i))) {
            return 10;
        }
        return best;
    }

    /** The length of an information line's prefix at {@code i} ({@code +CSQ:}, {@code ^SYSINFO:}), or 0. */
    static int informationLength(String s, int i) {
        int n = s.length();
        if (i >= n || "+^#$%*".indexOf(s.charAt(i)) < 0) {
            return 0;
        }
        int j = i + 1;
        while (j < n && j < i + 20 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1 || !Character.isLetter(s.charAt(i + 1))) {
            return 0;
        }
        return j < n && s.charAt(j) == ':' ? j + 1 - i : 0;
    }

    /** The length of a well-known URC word at {@code i} ({@code RDY}, {@code Call Ready}), or 0. */
    static int urcWord(String s, int i) {
        for (String w : URC_WORDS) {
            if (s.startsWith(w, i) && ends(s, i + w.length())) {
                return w.length();
            }
        }
        return 0;
    }

    /**
     * Whether a result word ending at {@code j} ends there: at the end of the text, a blank, an
     * escape ({@code <CR>}, {@code \\r}, {@code ^M}, {@code [0D]}) or a closing wrapper; not at
     * punctuation of a sentence ({@code ERROR! 866}, {@code OK.}).
     */
    private static boolean ends(String s, int j) {
        return j >= s.length() || Character.isWhitespace(s.charAt(j)) || "<\\^[]'\")*`(".indexOf(s.charAt(j)) >= 0;
    }

    /**
     * Where AT traffic starts on a line, from {@code from}: the first place, at the start or after a
     * character that is no letter or digit, where a command line, a final result or an information
     * line begins, escapes of line ends before it ({@code \r\n}, {@code <CR><LF>}) counting as part
     * of it; -1 when there is none. Each place costs a bounded number of characters.
     */
    static int anchor(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (i > from && Character.isLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            int j = skipLineEndEscapes(s, i);
            if (j < n && (isCommand(s, j) || resultLength(s, j) > 0 || informationLength(s, j) > 0)) {
                return i;
            }
        }
        return -1;
    }

    /** Past the escaped line ends at {@code i} ({@code \r\n}, {@code <CR><LF>}, {@code <cr><ln>}, {@code ^M^J}, {@code [0D]}); at most eight. */
    static int skipLineEndEscapes(String s, int i) {
        int n = s.length();
        for (int k = 0; k < 8 && i < n; k++) {
            int len = lineEndEscape(s, i);
            if (len == 0) {
                break;
            }
            i += len;
        }
        return i;
    }

    private static int lineEndEscape(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'r' || s.charAt(i + 1) == 'n')) {
            return 2;
        }
        if (c == '\\' && (s.regionMatches(true, i, "\\x0d", 0, 4) || s.regionMatches(true, i, "\\x0a", 0, 4))) {
            return 4;
        }
        if (c == '<' && (s.regionMatches(true, i, "<CR>", 0, 4) || s.regionMatches(true, i, "<LF>", 0, 4)
                || s.regionMatches(true, i, "<LN>", 0, 4))) {
            return 4;
        }
        if (c == '^' && i + 1 < s.length() && (s.charAt(i + 1) == 'M' || s.charAt(i + 1) == 'J')) {
            return 2;
        }
        if (c == '[' && (s.regionMatches(true, i, "[0D]", 0, 4) || s.regionMatches(true, i, "[0A]", 0, 4))) {
            return 4;
        }
        return 0;
    }
}
