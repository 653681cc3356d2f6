package dev.atscope.cli;

import dev.atscope.core.text.Durations;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * The one progress display of every long command: a status line at the bottom of the terminal
 * that standard error is attached to (JLine's {@link Status}, so that output scrolls above it),
 * with what is done of the total, the rate and the time left. Silent when standard error is not a
 * terminal, and for work that ends within {@link #QUIET_START_NANOS}: the terminal is looked at only
 * then, so short commands pay nothing.
 */
class ProgressDisplay implements AutoCloseable {

    /** A display that shows nothing. */
    static final ProgressDisplay NONE = new ProgressDisplay("", -1, Unit.BYTES) {
        @Override
        void advance(long n) {}

        @Override
        void label(String l) {}

        @Override
        void total(long t) {}

        @Override
        public void close() {}
    };

    /** What is counted. */
    enum Unit {
        BYTES(""), FILES("file"), TRANSACTIONS("transaction");

        private final String noun;

        Unit(String noun) {
            this.noun = noun;
        }
    }

    /** Work shorter than this shows no progress. */
    static final long QUIET_START_NANOS = 500_000_000L;
    /** The least time between two redraws. */
    private static final long REDRAW_NANOS = 200_000_000L;

    private final long started = System.nanoTime();
    private final Unit unit;
    private String label;
    private long total;
    private long done;
    private long lastDraw;
    private boolean disabled;
    private Terminal terminal;
    private Status status;

    /**
     * @param label what is being done ({@code check big.csv})
     * @param total the amount of work, or -1 when unknown (standard input)
     */
    ProgressDisplay(String label, long total, Unit unit) {
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** Counts work done. */
    synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (disabled || now - started < QUIET_START_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        if (terminal == null) {
            terminal = Screen.stderrTerminal();
            status = terminal == null ? null : Status.getStatus(terminal);
            if (status == null) {
                disabled = true;
                return;
            }
        }
        int width = Math.max(20, terminal.getSize().getColumns()) - 1;
        status.update(List.of(new AttributedString(line(now - started, width))));
    }

    /** Says what is being worked on now (the file). */
    synchronized void label(String l) {
        label = l;
    }

    /** Sets the amount of work when it becomes known. */
    synchronized void total(long t) {
        total = t;
    }

    /** The status line: label, bar, done of total, rate, time left; at most {@code width} columns. */
    String line(long elapsedNanos, int width) {
        double secs = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = done / secs;
        StringBuilder tail = new StringBuilder();
        if (total > 0) {
            tail.append(String.format(Locale.ROOT, " %3d%%  ", Math.min(100, done * 100 / total)));
            tail.append(unit == Unit.BYTES ? amount(done) + " of " + amount(total) : done + "/" + amount(total));
        } else {
            tail.append("  ").append(amount(done));
        }
        tail.append(", ").append(amount((long) rate)).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            tail.append(", ").append(Durations.format((long) ((total - done) / rate * 1e6))).append(" left");
        }
        // a long label keeps its end, the file's name
        int room = Math.max(8, width / 3);
        String head = label.length() > room ? "~" + label.substring(label.length() - room + 1) : label;
        int barWidth = total > 0 ? Math.min(30, width - head.length() - tail.length() - 3) : 0;
        StringBuilder line = new StringBuilder(head);
        if (barWidth >= 5) {
            int filled = (int) Math.min(barWidth, done * barWidth / total);
            line.append(" [").append("#".repeat(filled)).append(" ".repeat(barWidth - filled)).append(']');
        }
        line.append(tail);
        return line.length() <= width ? line.toString() : line.substring(0, width);
    }

    private String amount(long n) {
        if (unit != Unit.BYTES) {
            return n + (unit.noun.isEmpty() ? "" : " " + (n == 1 ? unit.noun : unit.noun + "s"));
        }
        if (n < 10_000) {
            return n + " B";
        }
        if (n < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        if (n < 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
    }

    /** Removes the status line. */
    @Override
    public synchronized void close() {
        if (status != null) {
            status.update(List.of());
            status.close();
            status = null;
        }
        disabled = true;
    }
}
