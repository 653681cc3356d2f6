package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AT traffic in an Mbed OS cellular trace (mbed-os {@code ATHandler::debug_print}):
 * {@code [00030546ms][INFO][CELL]: AT TX ( 7): AT+CGMR} and {@code AT RX (20): <cr><ln>...}, the
 * number being the byte count, with {@code <cr>}, {@code <ln>} and {@code [n]} (decimal) for
 * unprintable bytes. The time is the trace prefix's milliseconds since boot, when present. A line
 * that shows fewer bytes than its count (Mbed shortens long prints) keeps what it shows, and a gap
 * marker says how many bytes the log left out. Other trace lines are skipped.
 */
final class MbedReader extends LogTraceReader {

    private static final Pattern AT = Pattern.compile("AT ([TR])X \\(\\s*(\\d+)\\): ?(.*)$");

    MbedReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.MBED, options, probe);
    }

    @Override
    String expected() {
        return "Mbed cellular trace line with 'AT TX (n): ...' or 'AT RX (n): ...'";
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
        LogTime.Stamp stamp = LogTime.leading(s);
        long t = timeOf(stamp);
        Direction dir = m.group(1).equals("T") ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
        String shown = m.group(3);
        byte[] data = Escapes.angle(shown, true);
        if (data.length > 3 && shown.endsWith("...") && Integer.parseInt(m.group(2).length() > 7 ? "0" : m.group(2)) != data.length) {
            // Mbed shortens a long print and ends it with "...", which is not traffic
            data = Escapes.angle(shown.substring(0, shown.length() - 3), true);
        }
        int count = Integer.parseInt(m.group(2).length() > 7 ? "0" : m.group(2));
        if (data.length > count) {
            throw broken(line, "the line shows " + data.length + " bytes; its count says " + count);
        }
        emit(t, dir, data, line);
        if (data.length < count) {
            emit(new Marker(t, dir, Marker.Kind.GAP, (count - data.length) + " bytes not shown by the Mbed trace", line));
        }
        return true;
    }

    @Override
    void finish() {
        warnOtherLines("other trace lines were not AT traffic and were left out");
    }
}
