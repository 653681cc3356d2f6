package dev.atscope.core.index;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Writes a parsed query back in Lucene's query syntax, for a back end that parses it again (Solr's
 * standard query parser): every term quoted with its field named, every clause with its operator
 * ({@code +} must, {@code -} must not, nothing for should: send it with {@code q.op=OR}), filters
 * with a constant score of 0 so that scores are the local ones. The terms are already analysed,
 * and the schema's analysis leaves an analysed term as it is, so the back end runs the same query.
 */
public final class LuceneSyntax {

    /** Matches no document, in a syntax that has no word for it. */
    static final String NOTHING = "(+*:* -*:*)";

    private LuceneSyntax() {}

    /**
     * The query in Lucene syntax.
     *
     * @throws IllegalArgumentException for a kind of query the syntax cannot say (none that {@link
     *     TraceQueries} makes)
     */
    public static String of(Query q) {
        StringBuilder sb = new StringBuilder();
        write(q, sb);
        return sb.toString();
    }

    private static void write(Query q, StringBuilder sb) {
        if (q instanceof TermQuery t) {
            term(t.getTerm(), sb);
        } else if (q instanceof BooleanQuery b) {
            bool(b, sb);
        } else if (q instanceof PointRangeQuery p) {
            points(p, sb);
        } else if (q instanceof PhraseQuery p) {
            phrase(p, sb);
        } else if (q instanceof WildcardQuery w) {
            field(w.getField(), sb).append(escape(w.getTerm().text(), "*?\\"));
        } else if (q instanceof PrefixQuery p) {
            field(p.getField(), sb).append(escape(p.getPrefix().text(), "")).append('*');
        } else if (q instanceof RegexpQuery r) {
            field(r.getField(), sb).append('/').append(r.getRegexp().text().replace("/", "\\/")).append('/');
        } else if (q instanceof FuzzyQuery f) {
            field(f.getField(), sb).append(escape(f.getTerm().text(), "")).append('~').append(f.getMaxEdits());
        } else if (q instanceof TermRangeQuery r) {
            range(r, sb);
        } else if (q instanceof BoostQuery b) {
            sb.append('(');
            write(b.getQuery(), sb);
            sb.append(")^").append(b.getBoost());
        } else if (q instanceof ConstantScoreQuery c) {
            sb.append('(');
            write(c.getQuery(), sb);
            sb.append(")^=1");
        } else if (q instanceof SynonymQuery s) {
            sb.append('(');
            List<Term> terms = s.getTerms();
            for (int i = 0; i < terms.size(); i++) {
                sb.append(i > 0 ? " " : "");
                term(terms.get(i), sb);
            }
            sb.append(')');
        } else if (q instanceof MatchAllDocsQuery) {
            sb.append("*:*");
        } else if (q instanceof MatchNoDocsQuery) {
            sb.append(NOTHING);
        } else {
            throw new IllegalArgumentException("a query of the kind " + q.getClass().getSimpleName()
                    + " cannot be sent to a search cluster: " + q);
        }
    }

    private static void bool(BooleanQuery b, StringBuilder sb) {
        if (b.getMinimumNumberShouldMatch() > 0) {
            throw new IllegalArgumentException("a minimum number of optional clauses cannot be sent to a search cluster");
        }
        boolean positive = b.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT);
        if (!positive) {
            sb.append(NOTHING); // only exclusions: Lucene matches nothing, where Solr would match everything else
            return;
        }
        sb.append('(');
        boolean first = true;
        for (BooleanClause c : b.clauses()) {
            sb.append(first ? "" : " ");
            first = false;
            switch (c.getOccur()) {
                case MUST -> {
                    sb.append('+');
                    write(c.getQuery(), sb);
                }
                case FILTER -> {
                    // must match, adds nothing to the score
                    sb.append("+(");
                    write(c.getQuery(), sb);
                    sb.append(")^=0");
                }
                case MUST_NOT -> {
                    sb.append('-');
                    write(c.getQuery(), sb);
                }
                case SHOULD -> write(c.getQuery(), sb);
            }
        }
        sb.append(')');
    }

    private static void points(PointRangeQuery p, StringBuilder sb) {
        if (p.getNumDims() != 1 || p.getBytesPerDim() != Long.BYTES) {
            throw new IllegalArgumentException("only ranges of whole numbers can be sent to a search cluster: " + p);
        }
        long lo = LongPoint.decodeDimension(p.getLowerPoint(), 0);
        long hi = LongPoint.decodeDimension(p.getUpperPoint(), 0);
        field(p.getField(), sb).append('[').append(lo == Long.MIN_VALUE ? "*" : Long.toString(lo)).append(" TO ")
                .append(hi == Long.MAX_VALUE ? "*" : Long.toString(hi)).append(']');
    }

    private static void phrase(PhraseQuery p, StringBuilder sb) {
        Term[] terms = p.getTerms();
        if (terms.length == 0) {
            sb.append(NOTHING);
            return;
        }
        int[] positions = p.getPositions();
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1) {
                throw new IllegalArgumentException("a phrase with gaps cannot be sent to a search cluster: " + p);
            }
        }
        field(p.getField(), sb).append('"');
        sb.append(String.join(" ", Arrays.stream(terms).map(t -> quoted(t.text())).toList()));
        sb.append('"');
        if (p.getSlop() > 0) {
            sb.append('~').append(p.getSlop());
        }
    }

    private static void range(TermRangeQuery r, StringBuilder sb) {
        field(r.getField(), sb).append(r.includesLower() ? '[' : '{').append(bound(r.getLowerTerm())).append(" TO ")
                .append(bound(r.getUpperTerm())).append(r.includesUpper() ? ']' : '}');
    }

    private static String bound(BytesRef b) {
        return b == null ? "*" : '"' + quoted(b.utf8ToString()) + '"';
    }

    private static void term(Term t, StringBuilder sb) {
        field(t.field(), sb).append('"').append(quoted(t.text())).append('"');
    }

    private static StringBuilder field(String field, StringBuilder sb) {
        return sb.append(escape(field, "")).append(':');
    }

    /** Text inside quotes: only the quote and the backslash are special. */
    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A bare term: every character the syntax reads as an operator escaped, but those kept. */
    private static String escape(String s, String keep) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keep.indexOf(c) < 0 && ("\\+-!():^[]\"{}~*?|&/".indexOf(c) >= 0 || Character.isWhitespace(c))) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
