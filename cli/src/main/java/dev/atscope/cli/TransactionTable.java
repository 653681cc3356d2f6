package dev.atscope.cli;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.text.Durations;
import dev.atscope.core.text.Plural;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.TraceMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable table of {@code atscope decode}: one transaction a line, URCs and noise between,
 * each line within the width given. The outcome comes before the command so that it stays in its
 * column whatever the command's length; the command is shown whole where it can be, and what does
 * not fit is cut from the response, marked with {@code ~}.
 */
final class TransactionTable {

    /** The widest the command column grows; longer commands push the response right. */
    private static final int MAX_COMMAND_WIDTH = 42;
    private static final int MIN_COMMAND_WIDTH = 16;
    /** The columns before the command: time, duration, direction and outcome with their gaps. */
    private static final String ROW = "%10s %8s %-3s %-11s ";

    private final PrintWriter out;
    private final TraceMetadata metadata;
    private final int width;
    private final int commandWidth;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private int transactions;
    private int noise;
    private long lastMicros;

    /**
     * @param width the columns each line must fit in
     */
    TransactionTable(PrintWriter out, TraceMetadata metadata, int width) {
        this.out = out;
        this.metadata = metadata;
        this.width = Math.max(40, width);
        // what is left after the fixed columns is shared: the command first, at least 16 columns for the response
        this.commandWidth = Math.max(MIN_COMMAND_WIDTH, Math.min(MAX_COMMAND_WIDTH, this.width - 36 - 18));
    }

    /** The trace's name and start, and the column titles; {@code name} stands in when the trace names no source. */
    void header(String name) {
        String source = metadata.source() != null ? TerminalText.safe(metadata.source()) : name;
        String when = (metadata.start() == null ? "" : "start " + metadata.start())
                + (metadata.synthetic() ? " (order only: the timestamps are synthetic)" : "");
        String head = "trace " + source + (when.isEmpty() ? "" : ", " + when);
        if (head.length() <= width || when.isEmpty()) {
            out.println(head);
        } else {
            out.println("trace " + source); // a name is never cut: the rest goes on a line of its own
            out.println(when);
        }
        line(String.format(ROW, "TIME", "DURATION", "DIR", "OUTCOME"), "COMMAND", "RESPONSE");
    }

    void transaction(Transaction t) {
        transactions++;
        counts.merge(t.outcome(), 1, Integer::sum);
        lastMicros = Math.max(lastMicros, t.endMicros());
        List<String> answer = new ArrayList<>();
        for (Event r : t.responses()) {
            if (r.kind() == EventKind.PAYLOAD) {
                answer.add("<" + r.bytes().length + " bytes " + (r.direction().code()) + ">"
                        + (r.note() == null ? "" : " (" + r.note() + ")"));
            } else {
                answer.add(ByteEscaper.escape(r.bytes()));
            }
        }
        if (t.result() != null && !(t.shape().bareLineIsFinal() && t.result().kind() == EventKind.RESPONSE)) {
            answer.add(ByteEscaper.escape(t.result().bytes()));
        }
        if (t.outcome() == Outcome.NO_RESPONSE) {
            answer.add("(waited " + Durations.format(t.waitedMicros()) + ")");
        }
        line(String.format(ROW, time(t.startMicros()), Durations.format(t.durationMicros()), "H>M", t.outcome().word()),
                ByteEscaper.escape(t.command().bytes()), String.join(" | ", answer));
    }

    void event(Event e) {
        if (e.kind() == EventKind.NOISE) {
            noise++;
        }
        String label = e.kind().word().toUpperCase(Locale.ROOT);
        line(String.format(ROW, time(e.startMicros()), "", e.direction() == null ? "--" : e.direction().code(), ""),
                label + " " + ByteEscaper.escape(e.bytes()), e.note() == null ? "" : "(" + e.note() + ")");
        lastMicros = Math.max(lastMicros, e.endMicros());
    }

    void footer() {
        StringBuilder sb = new StringBuilder(Plural.of(transactions, "transaction"));
        counts.forEach((o, n) -> sb.append(", ").append(o == Outcome.ERROR ? Plural.of(n, "error") : n + " " + o.word()));
        if (noise > 0) {
            sb.append(", ").append(noise).append(" noise");
        }
        sb.append("; ").append(Durations.format(lastMicros)).append(" of traffic");
        out.println(sb);
    }

    /**
     * Prints a row: the fixed columns, the command (whole, padded to its column) and the response,
     * cut so that the line fits; the command is cut only when it alone is too wide.
     */
    private void line(String fixed, String command, String response) {
        StringBuilder sb = new StringBuilder(fixed).append(command);
        pad(sb, fixed.length() + commandWidth);
        sb.append("  ").append(response);
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        if (sb.length() > width) {
            sb.setLength(width - 1);
            sb.append('~');
        }
        out.println(sb);
    }

    private static void pad(StringBuilder sb, int column) {
        while (sb.length() < column) {
            sb.append(' ');
        }
    }

    /** A time stamp in seconds since the trace's start, to the millisecond. */
    static String time(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
