package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads the AT traffic in gammu's debug log ({@code gammu-smsd} or {@code gammu} with debug on):
 * a line {@code SENDING frametype 0x00/length 0x09/9} (or {@code frame type}) before what gammu
 * wrote and {@code RECEIVED frametype ...} before what it read, each followed by a dump of the
 * bytes, sixteen a line, each as two hex digits, the character and a bar ({@code 41A|54T|0D }),
 * with the text again on the right. The time is the log's stamp (a day name may come first);
 * gammu's other lines (the reply parsed into numbered quoted lines, its own remarks) are left out
 * and counted. A paste may quote every line ({@code > }).
 */
final class GammuReader extends LogTraceReader {

    private static final String SENDING = "SENDING frame";
    private static final String RECEIVED = "RECEIVED frame";
    private String channel;
    private long blockLine;
    private long blockTime;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();

    GammuReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.GAMMU, options, probe);
        describeTime("the log's stamp before each line (a day name may come first)");
        describeStripped("gammu's 'SENDING frametype' / 'RECEIVED frametype' headers; the bytes read from the"
                + " hex dump (41A|54T|...), its text on the right left aside");
    }

    @Override
    String expected() {
        return "gammu debug line with 'SENDING frametype' or 'RECEIVED frametype' and a hex dump";
    }

    @Override
    String defaultHostChannel() {
        return "SENDING";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        int sending = s.indexOf(SENDING);
        int received = s.indexOf(RECEIVED);
        if (sending >= 0 || received >= 0) {
            flush();
            channel = sending >= 0 ? "SENDING" : "RECEIVED";
            blockLine = l.number();
            blockTime = timeOf(stampOf(l));
            return;
        }
        int dump = channel == null ? -1 : dumpStart(s);
        if (dump < 0) {
            flush();
            channel = null;
            skip("gammu's own lines", l.number(), s);
            return;
        }
        for (int i = dump; i + 3 <= s.length() && isHex(s.charAt(i)) && isHex(s.charAt(i + 1)); i += 4) {
            block.write(Character.digit(s.charAt(i), 16) << 4 | Character.digit(s.charAt(i + 1), 16));
            if (i + 3 >= s.length() || s.charAt(i + 3) != '|') {
                break;
            }
        }
    }

    /** The line's stamp: at its start, or after a day name or a quote mark ({@code > Fri 2019/04/26 ...}). */
    private LogTime.Stamp stampOf(LogLine l) {
        return l.stamp() != null ? l.stamp() : LogTime.within(l.text(), 8);
    }

    /** Where a hex dump starts on the line (after {@code gammu: }): {@code 41A|}, or a lone {@code 0D } ending a block; -1 if none. */
    private static int dumpStart(String s) {
        for (int at = s.indexOf(": "); at >= 0; at = s.indexOf(": ", at + 2)) {
            int i = at + 2;
            if (i + 3 <= s.length() && isHex(s.charAt(i)) && isHex(s.charAt(i + 1))
                    && (i + 3 < s.length() && s.charAt(i + 3) == '|' || s.substring(i + 3).startsWith("  "))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
    }

    private void flush() {
        if (block.size() > 0) {
            emit(blockTime, channel, block.toByteArray(), blockLine);
            block.reset();
        }
    }

    @Override
    void finish() {
        flush();
    }

    @Override
    void resync() {
        block.reset();
    }
}
