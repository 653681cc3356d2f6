package dev.atscope.cli;

import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.json.SearchJson;
import dev.atscope.core.text.Durations;
import dev.atscope.core.text.Plural;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code atscope search} shows a result, whichever back end gave it: JSON Lines, or aligned
 * columns within the width with the matching words of each snippet in bold (on a terminal), then
 * the facets as aligned counts.
 */
final class SearchPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** The widest the command column is aligned to; longer commands push the place right. */
    private static final int COMMAND_COLUMN = 36;
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean color;
    private final int width;
    private final boolean quiet;

    SearchPrinter(PrintWriter out, boolean color, int width, boolean quiet) {
        this.out = out;
        this.color = color;
        this.width = Math.max(40, width);
        this.quiet = quiet;
    }

    /** One hit a line, then a summary line. */
    void json(TraceSearch.Result r) {
        for (TraceSearch.Hit h : r.hits()) {
            out.println(SearchJson.hit(h));
        }
        out.println(SearchJson.summary(r));
    }

    /** The hits as a table with their snippets, then the facets. */
    void text(TraceSearch.Result r, boolean sessions) {
        if (!quiet) {
            out.printf(Locale.ROOT, "%s (%.1f ms)%n", Plural.of(r.total(), sessions ? "session" : "hit"),
                    r.tookMicros() / 1000.0);
        }
        List<String[]> rows = new ArrayList<>();
        for (TraceSearch.Hit h : r.hits()) {
            rows.add(new String[] {TIME.format(h.time()), TerminalText.safe(h.device()), h.outcome(),
                Durations.format(h.durationMicros()), TerminalText.safe(h.command()), where(h)});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        widths[4] = Math.min(widths[4], COMMAND_COLUMN);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                boolean right = c == 3;
                String cell = row[c];
                String pad = " ".repeat(Math.max(0, widths[c] - cell.length()));
                sb.append(right ? pad + cell : cell + pad);
                sb.append("  ");
            }
            sb.append(row[5]);
            out.println(fit(sb.toString().stripTrailing()));
            TraceSearch.Snippet snippet = r.hits().get(i).snippet();
            if (snippet != null) {
                snippet(snippet);
            }
        }
        facets(r.facets());
    }

    /** {@code pump-7.csv#12}, or {@code pump-7.csv, session 2}: the file's name and the place in it. */
    private static String where(TraceSearch.Hit h) {
        String file = h.file() == null ? "" : h.file();
        String name = TerminalText.safe(file.substring(file.lastIndexOf('/') + 1));
        if ("session".equals(h.type())) {
            return name + ", session " + h.session();
        }
        return h.transaction() >= 0 ? name + "#" + h.transaction() : name;
    }

    /** The snippet's lines, indented, the matches in bold when colouring, each within the width. */
    private void snippet(TraceSearch.Snippet s) {
        String text = s.text();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            int room = width - 4;
            int shownEnd = Math.min(lineEnd, lineStart + room);
            if (lineEnd == lineStart) {
                lineStart = lineEnd + 1; // an empty line says nothing
                if (nl < 0) {
                    break;
                }
                continue;
            }
            StringBuilder sb = new StringBuilder("    ");
            int pos = lineStart;
            for (TraceSearch.Span span : s.matches()) {
                int a = Math.max(span.start(), lineStart);
                int b = Math.min(span.end(), shownEnd);
                if (b <= a || a < pos) {
                    continue;
                }
                sb.append(TerminalText.safe(text.substring(pos, a)));
                sb.append(color ? BOLD : "").append(TerminalText.safe(text.substring(a, b))).append(color ? RESET : "");
                pos = b;
            }
            sb.append(TerminalText.safe(text.substring(pos, shownEnd)));
            if (shownEnd < lineEnd) {
                sb.append('~');
            }
            out.println(sb.toString().stripTrailing());
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
    }

    /** {@code outcome  ok     34}: each dimension's counts, aligned, largest first. */
    private void facets(Map<String, Map<String, Long>> facets) {
        int nameWidth = 0;
        int labelWidth = 0;
        int countWidth = 0;
        for (Map.Entry<String, Map<String, Long>> dim : facets.entrySet()) {
            if (dim.getValue().isEmpty()) {
                continue;
            }
            nameWidth = Math.max(nameWidth, dim.getKey().length());
            for (Map.Entry<String, Long> e : dim.getValue().entrySet()) {
                labelWidth = Math.max(labelWidth, TerminalText.safe(e.getKey()).length());
                countWidth = Math.max(countWidth, Long.toString(e.getValue()).length());
            }
        }
        boolean first = true;
        for (Map.Entry<String, Map<String, Long>> dim : facets.entrySet()) {
            boolean head = true;
            for (Map.Entry<String, Long> e : dim.getValue().entrySet()) {
                if (first) {
                    out.println();
                    first = false;
                }
                String label = TerminalText.safe(e.getKey());
                out.println(fit(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-" + labelWidth + "s  %"
                        + countWidth + "d", head ? dim.getKey() : "", label, e.getValue())));
                head = false;
            }
        }
    }

    private String fit(String line) {
        return line.length() <= width ? line : line.substring(0, width - 1) + "~";
    }
}
