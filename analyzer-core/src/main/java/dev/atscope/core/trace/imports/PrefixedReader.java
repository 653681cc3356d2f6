package dev.atscope.core.trace.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads home-grown logs whose lines carry a direction prefix ({@code >> AT+CGMI}, {@code RX: OK},
 * {@code Send: AT}), matched by {@link PrefixPatterns}. A time stamp may start the line or end it
 * in brackets ({@code [10:00:00.123]}, {@code (12.5)}, {@code @ 12.345}). The text may spell CR
 * and LF ({@code \r}, {@code <CR>}); when it does not, the line endings are put back by {@link
 * LineFramer}. Lines that match no pattern are other log output and are skipped.
 */
final class PrefixedReader extends LogTraceReader {

    private static final Pattern TRAILING = Pattern.compile("\\s+(?:\\[([^\\]]+)\\]|\\(([^)]+)\\)|@\\s*(\\S+))\\s*$");
    private final LineFramer framer = new LineFramer(options.model());

    PrefixedReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.PREFIXED, options, probe);
    }

    @Override
    String expected() {
        return "line with a direction prefix (patterns " + String.join(", ", options.patterns().names()) + ")";
    }

    @Override
    boolean step() throws IOException {
        long line = in.line();
        String s = in.readLine();
        if (s == null) {
            return false;
        }
        LogTime.Stamp stamp = LogTime.leading(s);
        String body = stamp == null ? s : s.substring(stamp.end());
        PrefixPatterns.Match m = options.patterns().match(body);
        if (m == null) {
            other(s);
            return true;
        }
        String data = m.data();
        if (stamp == null) {
            Matcher t = TRAILING.matcher(data);
            if (t.find()) {
                String inner = t.group(1) != null ? t.group(1) : t.group(2) != null ? t.group(2) : t.group(3);
                LogTime.Stamp after = LogTime.leading(inner.contains(":") || inner.endsWith("ms") && inner.startsWith("[")
                        ? inner.strip() : "[" + inner.strip() + "]");
                if (after != null) {
                    stamp = after;
                    data = data.substring(0, t.start());
                }
            }
        }
        long time0 = timeOf(stamp);
        byte[] text = Escapes.c(new String(Escapes.angle(data, false), StandardCharsets.ISO_8859_1));
        if (text.length == 0 && !framer.inModuleBody()) {
            return true;
        }
        emit(time0, m.direction(), framer.frame(m.direction(), text), line);
        return true;
    }

    @Override
    void finish() {
        warnOtherLines("lines matched no direction prefix and were left out as other log output");
    }
}
