package dev.atscope.core.index;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.flexible.core.nodes.FieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QuotedFieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.processors.QueryNodeProcessorImpl;
import org.apache.lucene.queryparser.flexible.core.util.UnescapedCharSequence;
import org.apache.lucene.queryparser.flexible.standard.nodes.TermRangeQueryNode;

/**
 * Reads a user's query as the user meant it, before Lucene's own processing: a bare AT command
 * name is a {@code command:} term, wildcards match regardless of case like everything else, a word
 * after {@code error:} searches the error's meaning, a date alone means that day and a range that
 * ends on a date includes that day. What likely finds nothing (a field no document has, a value a
 * closed field never takes) becomes a warning naming the nearest valid ones. Not thread-safe: one
 * query at a time, then {@link #warnings()}.
 */
final class SearchQueryProcessor extends QueryNodeProcessorImpl {

    /** {@code field:+NAME}: Lucene takes the plus for an operator; here it belongs to the command name. */
    private static final Pattern PLUS_AFTER_FIELD = Pattern.compile(":\\+(?=[A-Za-z])");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /**
     * What the index holds.
     *
     * @param fields every field a query can name
     * @param closed the fields whose values form a closed set, with the values
     * @param commands the command names in the index, lower-case, without {@code +}
     */
    record Vocabulary(Set<String> fields, Map<String, Set<String>> closed, Set<String> commands) {}

    private final Vocabulary vocabulary;
    private final List<String> warnings = new ArrayList<>();
    private boolean namesType;

    SearchQueryProcessor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The query with the plus of {@code command:+QHTTPGET} escaped, ready for the syntax parser. */
    static String escapePlus(String query) {
        return PLUS_AFTER_FIELD.matcher(query).replaceAll(":\\\\+");
    }

    /** Forgets the last query's warnings. */
    void reset() {
        warnings.clear();
        namesType = false;
    }

    /** What the last query likely got wrong. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether the last query named the {@code type} field itself. */
    boolean namedType() {
        return namesType;
    }

    @Override
    protected QueryNode preProcessNode(QueryNode node) {
        if (node instanceof TermRangeQueryNode range) {
            return range(range);
        }
        if (node instanceof FieldQueryNode f && !(node.getParent() instanceof TermRangeQueryNode)) {
            return term(f);
        }
        return node;
    }

    private QueryNode range(TermRangeQueryNode range) {
        String field = range.getField().toString();
        known(field);
        FieldQueryNode upper = range.getUpperBound();
        if (field.equals(IndexFields.TIME) && range.isUpperInclusive() && date(upper.getTextAsString()) != null) {
            // a range that ends on a date includes that day
            upper.setText(upper.getTextAsString() + "T23:59:59.999Z");
        }
        return range;
    }

    private QueryNode term(FieldQueryNode f) {
        String field = f.getFieldAsString();
        String text = f.getTextAsString();
        boolean quoted = f instanceof QuotedFieldQueryNode;
        boolean wildcard = !quoted && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
        if (wildcard && !field.equals(IndexFields.FILE) && !field.equals(IndexFields.KEY)) {
            // everything else is indexed in lower case; Lucene does not analyse wildcard terms
            f.setText(UnescapedCharSequence.toLowerCase(f.getText(), Locale.ROOT));
            text = f.getTextAsString();
        }
        if (field.equals(IndexFields.RAW)) {
            String name = commandName(text);
            if (!quoted && !wildcard && vocabulary.commands().contains(name)) {
                f.setField(IndexFields.COMMAND); // a bare command name: QHTTPGET, qhttpget, +QHTTPGET
                f.setText(name);
            }
            return f;
        }
        known(field);
        if (field.equals(IndexFields.ERROR) && !NUMBER.matcher(text).matches() && !wildcard) {
            f.setField(IndexFields.ERROR_MEANING); // error:"http socket connect error" searches the meaning
            return f;
        }
        if (field.equals(IndexFields.TIME) && date(text) != null) {
            // a date alone means that day
            return new TermRangeQueryNode(new FieldQueryNode(field, text + "T00:00:00Z", f.getBegin(), f.getEnd()),
                    new FieldQueryNode(field, text + "T23:59:59.999Z", f.getBegin(), f.getEnd()), true, true);
        }
        if (field.equals(IndexFields.COMMAND) && !wildcard && !vocabulary.commands().contains(commandName(text))) {
            warnings.add("no transaction in this index has the command '" + text + "'"
                    + nearest(commandName(text), vocabulary.commands()));
        }
        Set<String> values = vocabulary.closed().get(field);
        if (values != null && !wildcard && !values.contains(text.toLowerCase(Locale.ROOT))) {
            String near = nearest(text.toLowerCase(Locale.ROOT), values);
            warnings.add(field + ":" + text + " matches nothing" + near + (near.isEmpty() ? ": " : " (") + field
                    + " is one of " + String.join(", ", values.stream().sorted().limit(12).toList())
                    + (values.size() > 12 ? ", ..." : "") + (near.isEmpty() ? "" : ")"));
        }
        return f;
    }

    private void known(String field) {
        if (field.equals(IndexFields.TYPE)) {
            namesType = true;
        }
        if (!vocabulary.fields().contains(field)) {
            warnings.add("no document has the field '" + field + "'" + nearest(field, vocabulary.fields()));
        }
    }

    /** The command a word names: lower-case, without {@code AT} or {@code +}. */
    private static String commandName(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("at+")) {
            w = w.substring(2);
        }
        return w.startsWith("+") ? w.substring(1) : w;
    }

    private static LocalDate date(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code ; did you mean X or Y?} for the candidates within a few edits, else nothing. */
    static String nearest(String word, Set<String> candidates) {
        int limit = Math.max(1, word.length() / 3);
        List<String> near = candidates.stream()
                .map(c -> Map.entry(c, distance(word, c)))
                .filter(e -> e.getValue() <= limit || e.getKey().startsWith(word) && word.length() >= 3)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /** The Levenshtein distance: edits that turn one word into the other. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    protected QueryNode postProcessNode(QueryNode node) {
        return node;
    }

    @Override
    protected List<QueryNode> setChildrenOrder(List<QueryNode> children) {
        return children;
    }
}
