package dev.atscope.core.trace.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the data logs of {@code socat -v} and {@code socat -x} (socat(1), "-v: writes the
 * transferred data ... to stderr ... prefixed with "> " or "< " indicating flow directions";
 * "-x: ... as hexadecimal dump"). Each block has a header
 * {@code > 2026/11/23 10:00:00.000123  length=13 from=0 to=12}, then the data: with {@code -x} the
 * bytes in hex on one line (with {@code -v -x} followed by their text and a {@code --} line); with
 * {@code -v} as text in which CR is {@code \r}, a backslash {@code \\}, LF a line break, and every
 * other unprintable byte a dot. The text form ends without a line break when the data does, so
 * the next header may start in the middle of a line: blocks are read by their length.
 *
 * <p>{@code >} is data from socat's first address to its second. For a relay started as
 * {@code socat -v <host side> <module side>} that is the host; whichever side first sends
 * {@code AT} is taken as the host all the same.
 */
final class SocatReader extends LogTraceReader {

    private static final Pattern HEADER = Pattern.compile(
            "([<>]) (\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{1,9})  length=(\\d+) from=(\\d+) to=(-?\\d+)");
    private static final Pattern HEX_LINE = Pattern.compile(" [0-9a-fA-F]{2}( [0-9a-fA-F]{2})*( .*)?");
    private long dots;
    private long firstDotLine = -1;

    SocatReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.SOCAT, options, probe);
    }

    @Override
    String expected() {
        return "socat block header like '> 2026/11/23 10:00:00.000123  length=13 from=0 to=12'";
    }

    @Override
    String defaultHostChannel() {
        return ">";
    }

    @Override
    boolean step() throws IOException {
        long line = in.line();
        String header = in.readLine();
        if (header == null) {
            return false;
        }
        if (header.isEmpty() || header.equals("--")) {
            return true;
        }
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw broken(line, "'" + UmockdevReader.clip(header) + "'; expected " + expected());
        }
        int length;
        try {
            length = Integer.parseInt(m.group(9));
        } catch (NumberFormatException e) {
            throw broken(line, "length " + m.group(9) + " is too large");
        }
        if (length > LineSource.MAX_LINE) {
            throw broken(line, "length " + length + " is larger than socat's buffer; expected at most " + LineSource.MAX_LINE);
        }
        long micros;
        try {
            long secs = LocalDateTime.of(num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), num(m, 7))
                    .toEpochSecond(ZoneOffset.UTC);
            String f = m.group(8);
            // socat 1.7.4 prints the microseconds in nine digits with three leading zeros
            long frac = f.length() == 9 && f.startsWith("000") ? Long.parseLong(f.substring(3)) : LogTime.micros(f);
            micros = secs * 1_000_000 + frac;
        } catch (DateTimeException e) {
            throw broken(line, "'" + UmockdevReader.clip(header) + "' has no valid date and time");
        }
        long t = time.at(new LogTime.Stamp(micros, LogTime.Kind.DATE_TIME, 0));
        byte[] data = in.peek() == ' ' ? hexOrText(length, line + 1) : text(length, "", line + 1);
        if (data == null) {
            return false; // a probe cut inside the block
        }
        emit(t, m.group(1), data, line + 1);
        return true;
    }

    private static int num(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    /** A block whose first line starts with a blank: a hex dump, or text that starts with a blank. */
    private byte[] hexOrText(int length, long line) throws IOException {
        String first = in.readLine();
        if (first == null) {
            return probe ? null : new byte[0];
        }
        if (HEX_LINE.matcher(first).matches()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length);
            String l = first;
            long at = line;
            while (true) {
                for (int i = 1; i + 2 <= l.length() && out.size() < length; i += 3) {
                    int hi = Character.digit(l.charAt(i), 16);
                    int lo = Character.digit(l.charAt(i + 1), 16);
                    if (hi < 0 || lo < 0 || l.charAt(i - 1) != ' ') {
                        break;
                    }
                    out.write(hi << 4 | lo);
                }
                if (out.size() >= length) {
                    return out.toByteArray();
                }
                at = in.line();
                l = in.readLine();
                if (l == null) {
                    if (probe) {
                        return null;
                    }
                    throw broken(at, "the hex dump ends after " + out.size() + " of " + length + " bytes");
                }
                if (!HEX_LINE.matcher(l).matches()) {
                    throw broken(at, "'" + UmockdevReader.clip(l) + "'; expected more hex bytes (" + out.size()
                            + " of " + length + " read)");
                }
            }
        }
        return text(length, first + (in.lastTerminated() ? "\n" : ""), line);
    }

    /** {@code length} bytes of the {@code -v} text form, the first characters already read in {@code carry}. */
    private byte[] text(int length, String carry, long line) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        int k = 0;
        while (out.size() < length) {
            int c = k < carry.length() ? carry.charAt(k++) : in.read();
            if (c < 0) {
                if (probe) {
                    return null;
                }
                throw broken(in.line(), "the file ends after " + out.size() + " of the block's " + length
                        + " bytes (socat stopped mid-write)");
            }
            if (c == '\\') {
                int e = k < carry.length() ? carry.charAt(k++) : in.read();
                if (e == 'r') {
                    out.write('\r');
                } else if (e == '\\') {
                    out.write('\\');
                } else {
                    throw broken(in.line(), "'\\" + (e < 0 ? "" : (char) e) + "' in socat -v text; expected \\r or \\\\");
                }
            } else {
                if (c == '.') {
                    dots++;
                    if (firstDotLine < 0) {
                        firstDotLine = line;
                    }
                }
                out.write(c);
            }
        }
        if (k < carry.length()) {
            throw broken(line, "the block's text is longer than its length " + length);
        }
        return out.toByteArray();
    }

    @Override
    void finish() {
        if (dots > 0) {
            warn(firstDotLine, dots + " dots in socat -v text: socat shows every unprintable byte as a dot, so"
                    + " these may stand for other bytes; record with socat -x for an exact log");
        }
    }
}
