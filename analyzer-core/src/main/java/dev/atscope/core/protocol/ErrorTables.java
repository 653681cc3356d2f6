package dev.atscope.core.protocol;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The error codes of the libraries ({@code +CME ERROR} and {@code +CMS ERROR}): each code's
 * meaning, which is also its verbose text, its class and where it is documented, the first
 * library (in priority order) winning for a code that several define.
 */
final class ErrorTables {

    private final Map<String, String> cmeErrors = new LinkedHashMap<>();
    /** {@link #cmeErrors}' meanings, normalised once for {@link #cmeCodeOf(String)}. */
    private final Map<String, String> cmeNormalised = new LinkedHashMap<>();
    private final Map<String, String> cmeSections = new HashMap<>();
    /** Each {@code +CME ERROR} code's meaning and class, from the first library that has the code. */
    private final Map<String, Grammar.ErrorSpec> cmeSpecs = new HashMap<>();
    /** The {@code +CMS ERROR} codes (SMS): meaning and class, and where each is documented. */
    private final Map<String, Grammar.ErrorSpec> cmsSpecs = new LinkedHashMap<>();
    private final Map<String, String> cmsNormalised = new LinkedHashMap<>();
    private final Map<String, String> cmsSections = new HashMap<>();
    /** The {@code +CME ERROR} code the module answers in each situation, from the first library that names it. */
    private final Map<String, Integer> cmeWhen = new HashMap<>();

    /** Adds a grammar's codes after those of the libraries before it. */
    void add(Grammar g) {
        for (Map.Entry<String, Grammar.ErrorSpec> e : g.cmeErrors().entrySet()) {
            if (cmeErrors.putIfAbsent(e.getKey(), e.getValue().text()) == null) {
                cmeSpecs.put(e.getKey(), e.getValue());
                cmeNormalised.put(e.getKey(), normalise(e.getValue().text()));
                e.getValue().when().forEach(w -> cmeWhen.putIfAbsent(w, Integer.parseInt(e.getKey())));
                String section = e.getValue().section() != null ? e.getValue().section() : g.cmeSection();
                if (section != null) {
                    cmeSections.put(e.getKey(), section);
                }
            }
        }
        for (Map.Entry<String, Grammar.ErrorSpec> e : g.cmsErrors().entrySet()) {
            if (cmsSpecs.putIfAbsent(e.getKey(), e.getValue()) == null) {
                cmsNormalised.put(e.getKey(), normalise(e.getValue().text()));
                String section = e.getValue().section() != null ? e.getValue().section() : g.cmsSection();
                if (section != null) {
                    cmsSections.put(e.getKey(), section);
                }
            }
        }
    }

    /** The {@code +CME ERROR} code the module answers in a situation ({@link Grammar.ErrorSpec#when}), if a library names one. */
    Optional<Integer> cmeCodeWhen(String situation) {
        return Optional.ofNullable(cmeWhen.get(situation));
    }

    /** The meaning of a {@code +CME ERROR} code, or null when no library knows it. */
    String cmeMeaning(int code) {
        return cmeErrors.get(Integer.toString(code));
    }

    /**
     * The code of a verbose {@code +CME ERROR} text (after AT+CMEE=2), matched without regard to
     * case, spaces or punctuation, and tolerating small wording differences of firmware versions
     * ({@code http response fail} for "HTTP response failed"): an exact match wins, else the longest
     * meaning that one text begins with the other; -1 when no library knows it.
     */
    int cmeCodeOf(String text) {
        return codeOf(cmeNormalised, text);
    }

    private static int codeOf(Map<String, String> normalised, String text) {
        String want = normalise(text);
        if (want.length() < 4) {
            return -1;
        }
        int best = -1;
        int bestLength = 0;
        for (Map.Entry<String, String> e : normalised.entrySet()) {
            String have = e.getValue();
            if (have.equals(want)) {
                return Integer.parseInt(e.getKey());
            }
            boolean near = have.startsWith(want) && want.length() >= 8 || want.startsWith(have) && have.length() >= 8;
            if (near && have.length() > bestLength) {
                best = Integer.parseInt(e.getKey());
                bestLength = have.length();
            }
        }
        return best;
    }

    /** Where the meaning of a {@code +CME ERROR} code is documented, or null. */
    String cmeSection(int code) {
        return cmeSections.get(Integer.toString(code));
    }

    /** The meaning and class of a {@code +CME ERROR} code, if a library knows it. */
    Optional<Grammar.ErrorSpec> cmeError(int code) {
        return Optional.ofNullable(cmeSpecs.get(Integer.toString(code)));
    }

    /** The meaning and class of a {@code +CMS ERROR} code (27.005 3.2.5), if a library knows it. */
    Optional<Grammar.ErrorSpec> cmsError(int code) {
        return Optional.ofNullable(cmsSpecs.get(Integer.toString(code)));
    }

    /** The class of a {@code +CME ERROR} code; {@link ErrorClass#UNKNOWN} when no library classes it. */
    ErrorClass errorClass(int cmeCode) {
        Grammar.ErrorSpec e = cmeSpecs.get(Integer.toString(cmeCode));
        return e == null || e.errorClass() == null ? ErrorClass.UNKNOWN : e.errorClass();
    }

    /**
     * The error a final result stands for: {@code +CME ERROR: 565}, {@code +CMS ERROR: 304}, or
     * their verbose texts after AT+CMEE=2; empty for other results or codes no library knows.
     */
    Optional<KnownError> error(String resultText) {
        String upper = resultText.toUpperCase(Locale.ROOT);
        boolean cms = upper.startsWith("+CMS ERROR:");
        if (!cms && !upper.startsWith("+CME ERROR:")) {
            return Optional.empty();
        }
        String detail = resultText.substring(11).strip();
        int code;
        try {
            code = Integer.parseInt(detail);
        } catch (NumberFormatException e) {
            code = codeOf(cms ? cmsNormalised : cmeNormalised, detail);
        }
        String key = Integer.toString(code);
        Grammar.ErrorSpec spec = (cms ? cmsSpecs : cmeSpecs).get(key);
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownError(cms ? "+CMS ERROR" : "+CME ERROR", code, spec.text(),
                spec.errorClass() == null ? ErrorClass.UNKNOWN : spec.errorClass(),
                (cms ? cmsSections : cmeSections).get(key)));
    }

    private static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
