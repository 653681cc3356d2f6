package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AT traffic in ModemManager debug logs ({@code mmcli --set-logging=DEBUG} or {@code
 * --debug}, from the journal or a file): {@code [ttyUSB2/at] --> 'AT+CGMI<CR>'} for what
 * ModemManager sent and {@code <-- '<CR><LF>OK<CR><LF>'} for what it received, with its escapes
 * ({@link Escapes#modemManager}). The time is the bracketed Unix time ModemManager prints, else
 * the journal's stamp at the start of the line. Other log lines are skipped.
 */
final class ModemManagerReader extends LogTraceReader {

    private static final Pattern AT = Pattern.compile("(-->|<--) '(.*)'\\s*$");
    private static final Pattern UNIX_TIME = Pattern.compile("\\[(\\d{10}\\.\\d{1,9})\\]");

    ModemManagerReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.MODEMMANAGER, options, probe);
    }

    @Override
    String expected() {
        return "ModemManager line with --> 'AT...' or <-- '...'";
    }

    @Override
    boolean step() throws IOException {
        if (!readLine()) {
            return false;
        }
        Matcher m = find(AT);
        if (m == null) {
            return true;
        }
        long line = lastLine;
        String s = lastText;
        LogTime.Stamp stamp = null;
        Matcher u = UNIX_TIME.matcher(s);
        if (u.find() && u.start() < m.start()) {
            stamp = LogTime.leading("[" + u.group(1) + "]");
        }
        if (stamp == null) {
            stamp = LogTime.leading(s);
        }
        long t = timeOf(stamp);
        emit(t, m.group(1).equals("-->") ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST,
                Escapes.modemManager(m.group(2)), line);
        return true;
    }

    @Override
    void finish() {
        warnOtherLines("other log lines were not AT traffic and were left out");
    }
}
