package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.io.IOException;

/**
 * Reads the AT traffic in ModemManager debug logs ({@code mmcli --set-logging=DEBUG} or {@code
 * --debug}, from the journal or a file): {@code [ttyUSB2/at] --> 'AT+CGMI<CR>'} for what
 * ModemManager sent and {@code <-- '<CR><LF>OK<CR><LF>'} for what it received, with its escapes
 * ({@link Escapes#modemManager}). The time is the bracketed Unix time ModemManager prints, else
 * the journal's stamp at the start of the line. Other log lines are left out and counted. The
 * traffic is found by plain searches for the arrows and the last quote, so any line costs time in
 * proportion to its length.
 */
final class ModemManagerReader extends LogTraceReader {

    private static final String SENT = "--> '";
    private static final String RECEIVED = "<-- '";

    ModemManagerReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.MODEMMANAGER, options, probe);
        describeTime("ModemManager's [seconds.micros] Unix time, else the journal's stamp at the start of the line");
        describeStripped("the log's own words before --> and <--, and the quotes around the data; <CR>, <LF> and \\NNN read");
    }

    @Override
    String expected() {
        return "ModemManager line with --> 'AT...' or <-- '...'";
    }

    @Override
    String defaultHostChannel() {
        return "-->";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        int sent = s.indexOf(SENT);
        int received = s.indexOf(RECEIVED);
        int arrow = sent < 0 ? received : received < 0 ? sent : Math.min(sent, received);
        int close = s.length();
        while (close > 0 && Character.isWhitespace(s.charAt(close - 1))) {
            close--;
        }
        if (arrow < 0 || close == 0 || s.charAt(close - 1) != '\'' || close - 1 < arrow + SENT.length()) {
            skip("other log lines", l.number(), s);
            return;
        }
        LogTime.Stamp stamp = unixTime(s, arrow);
        if (stamp == null) {
            stamp = l.stamp();
        }
        String channel = arrow == sent ? "-->" : "<--";
        emit(timeOf(stamp), channel, Escapes.modemManager(s.substring(arrow + SENT.length(), close - 1)), l.number());
    }

    /** ModemManager's {@code [1795428000.012000]} before the arrow, or null. */
    private static LogTime.Stamp unixTime(String s, int before) {
        for (int open = s.indexOf('['); open >= 0 && open < before; open = s.indexOf('[', open + 1)) {
            int dot = open + 11;
            if (dot < before && s.charAt(dot) == '.' && digits(s, open + 1, dot)) {
                int end = dot + 1;
                while (end < before && end - dot <= 9 && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                if (end > dot + 1 && end < before && s.charAt(end) == ']') {
                    return LogTime.leading(s.substring(open, end + 1));
                }
            }
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
