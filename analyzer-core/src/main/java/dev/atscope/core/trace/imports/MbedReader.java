package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Marker;
import java.io.IOException;

/**
 * Reads the AT traffic in an Mbed OS cellular trace (mbed-os {@code ATHandler::debug_print}):
 * {@code [00030546ms][INFO][CELL]: AT TX ( 7): AT+CGMR} and {@code AT RX (20): <cr><ln>...}, the
 * number being the byte count, with {@code <cr>}, {@code <ln>} and {@code [n]} (decimal) for
 * unprintable bytes. The time is the trace prefix's milliseconds since boot (or a date and time),
 * when present. A line that shows fewer bytes than its count (Mbed shortens long prints) keeps what
 * it shows, and a gap marker says how many bytes the log left out. Other trace lines are left out
 * and counted.
 */
final class MbedReader extends LogTraceReader {

    MbedReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.MBED, options, probe);
        describeStripped("the trace prefix before 'AT TX (n): ' and 'AT RX (n): '; <cr>, <ln> and [n] read");
    }

    @Override
    String expected() {
        return "Mbed cellular trace line with 'AT TX (n): ...' or 'AT RX (n): ...'";
    }

    @Override
    String defaultHostChannel() {
        return "AT TX";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        int tx = s.indexOf("AT TX (");
        int rx = s.indexOf("AT RX (");
        int at = tx < 0 ? rx : rx < 0 ? tx : Math.min(tx, rx);
        int close = at < 0 ? -1 : Escapes.indexOf(s, ')', at + 7, Math.min(s.length(), at + 7 + 12));
        String number = close < 0 ? "" : s.substring(at + 7, close).strip();
        if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':' || number.isEmpty()
                || number.length() > 7 || !number.chars().allMatch(Character::isDigit)) {
            skip("other trace lines", l.number(), s);
            return;
        }
        describeTime(l.stamp() != null ? "the trace prefix's stamp at the start of the line" : "none in the lines");
        long t = timeOf(l.stamp());
        String channel = at == tx ? "AT TX" : "AT RX";
        int from = close + 2 < s.length() && s.charAt(close + 2) == ' ' ? close + 3 : close + 2;
        String shown = s.substring(Math.min(from, s.length()));
        int count = Integer.parseInt(number);
        byte[] data = Escapes.angle(shown, true);
        if (data.length > 3 && shown.endsWith("...") && count != data.length) {
            // Mbed shortens a long print and ends it with "...", which is not traffic
            data = Escapes.angle(shown.substring(0, shown.length() - 3), true);
        }
        if (data.length > count) {
            throw broken(l.number(), "the line shows " + data.length + " bytes; its count says " + count);
        }
        emit(t, channel, data, l.number());
        if (data.length < count) {
            emit(channel, new Marker(t, null, Marker.Kind.GAP, (count - data.length) + " bytes not shown by the Mbed trace",
                    l.number()));
        }
    }
}
