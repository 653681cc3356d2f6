package dev.atscope.cli;

import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.Severity;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.json.DiagnosticJson;
import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.Direction;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The output of {@code atscope check}: findings as they come, grouped under their file and
 * session, each with the line it is about and a caret under the bad part; or JSON Lines.
 */
final class FindingPrinter {

    /** Command lines remembered for findings about an earlier transaction (a setting a later request relies on). */
    private static final int RECENT = 4096;
    private final PrintWriter out;
    private final boolean info;
    /** Messages are broken into lines of at most this many columns. */
    private final int width;
    private final Map<Severity, Integer> fileCounts = new EnumMap<>(Severity.class);
    /** What all files found, shared by the printers of a folder's files (each file's printer in its own thread). */
    private final Totals totals;
    /**
     * The last {@link #RECENT} command lines by transaction id (a ring: slot {@code id % RECENT}),
     * escaped only when a finding shows one: every transaction passes here.
     */
    private final long[] recentIds = new long[RECENT];
    private final byte[][] recentLines = new byte[RECENT][];
    private String file;
    private DiagnosticJson json;
    private Decoded current;
    private int shownSession;
    private int sessions;

    /** @param width the columns messages are wrapped at */
    FindingPrinter(PrintWriter out, boolean info, int width) {
        this(out, info, width, new Totals());
    }

    private FindingPrinter(PrintWriter out, boolean info, int width, Totals totals) {
        this.out = out;
        this.info = info;
        this.width = Math.max(40, width);
        this.totals = totals;
    }

    /** A printer with the same settings into another output, adding to the same totals. */
    FindingPrinter into(PrintWriter other) {
        return new FindingPrinter(other, info, width, totals);
    }

    /** The files, the findings by severity and the worst finding of every file. */
    private static final class Totals {
        private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        private int files;
        private Severity worst;

        synchronized void file() {
            files++;
        }

        synchronized void finding(Severity s, boolean counted) {
            if (worst == null || s.compareTo(worst) < 0) {
                worst = s;
            }
            if (counted) {
                counts.merge(s, 1, Integer::sum);
            }
        }
    }

    void startFile(String name, DiagnosticJson form) {
        file = name;
        json = form;
        fileCounts.clear();
        java.util.Arrays.fill(recentLines, null);
        shownSession = 0;
        sessions = 0;
        totals.file();
    }

    /** The item the checker is about to judge: findings about it come next. */
    void current(Decoded d) {
        current = d;
        if (d instanceof Transaction t) {
            int slot = (int) (t.id() & (RECENT - 1));
            recentIds[slot] = t.id();
            recentLines[slot] = t.command().bytes();
        }
    }

    void sessionClosed() {
        sessions++;
    }

    void finding(Diagnostic d, int session, boolean asJson) {
        boolean shown = d.severity() != Severity.INFO || info;
        totals.finding(d.severity(), shown);
        if (!shown) {
            return;
        }
        fileCounts.merge(d.severity(), 1, Integer::sum);
        String text = text(d.where());
        if (asJson) {
            out.println(json.diagnostic(d, session, text).toString());
            return;
        }
        if (shownSession == 0) {
            out.println(file);
        }
        if (session != shownSession) {
            out.println("  session " + session);
            shownSession = session;
        }
        Where w = d.where();
        StringBuilder head = new StringBuilder().append(d.severity().word()).append(' ').append(d.ruleId());
        if (w.timeMicros() >= 0) {
            head.append(" at ").append(TransactionTable.time(w.timeMicros()));
        }
        if (w.transactionId() >= 0) {
            head.append(", transaction ").append(w.transactionId());
        }
        if (w.line() >= 0) {
            head.append(", line ").append(w.line());
        }
        if (d.section() != null) {
            head.append(" (").append(section(d.section())).append(')');
        }
        wrap(out, "    ", "      ", head.toString(), width);
        if (text != null) {
            out.println("      " + text);
            if (w.column() >= 0 && w.column() <= text.length()) {
                out.println("      " + " ".repeat(w.column()) + "^".repeat(Math.max(1, Math.min(w.length(),
                        text.length() - w.column()))));
            }
        }
        wrap("      ", d.message());
    }

    /**
     * Prints text indented, broken at spaces so that lines stay within the width; a word longer
     * than a line stands alone. Linear in the text: each character is looked at a bounded number of
     * times, whatever the length of the line.
     */
    void wrap(String indent, String text) {
        wrap(out, indent, indent, text, width);
    }

    /** Prints text indented and broken at spaces within {@code width} columns; linear in the text. */
    static void wrap(PrintWriter out, String indent, String text, int width) {
        wrap(out, indent, indent, text, width);
    }

    /** As {@link #wrap(PrintWriter, String, String, int)}, the lines after the first with their own indent. */
    static void wrap(PrintWriter out, String first, String rest, String text, int width) {
        String indent = first;
        int start = 0;
        int n = text.length();
        while (n - start > Math.max(10, width - indent.length())) {
            int room = Math.max(10, width - indent.length());
            int cut = text.lastIndexOf(' ', start + room);
            if (cut <= start) {
                cut = text.indexOf(' ', start + room);
                if (cut < 0) {
                    break;
                }
            }
            out.println(indent + text.substring(start, cut));
            start = cut + 1;
            indent = rest;
        }
        out.println(indent + text.substring(start));
    }

    /** "section 2.2.1" for the note's sections, the source's own words otherwise. */
    private static String section(String s) {
        return Character.isDigit(s.charAt(0)) ? (s.contains(",") ? "sections " : "section ") + s : s;
    }

    /** The line a finding is about: an answer line of the current transaction, or a command line. */
    private String text(Where w) {
        if (w.transactionId() < 0) {
            return null;
        }
        if (current instanceof Transaction t && t.id() == w.transactionId()) {
            if (w.direction() == Direction.MODULE_TO_HOST) {
                for (Event e : t.responses()) {
                    if (e.startOffset() == w.startOffset() && e.direction() == w.direction()) {
                        return ByteEscaper.escape(e.bytes());
                    }
                }
                return null;
            }
            return ByteEscaper.escape(t.command().bytes());
        }
        if (w.direction() == Direction.MODULE_TO_HOST) {
            return null;
        }
        int slot = (int) (w.transactionId() & (RECENT - 1));
        return recentLines[slot] != null && recentIds[slot] == w.transactionId() ? ByteEscaper.escape(recentLines[slot]) : null;
    }

    /** The file's summary line; with {@code --info}, first the vendor library it was checked with and what chose it. */
    void endFile(LibrarySelection selection) {
        if (info && selection.vendor().isPresent()) {
            if (shownSession == 0) {
                out.println(file);
            }
            wrap("  ", "checked with " + selection.vendor().get().id() + (selection.firm() ? "" : " (no line decided)")
                    + ": " + selection.chosenBy());
        }
        out.println(file + ": " + Plural.of(sessions, "session") + ", " + counts(fileCounts));
    }

    void total() {
        synchronized (totals) {
            out.println(Plural.of(totals.files, "file") + ": " + counts(totals.counts));
        }
    }

    private String counts(Map<Severity, Integer> c) {
        StringBuilder sb = new StringBuilder();
        for (Severity s : Severity.values()) {
            if (s == Severity.INFO && !info) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(Plural.of(c.getOrDefault(s, 0), s.word()));
        }
        return sb.toString();
    }

    /** The most severe finding of all files, or null. */
    Severity worst() {
        synchronized (totals) {
            return totals.worst;
        }
    }
}
