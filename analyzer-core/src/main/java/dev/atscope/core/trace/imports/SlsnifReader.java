package dev.atscope.core.trace.imports;

import java.io.IOException;

/**
 * Reads slsnif logs (slsnif(1)): each run of bytes starts a line with the side that sent it,
 * {@code Host   --> } or {@code Device --> }, unprintable bytes as angle names ({@code <CR>},
 * {@code <LF>}); with time stamps ({@code -t}) the time follows the side in brackets or parentheses,
 * or starts the line. A line without a side continues the run before it. slsnif's banner lines
 * before the first run are left out.
 */
final class SlsnifReader extends LogTraceReader {

    /** Lines before the first run that may be slsnif's banner. */
    private static final int MAX_BANNER = 5;
    /** The longest time stamp between the side and the arrow. */
    private static final int MAX_STAMP = 40;
    private String channel;
    private long lines;

    /** A run's start: the side, its stamp in brackets (or null), and where its bytes start. */
    private record Run(String side, String stamp, int data) {}

    SlsnifReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.SLSNIF, options, probe);
        describeStripped("'Host   --> ' and 'Device --> ' before each run; <CR> and <LF> read");
    }

    @Override
    String expected() {
        return "slsnif line 'Host   --> ...' or 'Device --> ...'";
    }

    @Override
    String defaultHostChannel() {
        return "Host";
    }

    @Override
    void line(LogLine l) throws IOException {
        lines++;
        String s = l.text();
        if (s.isBlank()) {
            return;
        }
        Run run = run(l.rest());
        if (run != null) {
            channel = run.side();
            LogTime.Stamp stamp = l.stamp() != null ? l.stamp()
                    : run.stamp() == null ? null : stamp(run.stamp().strip(), l.number());
            describeTime(stamp != null ? "slsnif's stamp (-t) of each run" : "none: slsnif was run without -t");
            emit(timeOf(stamp), channel, Escapes.angle(l.rest().substring(run.data()), false), l.number());
            return;
        }
        if (channel == null) {
            if (lines <= MAX_BANNER) {
                skip("lines of slsnif's banner", l.number(), s);
                return;
            }
            throw broken(l.number(), "'" + UmockdevReader.clip(s) + "'; expected " + expected());
        }
        // a run of bytes that slsnif wrapped onto a new line
        emit(time.current(), channel, Escapes.angle(s, false), l.number());
    }

    /** The start of a run on a line ({@code Host (10:00:00.123) --> AT}), or null when the line starts none. */
    private static Run run(String s) {
        String side = s.startsWith("Host") ? "Host" : s.startsWith("Device") ? "Device" : null;
        if (side == null) {
            return null;
        }
        int i = blanks(s, side.length());
        String stamp = null;
        if (i < s.length() && (s.charAt(i) == '(' || s.charAt(i) == '[')) {
            int close = -1;
            for (int k = i + 1; k < s.length() && k <= i + MAX_STAMP; k++) {
                if (s.charAt(k) == ')' || s.charAt(k) == ']') {
                    close = k;
                    break;
                }
            }
            if (close < 0) {
                return null;
            }
            stamp = s.substring(i + 1, close);
            i = blanks(s, close + 1);
        }
        if (!s.startsWith("-->", i)) {
            return null;
        }
        i += 3;
        return new Run(side, stamp, i < s.length() && Character.isWhitespace(s.charAt(i)) ? i + 1 : i);
    }

    private static int blanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
