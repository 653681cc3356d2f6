package dev.atscope.core.protocol;

import dev.atscope.core.decode.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The V.250 result codes of the libraries (the basic library's table): text, digit, kind and outcome. */
final class ResultCodes {

    /** The V.250 result codes by verbose text, the first library's row for each. */
    private final Map<String, Grammar.ResultCodeSpec> resultCodes = new LinkedHashMap<>();
    /** {@link #followedCodes()}, made on first use (after every grammar is added). */
    private volatile List<Grammar.ResultCodeSpec> followedCodes;

    /** Adds a grammar's result codes after those of the libraries before it. */
    void add(Grammar g) {
        for (Grammar.ResultCodeSpec r : g.resultCodes()) {
            resultCodes.putIfAbsent(r.text(), r);
        }
    }

    /** The V.250 result codes of the libraries, by verbose text ({@code OK}, {@code NO CARRIER}). */
    Map<String, Grammar.ResultCodeSpec> resultCodes() {
        return java.util.Collections.unmodifiableMap(resultCodes);
    }

    /**
     * The result code a module line is in verbose form ({@code NO CARRIER}, {@code CONNECT 9600}),
     * or, with {@code numeric} (after ATV0), in numeric form ({@code 3}); empty when it is none.
     */
    Optional<Grammar.ResultCodeSpec> resultCode(String line, boolean numeric) {
        return Optional.ofNullable(numeric ? numericCode(line) : verboseCode(line));
    }

    Outcome resultOutcome(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = code(line, numeric);
        if (r == null || r.outcome() == null || "unsolicited".equals(r.kind())) {
            return null;
        }
        return "error".equals(r.outcome()) ? Outcome.ERROR : Outcome.OK;
    }

    boolean connect(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = code(line, numeric);
        return r != null && "intermediate".equals(r.kind());
    }

    /** The result code a line is, verbose always and by its digit when numeric: read for every module line, so without allocating. */
    private Grammar.ResultCodeSpec code(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = verboseCode(line);
        return r == null && numeric ? numericCode(line) : r;
    }

    private Grammar.ResultCodeSpec verboseCode(String line) {
        Grammar.ResultCodeSpec r = resultCodes.get(line);
        if (r != null) {
            return r;
        }
        // a code that text may follow, as the line's first word ({@code CONNECT 9600}): without a substring
        for (Grammar.ResultCodeSpec c : followedCodes()) {
            int n = c.text().length();
            if (line.length() > n && line.charAt(n) == ' ' && line.startsWith(c.text())) {
                return c;
            }
        }
        return null;
    }

    /** The codes text may follow that can be a line's first word (one word), made once. */
    private List<Grammar.ResultCodeSpec> followedCodes() {
        List<Grammar.ResultCodeSpec> f = followedCodes;
        if (f == null) {
            List<Grammar.ResultCodeSpec> list = new ArrayList<>();
            for (Grammar.ResultCodeSpec c : resultCodes.values()) {
                if (c.textMayFollow() && !c.text().isEmpty() && c.text().indexOf(' ') < 0) {
                    list.add(c);
                }
            }
            f = List.copyOf(list);
            followedCodes = f;
        }
        return f;
    }

    private Grammar.ResultCodeSpec numericCode(String line) {
        if (line.length() <= 2) {
            for (Grammar.ResultCodeSpec c : resultCodes.values()) {
                if (line.equals(Integer.toString(c.digit()))) {
                    return c;
                }
            }
        }
        return null;
    }
}
