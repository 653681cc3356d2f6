package dev.atscope.core.protocol;

import dev.atscope.core.decode.UrcKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unsolicited result codes of the libraries, by whole text, prefix or pattern, the first
 * library (in priority order) winning for a line that several describe; the lines that complete a
 * command after its {@code OK} count among them. Matching runs for every module line of a trace,
 * so patterns are prefiltered by their literal beginnings.
 */
final class UrcTable {

    private final Map<String, UrcKind> urcTexts = new HashMap<>();
    private final List<Map.Entry<String, UrcKind>> urcPrefixes = new ArrayList<>();
    private final List<Map.Entry<Pattern, UrcKind>> urcPatterns = new ArrayList<>();
    private final Map<String, Grammar.UrcSpec> urcSpecs = new LinkedHashMap<>();

    /** Adds a grammar's URCs after those of the libraries before it. */
    void add(Grammar g) {
        addCompletionUrcs(g); // before the library's URCs, so that a line names its command rather than a general prefix
        for (Grammar.UrcSpec u : g.urcs()) {
            UrcKind kind = urcKind(u);
            if (u.text() != null) {
                urcTexts.putIfAbsent(u.text(), kind);
                urcSpecs.putIfAbsent(u.text(), u);
            }
            if (u.prefix() != null) {
                urcPrefixes.add(Map.entry(u.prefix(), kind));
                urcSpecs.putIfAbsent(u.prefix(), u);
            }
            if (u.pattern() != null) {
                urcPatterns.add(Map.entry(Pattern.compile(u.pattern()), kind));
                urcSpecs.putIfAbsent(u.pattern(), u);
            }
        }
    }

    /** Completion prefixes are unsolicited lines to the decoder: they come after the command's result. */
    private void addCompletionUrcs(Grammar g) {
        for (Grammar.CommandSpec c : g.commands()) {
            for (Grammar.FormSpec f : c.forms().values()) {
                Grammar.CompletionSpec done = f.completion();
                if (done != null && !urcSpecs.containsKey(done.prefix())) {
                    urcPrefixes.add(Map.entry(done.prefix(), UrcKind.REPORT));
                    urcSpecs.put(done.prefix(), new Grammar.UrcSpec(null, done.prefix(), null, "report",
                            "completes AT" + c.name() + ": its outcome after the OK"));
                }
            }
        }
    }

    /** The URC definition that matches a line, if any. */
    Optional<Grammar.UrcSpec> urc(String line) {
        String l = line.stripTrailing();
        if (urcSpecs.containsKey(l) && urcTexts.containsKey(l)) {
            return Optional.of(urcSpecs.get(l));
        }
        for (Map.Entry<String, UrcKind> p : urcPrefixes) {
            if (l.startsWith(p.getKey())) {
                return Optional.of(urcSpecs.get(p.getKey()));
            }
        }
        for (Map.Entry<Pattern, UrcKind> p : urcPatterns) {
            if (p.getKey().matcher(l).matches()) {
                return Optional.of(urcSpecs.get(p.getKey().pattern()));
            }
        }
        return Optional.empty();
    }

    /**
     * The kind of a module line that is a known URC, or null. Every module line of a trace is asked
     * about, and a trace repeats its lines ({@code OK}, {@code +CSQ: 24,0}): the answers for recent
     * short lines are remembered, by the line's hash.
     */
    UrcKind urcKind(String line) {
        if (line.length() > KNOWN_LENGTH) {
            return findKind(line);
        }
        // two slots a hash, the newest first
        int slot = line.hashCode() & (KNOWN - 2);
        for (int i = slot; i < slot + 2; i++) {
            KnownLine k = known[i];
            if (k != null && k.line().equals(line)) {
                return k.kind();
            }
        }
        KnownLine k = new KnownLine(line, findKind(line));
        known[slot + 1] = known[slot];
        known[slot] = k;
        return k.kind();
    }

    /** Lines whose kind is remembered ({@link #urcKind}); a power of two. */
    private static final int KNOWN = 512;
    /** Lines longer than this are matched afresh each time. */
    private static final int KNOWN_LENGTH = 128;
    private final KnownLine[] known = new KnownLine[KNOWN];

    /** A line and its URC kind, null when it is none; immutable, so that threads may share the table. */
    private record KnownLine(String line, UrcKind kind) {}

    private UrcKind findKind(String line) {
        UrcKind k = urcTexts.get(line);
        if (k != null) {
            return k;
        }
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        for (Map.Entry<String, UrcKind> p : urcPrefixes) {
            String prefix = p.getKey();
            if (prefix.charAt(0) == first && line.startsWith(prefix)) {
                return p.getValue();
            }
        }
        if (!urcPatterns.isEmpty()) {
            String l = line.stripTrailing();
            k = urcTexts.get(l);
            if (k != null) {
                return k;
            }
            for (UrcPattern p : urcPatternFilters()) {
                if (p.mayMatch(l) && p.pattern().matcher(l).matches()) {
                    return p.kind();
                }
            }
        }
        return null;
    }

    /**
     * A URC pattern with the literal texts that every line it matches begins with, so that most
     * lines (which are not URCs) are turned away without a regex match: matching was the largest
     * cost of the decoder's module side.
     *
     * @param prefixes the texts, or null when the pattern does not begin with plain literals
     */
    private record UrcPattern(Pattern pattern, UrcKind kind, List<String> prefixes) {
        boolean mayMatch(String line) {
            if (prefixes == null) {
                return true;
            }
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@link #urcPatterns} with their prefixes, computed on first use (the registry is immutable after that). */
    private volatile List<UrcPattern> urcPatternFilters;

    private List<UrcPattern> urcPatternFilters() {
        List<UrcPattern> f = urcPatternFilters;
        if (f == null) {
            List<UrcPattern> list = new ArrayList<>();
            for (Map.Entry<Pattern, UrcKind> p : urcPatterns) {
                list.add(new UrcPattern(p.getKey(), p.getValue(), literalPrefixes(p.getKey())));
            }
            f = List.copyOf(list);
            urcPatternFilters = f;
        }
        return f;
    }

    /**
     * The texts that every string the pattern matches as a whole begins with, from the pattern's
     * leading plain characters and groups of plain alternatives ({@code (UNDER|OVER)[_-]VOLTAGE}
     * gives {@code UNDER} and {@code OVER}); null when the pattern does not start that way or has a
     * top-level alternative, flags or quoting that would make the reading unsafe.
     */
    static List<String> literalPrefixes(Pattern pattern) {
        String re = pattern.pattern();
        if (pattern.flags() != 0 || re.contains("\\Q") || hasTopLevelBar(re)) {
            return null;
        }
        List<String> prefixes = List.of("");
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            List<String> alternatives;
            int next;
            if (isPlain(c)) {
                alternatives = List.of(String.valueOf(c));
                next = i + 1;
            } else if (c == '(' && i + 1 < re.length() && re.charAt(i + 1) != '?') {
                int close = re.indexOf(')', i);
                if (close < 0) {
                    break;
                }
                alternatives = List.of(re.substring(i + 1, close).split("\\|", -1));
                boolean plain = true;
                for (String a : alternatives) {
                    plain &= !a.isEmpty() && a.chars().allMatch(ch -> isPlain((char) ch));
                }
                if (!plain) {
                    break;
                }
                next = close + 1;
            } else {
                break;
            }
            char after = next < re.length() ? re.charAt(next) : 0;
            if (after == '?' || after == '*' || after == '{') {
                break; // the atom may be absent
            }
            List<String> longer = new ArrayList<>();
            for (String p : prefixes) {
                for (String a : alternatives) {
                    longer.add(p + a);
                }
            }
            prefixes = longer;
            if (after == '+') {
                break; // present at least once; what follows may be a repetition of it
            }
            i = next;
        }
        return prefixes.contains("") ? null : List.copyOf(prefixes);
    }

    /** Characters that stand for themselves outside a character class. */
    private static boolean isPlain(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || " _-:,!\"'=/@#%&<>;~`".indexOf(c) >= 0;
    }

    /** Whether a {@code |} outside any group or class makes the whole pattern a choice (or the pattern is unreadable). */
    private static boolean hasTopLevelBar(String re) {
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(re, i);
                if (i < 0) {
                    return true;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the {@code ]} that closes the class opened at {@code open} (classes nest), or -1. */
    private static int classEnd(String re, int open) {
        int j = open + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++; // a ']' first in a class is a plain character
        }
        int depth = 1;
        for (; j < re.length(); j++) {
            char c = re.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static UrcKind urcKind(Grammar.UrcSpec u) {
        if (u.kind() == null) {
            return UrcKind.REPORT;
        }
        return switch (u.kind()) {
            case "restart" -> UrcKind.RESTART;
            case "power-down" -> UrcKind.POWER_DOWN;
            case "report" -> UrcKind.REPORT;
            default -> throw new IllegalArgumentException("URC kind '" + u.kind()
                    + "'; expected restart, power-down or report");
        };
    }
}
