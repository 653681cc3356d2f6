package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads interceptty output (interceptty(8): "each byte is shown on its own line, with its
 * direction"): {@code < 0x41 (A)}, {@code > 0x0d}; the character in brackets is shown for
 * printable bytes and is not needed. interceptty prints no times: the times are made up, one
 * step per run of bytes in one direction. Which arrow is the host depends on how interceptty was
 * wired; the side that first sends {@code AT} is.
 */
final class InterceptyReader extends LogTraceReader {

    private String channel;
    private long blockLine;
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();

    InterceptyReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.INTERCEPTTY, options, probe);
        describeTime("none: interceptty prints no times; made-up times, one step per run of bytes");
        describeStripped("one byte a line: '< 0x41 (A)' read as the byte 0x41");
    }

    @Override
    String expected() {
        return "interceptty byte line like '< 0x41 (A)'";
    }

    @Override
    String defaultHostChannel() {
        return ">";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        if (s.isBlank()) {
            return;
        }
        int value = byteOf(s);
        if (value < 0) {
            throw broken(l.number(), "'" + UmockdevReader.clip(s) + "'; expected " + expected());
        }
        String side = s.substring(0, 1);
        if (!side.equals(channel)) {
            flushRun();
            channel = side;
            blockLine = l.number();
        }
        run.write(value);
        if (run.size() >= 1 << 16) {
            flushRun();
        }
    }

    /** The byte of a line {@code < 0x41 (A)} ({@code > 0x0d}), or -1 when the line is not one. */
    private static int byteOf(String s) {
        int n = s.length();
        if (n < 6 || s.charAt(0) != '<' && s.charAt(0) != '>' || !Character.isWhitespace(s.charAt(1))) {
            return -1;
        }
        int i = 1;
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i + 4 > n || s.charAt(i) != '0' || s.charAt(i + 1) != 'x') {
            return -1;
        }
        int hi = Character.digit(s.charAt(i + 2), 16);
        int lo = Character.digit(s.charAt(i + 3), 16);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        i += 4;
        int afterHex = i;
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < n) {
            // the character itself in brackets, one to four of them: "(A)", "())"
            int close = s.lastIndexOf(')');
            if (i == afterHex || s.charAt(i) != '(' || close < i + 2 || close > i + 5) {
                return -1;
            }
            for (int k = close + 1; k < n; k++) {
                if (!Character.isWhitespace(s.charAt(k))) {
                    return -1;
                }
            }
        }
        return hi << 4 | lo;
    }

    private void flushRun() {
        if (run.size() > 0) {
            emit(time.next(), channel, run.toByteArray(), blockLine);
            run.reset();
        }
    }

    @Override
    void finish() {
        flushRun();
    }

    @Override
    void resync() {
        run.reset();
        channel = null;
    }
}
