package dev.atscope.core.decode;

import java.util.ArrayList;
import java.util.List;

/** Splits and unquotes the parameter text of AT commands and information responses. */
public final class AtArguments {

    private AtArguments() {}

    /**
     * Splits at commas outside double quotes; each part keeps its quotes and loses surrounding
     * spaces. An empty text has no parameters; {@code 1,,3} has an empty second one.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(text.substring(start).strip());
        return out;
    }

    /** True when the value is wrapped in double quotes. */
    public static boolean isQuoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
    }

    /** The value without its surrounding double quotes, if it has them. */
    public static String unquote(String value) {
        return isQuoted(value) ? value.substring(1, value.length() - 1) : value;
    }
}
