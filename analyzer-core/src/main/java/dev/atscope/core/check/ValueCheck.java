package dev.atscope.core.check;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * One value against its parameter in the grammar, for {@link CommandValidator}: type, value table
 * and range, with the words a field engineer reads when it does not fit.
 */
final class ValueCheck {

    /** What is wrong with one value: the rule it breaks and why. */
    record Problem(String rule, String message) {}

    private ValueCheck() {}

    /**
     * Type, value table and range; {@code strict} false for the module's answers, whose strings may
     * lack quotes. A value that fails but fits the parameter's other form ({@code or}) passes; when it
     * fits neither, the problem named is that of the form its quoting points to.
     */
    static Problem basic(Grammar.ParamSpec p, String raw, boolean strict) {
        Problem pr = basicOne(p, raw, strict);
        if (pr == null || p.or() == null) {
            return pr;
        }
        Problem alt = basicOne(p.or(), raw, strict);
        if (alt == null) {
            return null;
        }
        boolean quotedType = "string".equals(p.type()) || "file".equals(p.type());
        return AtArguments.isQuoted(raw) == quotedType ? pr : alt;
    }

    private static Problem basicOne(Grammar.ParamSpec p, String raw, boolean strict) {
        if (raw.isEmpty()) {
            return p.optional() ? null : new Problem("param.missing", "missing; expected " + expected(p));
        }
        String type = p.type() == null ? "string" : p.type();
        switch (type) {
            case "string", "file" -> {
                if (strict && !AtArguments.isQuoted(raw)) {
                    return new Problem("param.type", raw + " is not a quoted string; expected \"...\"");
                }
                if (!p.values().isEmpty() && ProtocolRegistry.valueMeaning(p, AtArguments.unquote(raw)) == null) {
                    return new Problem("param.value", raw + " is not one of " + describe(p));
                }
                return null;
            }
            case "hex" -> {
                String v = AtArguments.unquote(raw);
                for (String item : ProtocolRegistry.items(p, v)) {
                    if (!p.values().isEmpty()) {
                        if (ProtocolRegistry.valueMeaning(p, item) == null) {
                            return new Problem("param.value", item + " is not one of "
                                    + String.join(", ", p.values().keySet()));
                        }
                    } else if (!isHex(item)) {
                        return new Problem("param.type", item + " is not a hexadecimal number");
                    }
                }
                return null;
            }
            case "integer", "enum" -> {
                if (strict && AtArguments.isQuoted(raw)) {
                    return new Problem("param.type", raw + " is quoted; expected a number, " + expected(p));
                }
                String v = AtArguments.unquote(raw);
                if (!p.values().isEmpty() && (p.min() == null || p.max() == null)) {
                    // an enumeration; with a range as well, the table only gives meanings
                    if (!p.values().containsKey(v)) {
                        return new Problem("param.value", v + " is not one of " + describe(p));
                    }
                    return null;
                }
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return new Problem("param.type", v + " is not a whole number; expected " + expected(p));
                }
                if (p.min() != null && n < p.min() || p.max() != null && n > p.max()) {
                    return new Problem("param.range", n + " is out of range; expected " + expected(p));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isHex(String v) {
        int i = v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X') ? 2 : 0;
        if (i >= v.length()) {
            return false;
        }
        for (; i < v.length(); i++) {
            if (Character.digit(v.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static String expected(Grammar.ParamSpec p) {
        if (!p.values().isEmpty()) {
            return "one of " + describe(p);
        }
        if (p.min() != null && p.max() != null) {
            return p.min() + "-" + p.max();
        }
        return p.type();
    }

    private static String describe(Grammar.ParamSpec p) {
        List<String> out = new ArrayList<>();
        p.values().forEach((k, v) -> out.add(k + " (" + v + ")"));
        return String.join(", ", out);
    }
}
