package dev.atscope.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a parameter's value means by its grammar: its value table, each item of a list, or its file storage's names. */
final class ValueTables {

    private ValueTables() {}

    /** What a value of a parameter means, from its value table (each item of a list) or its file storage; or null. */
    static String meaning(Grammar.ParamSpec p, String value, Map<String, Grammar.StorageSpec> storages) {
        if (value.isEmpty()) {
            return null;
        }
        if ("file".equals(p.type())) {
            int colon = value.indexOf(':');
            if (colon > 0) {
                Grammar.StorageSpec st = storages.get(value.substring(0, colon).toUpperCase(Locale.ROOT));
                if (st != null) {
                    return st.names().get(value.substring(colon + 1));
                }
            }
            return null;
        }
        if (p.or() != null && valueMeaning(p, value) == null) {
            String m = meaning(p.or(), value, storages);
            if (m != null) {
                return m;
            }
        }
        if (p.values().isEmpty()) {
            return null;
        }
        if (p.list() != null && value.contains(p.list())) {
            StringBuilder sb = new StringBuilder();
            for (String item : items(p, value)) {
                String m = valueMeaning(p, item);
                if (m == null) {
                    return null;
                }
                sb.append(sb.length() == 0 ? "" : ", ").append(m);
            }
            return sb.toString();
        }
        return valueMeaning(p, value);
    }

    /** The items of a value: split at the parameter's list separator when it has one, each stripped. */
    static List<String> items(Grammar.ParamSpec p, String value) {
        if (p.list() == null || !value.contains(p.list())) {
            return List.of(value);
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = value.indexOf(p.list(), from)) >= 0) {
            out.add(value.substring(from, at).strip());
            from = at + p.list().length();
        }
        out.add(value.substring(from).strip());
        return out;
    }

    /** The meaning of one value in a parameter's table (hexadecimal and string values without regard to case), or null. */
    static String valueMeaning(Grammar.ParamSpec p, String value) {
        String m = p.values().get(value);
        if (m == null && ("hex".equals(p.type()) || "string".equals(p.type()))) {
            for (Map.Entry<String, String> e : p.values().entrySet()) {
                if (e.getKey().equalsIgnoreCase(value)) {
                    return e.getValue();
                }
            }
        }
        return m;
    }
}
