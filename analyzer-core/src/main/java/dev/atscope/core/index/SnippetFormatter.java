package dev.atscope.core.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Snippets as text with the places that matched, not as HTML: the command line prints them in bold
 * on a terminal, JSON gives the spans, and no markup is mixed into the trace's own bytes.
 */
final class SnippetFormatter extends PassageFormatter {

    /** Between two passages of one document. */
    static final String ELLIPSIS = " ... ";

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder text = new StringBuilder();
        List<TraceSearch.Span> spans = new ArrayList<>();
        for (Passage p : passages) {
            if (text.length() > 0) {
                text.append(ELLIPSIS);
            }
            int base = text.length() - p.getStartOffset();
            text.append(content, p.getStartOffset(), p.getEndOffset());
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int s = Math.max(starts[i], p.getStartOffset());
                int e = Math.min(ends[i], p.getEndOffset());
                if (e > s) {
                    spans.add(new TraceSearch.Span(base + s, base + e));
                }
            }
        }
        return new TraceSearch.Snippet(text.toString(), spans);
    }
}
