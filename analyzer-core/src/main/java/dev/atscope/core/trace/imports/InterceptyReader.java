package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads interceptty output (interceptty(8): "each byte is shown on its own line, with its
 * direction"): {@code < 0x41 (A)}, {@code > 0x0d}; the character in brackets is shown for
 * printable bytes and is not needed. interceptty prints no times: the times are made up, one
 * step per run of bytes in one direction. Which arrow is the host depends on how interceptty was
 * wired; the side that first sends {@code AT} is.
 */
final class InterceptyReader extends LogTraceReader {

    private static final Pattern BYTE = Pattern.compile("([<>])\\s+0x([0-9a-fA-F]{2})(?:\\s+\\(.{1,4}\\))?\\s*");
    private String channel;
    private long blockLine;
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();

    InterceptyReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.INTERCEPTTY, options, probe);
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
    boolean step() throws IOException {
        long line = in.line();
        String s = in.readLine();
        if (s == null) {
            return false;
        }
        if (s.isBlank()) {
            return true;
        }
        Matcher m = BYTE.matcher(s);
        if (!m.matches()) {
            throw broken(line, "'" + UmockdevReader.clip(s) + "'; expected " + expected());
        }
        if (!m.group(1).equals(channel)) {
            flushRun();
            channel = m.group(1);
            blockLine = line;
        }
        run.write(Integer.parseInt(m.group(2), 16));
        if (run.size() >= 1 << 16) {
            flushRun();
        }
        return true;
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
