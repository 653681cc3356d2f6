package dev.atscope.cli;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.TraceMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The readable table of {@code atscope decode}: one transaction a line, URCs and noise between. */
final class TransactionTable {

    private static final int COMMAND_WIDTH = 42;

    private final PrintWriter out;
    private final TraceMetadata metadata;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private int transactions;
    private int noise;
    private long lastMicros;

    TransactionTable(PrintWriter out, TraceMetadata metadata) {
        this.out = out;
        this.metadata = metadata;
    }

    void header() {
        out.println("trace " + (metadata.source() == null ? "-" : metadata.source())
                + (metadata.start() == null ? "" : ", start " + metadata.start())
                + (metadata.synthetic() ? " (order only: the timestamps are synthetic)" : ""));
        out.printf("%12s %10s  %-3s  %-" + COMMAND_WIDTH + "s %-12s %s%n",
                "TIME", "DURATION", "DIR", "COMMAND", "OUTCOME", "RESPONSE");
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
                answer.add(clip(ByteEscaper.escape(r.bytes()), 60));
            }
        }
        if (t.result() != null && !(t.shape().bareLineIsFinal() && t.result().kind() == EventKind.RESPONSE)) {
            answer.add(ByteEscaper.escape(t.result().bytes()));
        }
        if (t.outcome() == Outcome.NO_RESPONSE) {
            answer.add("(waited " + duration(t.waitedMicros()) + ")");
        }
        String outcome = t.outcome().word();
        out.printf("%12s %10s  %-3s  %-" + COMMAND_WIDTH + "s %-12s %s%n",
                time(t.startMicros()), duration(t.durationMicros()), "H>M",
                clip(ByteEscaper.escape(t.command().bytes()), COMMAND_WIDTH), outcome, String.join(" | ", answer));
    }

    void event(Event e) {
        if (e.kind() == EventKind.NOISE) {
            noise++;
        }
        String label = e.kind().word().toUpperCase(java.util.Locale.ROOT);
        out.printf("%12s %10s  %-3s  %-" + COMMAND_WIDTH + "s %-12s %s%n",
                time(e.startMicros()), "", e.direction() == null ? "--" : e.direction().code(),
                label + " " + clip(ByteEscaper.escape(e.bytes()), COMMAND_WIDTH - label.length() - 1), "",
                e.note() == null ? "" : "(" + e.note() + ")");
        lastMicros = Math.max(lastMicros, e.endMicros());
    }

    void footer() {
        StringBuilder sb = new StringBuilder();
        sb.append(transactions).append(" transactions");
        counts.forEach((o, n) -> sb.append(", ").append(n).append(' ').append(o.word()));
        if (noise > 0) {
            sb.append(", ").append(noise).append(" noise");
        }
        sb.append("; ").append(duration(lastMicros)).append(" of traffic");
        out.println(sb);
    }

    static String time(long micros) {
        return String.format("%.3f s", micros / 1e6);
    }

    static String duration(long micros) {
        if (micros < 1000) {
            return micros + " us";
        }
        if (micros < 10_000_000) {
            return (micros / 1000) + " ms";
        }
        return String.format("%.1f s", micros / 1e6);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
