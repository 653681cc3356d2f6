package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code jpnevulator --read} output (jpnevulator(1)): a header line naming the tty the
 * bytes came from ({@code /dev/ttyS0}, or with {@code --timing-print}
 * {@code 2026-11-23 10:00:00.123456: /dev/ttyS0}), then the bytes as upper-case hex, sixteen a
 * line, with {@code --ascii} followed by a tab and their text. Which tty is the host is not in the
 * log: the one that first sends {@code AT} is.
 */
final class JpnevulatorReader extends LogTraceReader {

    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})((?: [0-9A-Fa-f]{2})*+)\\s*+(\\t.*)?");
    private String channel;
    private long t;
    private long blockLine;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();

    JpnevulatorReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.JPNEVULATOR, options, probe);
        describeStripped("the tty header before each block; hex bytes read, their --ascii text left aside");
    }

    @Override
    String expected() {
        return "jpnevulator block (a tty name, optionally after '2026-11-23 10:00:00.123456: ', then hex bytes)";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        if (s.isBlank()) {
            return;
        }
        Matcher hex = HEX.matcher(s);
        if (hex.matches() && channel != null) {
            String all = hex.group(1) + hex.group(2);
            for (int i = 0; i + 2 <= all.length(); i += 3) {
                block.write(Integer.parseInt(all.substring(i, i + 2), 16));
            }
            if (block.size() >= 1 << 16) {
                flushBlock();
            }
            return;
        }
        if (hex.matches()) {
            throw broken(l.number(), "hex bytes before any header; expected a tty name such as /dev/ttyS0 first");
        }
        flushBlock();
        String name = l.rest().strip();
        if (name.isEmpty() || !name.startsWith("/") && !name.matches("[A-Za-z][\\w.:-]*+")) {
            throw broken(l.number(), "'" + UmockdevReader.clip(s) + "'; expected a tty name or hex bytes");
        }
        channel = name;
        blockLine = l.number();
        describeTime(l.stamp() != null ? "jpnevulator's --timing-print stamp on each header"
                : "none: jpnevulator was run without --timing-print");
        t = timeOf(l.stamp());
    }

    private void flushBlock() {
        if (block.size() > 0) {
            emit(t, channel, block.toByteArray(), blockLine);
            block.reset();
        }
    }

    @Override
    void finish() {
        flushBlock();
    }

    @Override
    void resync() {
        block.reset();
    }
}
