package dev.atscope.core.trace.imports;

import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain terminal transcripts, which show the traffic without saying who sent what: minicom
 * capture files, PuTTY session logs (with their {@code =~=~= PuTTY log 2026.11.23 10:00:00 =~=~=}
 * header), {@code screen} and {@code tio} logs, text pasted into a ticket. The sides come from the
 * grammar: a command line ({@code AT...}) is the host's, so is the upload that follows a {@code
 * CONNECT} to a command whose host sends data; every other line (echo aside, results, information
 * responses, URCs, bodies) is the module's. A line may start with a time stamp ({@code
 * [2026-11-23 10:00:00.123]}, {@code 10:00:00.123}, {@code [123.456]}), which is kept; lines
 * without one get made-up times that keep only the order, and the trace says so.
 */
final class TranscriptReader extends LogTraceReader {

    private static final Pattern PUTTY = Pattern.compile(
            "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log (\\d{4}\\.\\d{2}\\.\\d{2} \\d{2}:\\d{2}:\\d{2}) =~=~=~=~=~=~=~=~=~=~=~=");
    private final LineFramer framer = new LineFramer(options.model());
    private Instant puttyStart;
    private String lastHostLine;
    private boolean lastWasHostCommand;
    private long commands;
    /** The indentation of the first command line (a log pasted as a code block), taken off every line. */
    private int indent = -1;

    TranscriptReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.TRANSCRIPT, options, probe);
    }

    @Override
    String expected() {
        return "AT command line in a text transcript";
    }

    @Override
    TraceMetadata describe(TraceMetadata m) {
        return m.start() == null && puttyStart != null ? m.withStart(puttyStart) : m;
    }

    @Override
    boolean step() throws IOException {
        long line = in.line();
        String raw = in.readLine();
        if (raw == null) {
            return false;
        }
        if (probe) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r' && c != 0x1b || c == 0x7f) {
                    throw broken(line, String.format("control byte 0x%02x; expected text", (int) c));
                }
            }
        }
        Matcher p = PUTTY.matcher(raw);
        if (line == 1 && p.matches()) {
            try {
                puttyStart = LocalDateTime.parse(p.group(1), DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss"))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw broken(line, "PuTTY log header with a date that does not exist: " + p.group(1));
            }
            return true;
        }
        // a carriage return inside a line starts the line over on a terminal: read each part
        String body = raw;
        while (body.endsWith("\r")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String part : body.split("\r", -1)) {
            line(part, line);
        }
        return true;
    }

    private void line(String text, long line) {
        LogTime.Stamp stamp = LogTime.leading(text.stripLeading());
        String s = stamp == null ? text : text.stripLeading().substring(stamp.end());
        if (indent < 0 && CommandLineParser.isCommandLine(s.strip())) {
            indent = s.length() - s.stripLeading().length();
        }
        int cut = 0;
        while (cut < Math.max(0, indent) && cut < s.length() && (s.charAt(cut) == ' ' || s.charAt(cut) == '\t')) {
            cut++;
        }
        s = s.substring(cut);
        String stripped = s.strip();
        if (stripped.isEmpty() && !framer.inModuleBody()) {
            return;
        }
        Direction dir;
        if (framer.awaitingHostData()) {
            dir = Direction.HOST_TO_MODULE;
        } else if (CommandLineParser.isCommandLine(stripped)) {
            // a line typed with local echo on, then echoed by the module, shows twice
            boolean echo = lastWasHostCommand && stripped.equals(lastHostLine);
            dir = echo ? Direction.MODULE_TO_HOST : Direction.HOST_TO_MODULE;
            if (!echo) {
                commands++;
                lastHostLine = stripped;
            }
        } else {
            dir = Direction.MODULE_TO_HOST;
        }
        lastWasHostCommand = dir == Direction.HOST_TO_MODULE && CommandLineParser.isCommandLine(stripped);
        long t = stamp != null ? time.at(stamp) : time.next();
        byte[] bytes = (dir == Direction.HOST_TO_MODULE && !framer.awaitingHostData() ? stripped : s)
                .getBytes(StandardCharsets.ISO_8859_1);
        if (dir == Direction.MODULE_TO_HOST && CommandLineParser.isCommandLine(stripped)) {
            bytes = (stripped + "\r").getBytes(StandardCharsets.ISO_8859_1);
            emit(t, dir, bytes, line);
            return;
        }
        emit(t, dir, framer.frame(dir, bytes), line);
    }

    @Override
    void finish() throws IOException {
        if (commands == 0) {
            throw broken(1, "no AT command line" + (probe ? " in the first part of the file" : "")
                    + "; expected a transcript with commands such as AT+CGMI");
        }
    }
}
