package dev.atscope.core.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Analysis that keeps AT tokens whole: {@code AT+QSSLCFG="sslversion",0,2} gives {@code
 * at+qsslcfg}, {@code sslversion}, {@code 0}, {@code 2}; {@code +CME ERROR: 3815} gives {@code
 * +cme}, {@code error}, {@code 3815}. Splits at white space, quotes, commas, {@code =}, {@code :},
 * brackets and semicolons, never at {@code +}, {@code .} or {@code /} (IP addresses, URLs' paths).
 */
public final class AtAnalyzer extends Analyzer {

    /**
     * The characters between tokens: the white space of a regular expression's {@code \s}, quotes,
     * commas, {@code =}, {@code :}, semicolons and brackets. The Solr configset's {@code at_text} type
     * splits at the same characters with a pattern ({@code [\s",=:;()\[\]{}<>]+}).
     */
    static final String SEPARATORS = " \t\n\u000B\f\r\",=:;()[]{}<>";

    /** Which ASCII characters are separators; every other character is part of a token. */
    private static final boolean[] SEPARATOR = new boolean[128];

    static {
        for (char c : SEPARATORS.toCharArray()) {
            SEPARATOR[c] = true;
        }
    }

    /** A token is as long as its text: no length at which a long URL or payload word is cut. */
    private static final int LONGEST_TOKEN = 1024 * 1024;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        // a character test instead of a pattern: matching the pattern was most of inverting raw text
        Tokenizer t = new CharTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, LONGEST_TOKEN) {
            @Override
            protected boolean isTokenChar(int c) {
                return c >= SEPARATOR.length || !SEPARATOR[c];
            }
        };
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
    }

    /** The analyzer for every field: keywords lower-cased whole, raw text as AT tokens. */
    public static Analyzer perField() {
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new KeywordTokenizer();
                return new TokenStreamComponents(t, new LowerCaseFilter(t));
            }
        };
        Map<String, Analyzer> fields = new HashMap<>();
        for (String f : IndexFields.KEYWORDS) {
            fields.put(f, keyword);
        }
        // a file's path is kept as given, capitals included: file:"/logs/Pump-7.csv" finds it
        Analyzer exact = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new KeywordTokenizer());
            }
        };
        fields.put(IndexFields.FILE, exact);
        // parameter fields (sslversion:0, apn:cmnet) are keywords too: anything not named here
        return new PerFieldAnalyzerWrapper(keyword, withRaw(fields));
    }

    private static Map<String, Analyzer> withRaw(Map<String, Analyzer> fields) {
        AtAnalyzer at = new AtAnalyzer();
        fields.put(IndexFields.RAW, at);
        fields.put(IndexFields.ERROR_MEANING, at);
        return fields;
    }
}
