package dev.atscope.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.index.AtAnalyzer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Given the configset's {@code at_text} type (a pattern tokenizer) and the local index's {@link
 * AtAnalyzer} (a character test), when both read the same text, they give the same tokens at the
 * same offsets and positions: the raw text is searched, ranked and highlighted alike on both back ends.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigsetAnalysisTest {

    /** The tokenizer pattern of the shipped schema's {@code at_text} field type. */
    static String atTextPattern() throws Exception {
        var schema = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(SolrCollection.configsetFile("schema.xml")));
        NodeList types = schema.getElementsByTagName("fieldType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (type.getAttribute("name").equals("at_text")) {
                Element tokenizer = (Element) type.getElementsByTagName("tokenizer").item(0);
                assertThat(tokenizer.getAttribute("class")).isEqualTo("solr.PatternTokenizerFactory");
                assertThat(tokenizer.getAttribute("group")).isEqualTo("-1");
                return tokenizer.getAttribute("pattern");
            }
        }
        throw new AssertionError("no at_text field type in the configset's schema");
    }

    static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("raw", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + position.getPositionIncrement());
            }
            ts.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }

    @Test
    void theLocalAnalyzerSplitsWhereTheConfigsetsPatternDoes() throws Exception {
        Pattern pattern = Pattern.compile(atTextPattern());
        Analyzer solr = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new PatternTokenizer(pattern, -1);
                return new TokenStreamComponents(t, new LowerCaseFilter(t));
            }
        };
        Analyzer local = new AtAnalyzer();
        // AT traffic as the index holds it, then text made of every kind of character that matters:
        // each separator, white space that \s does not match, letters of other scripts, surrogates
        List<String> texts = new ArrayList<>(List.of("", "AT+QSSLCFG=\"sslversion\",0,2\nOK",
                "+CME ERROR: 3815", "AT+QHTTPURL=57,60\\r\nCONNECT\nhttps://10.1.83.188/a/b?c=d;e", "  ,,,  ",
                "<57 bytes not stored>", "x".repeat(3000)));
        String alphabet = " \t\n\u000B\f\r\",=:;()[]{}<>+./\\-_#'aZ09\u001C\u00A0\u2028\u3000ÄÖüé日本\uD83D\uDE80\uD83D";
        Random random = new Random(27007);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            assertThat(tokens(local, text)).as(text).isEqualTo(tokens(solr, text));
        }
    }
}
