package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads slsnif logs (slsnif(1)): each run of bytes starts a line with the side that sent it,
 * {@code Host   --> } or {@code Device --> }, unprintable bytes as angle names ({@code <CR>},
 * {@code <LF>}); with time stamps ({@code -t}) the time follows the side in brackets or parentheses,
 * or starts the line. A line without a side continues the run before it. slsnif's banner lines
 * before the first run are skipped.
 */
final class SlsnifReader extends LogTraceReader {

    private static final Pattern RUN = Pattern.compile(
            "(Host|Device)\\s*(?:[(\\[]([^)\\]]*)[)\\]])?\\s*-->\\s?(.*)");
    /** Lines before the first run that may be slsnif's banner. */
    private static final int MAX_BANNER = 5;
    private Direction dir;
    private long lines;

    SlsnifReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.SLSNIF, options, probe);
    }

    @Override
    String expected() {
        return "slsnif line 'Host   --> ...' or 'Device --> ...'";
    }

    @Override
    boolean step() throws IOException {
        long line = in.line();
        String s = in.readLine();
        if (s == null) {
            return false;
        }
        lines++;
        if (s.isBlank()) {
            return true;
        }
        LogTime.Stamp lead = LogTime.leading(s);
        String body = lead == null ? s : s.substring(lead.end());
        Matcher m = RUN.matcher(body);
        if (m.matches()) {
            dir = m.group(1).equals("Host") ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
            LogTime.Stamp stamp = lead != null ? lead : m.group(2) == null ? null : LogTime.leading(m.group(2).strip());
            long t = stamp != null ? time.at(stamp) : time.next();
            emit(t, dir, Escapes.angle(m.group(3), false), line);
            return true;
        }
        if (dir == null) {
            if (lines <= MAX_BANNER) {
                return true;
            }
            throw broken(line, "'" + UmockdevReader.clip(s) + "'; expected " + expected());
        }
        // a run of bytes that slsnif wrapped onto a new line
        emit(time.current(), dir, Escapes.angle(s, false), line);
        return true;
    }
}
