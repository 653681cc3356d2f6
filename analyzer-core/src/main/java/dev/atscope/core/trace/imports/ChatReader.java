package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AT traffic that pppd's {@code chat -v} writes to syslog (chat(8)): {@code send
 * (AT^M)} for what it sent, {@code expect (OK)} before it reads, then what it received, one log
 * line per received line (the line feed itself not shown, control bytes as {@code ^M}), and
 * {@code -- got it} when the expected text arrived, ending the last received line without a line
 * feed. Other chat and syslog lines are skipped. The time is the syslog stamp.
 */
final class ChatReader extends LogTraceReader {

    private static final Pattern CHAT = Pattern.compile("chat\\[\\d+\\]: ?(.*)$");
    private boolean expecting;
    private String received;
    private long receivedLine;
    private long receivedTime;
    /** The last expect ended in a match, mid-line: the rest of that line is still to come. */
    private boolean afterMatch;
    /** A send held back until the rest of the matched line, logged after it, is handed out. */
    private byte[] heldSend;
    private long heldTime;
    private long heldLine;

    ChatReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.CHAT, options, probe);
    }

    @Override
    String expected() {
        return "chat -v syslog line like 'chat[123]: send (AT^M)'";
    }

    @Override
    boolean step() throws IOException {
        if (!readLine()) {
            return false;
        }
        Matcher m = find(CHAT);
        if (m == null) {
            return true;
        }
        long line = lastLine;
        String s = lastText;
        LogTime.Stamp stamp = LogTime.leading(s);
        long t = timeOf(stamp);
        String msg = m.group(1);
        String trimmed = msg.strip();
        if (trimmed.equals("-- got it") || trimmed.equals("alarm") || trimmed.equals("-- failed")
                || trimmed.startsWith("Failed")) {
            flushReceived(false);
            releaseSend();
            expecting = false;
            afterMatch = trimmed.equals("-- got it");
            return true;
        }
        if (msg.startsWith("send (") && msg.endsWith(")")) {
            flushReceived(true);
            releaseSend();
            expecting = false;
            byte[] data = Escapes.chat(msg.substring(6, msg.length() - 1));
            if (afterMatch) {
                // chat stopped reading in the middle of the matched line; the rest of it, logged
                // as the first line of the next expect, came over the wire before this send
                heldSend = data;
                heldTime = t;
                heldLine = line;
            } else {
                emit(t, Direction.HOST_TO_MODULE, data, line);
            }
            afterMatch = false;
            return true;
        }
        if (msg.startsWith("expect (") && msg.endsWith(")")) {
            flushReceived(true);
            expecting = true;
            return true;
        }
        if (!expecting) {
            return true; // chat's own remarks: abort on, timeout set to, report
        }
        flushReceived(true);
        received = msg;
        receivedLine = line;
        receivedTime = t;
        if (heldSend != null) {
            receivedTime = heldTime;
            flushReceived(true);
            releaseSend();
        }
        return true;
    }

    private void releaseSend() {
        if (heldSend != null) {
            emit(heldTime, Direction.HOST_TO_MODULE, heldSend, heldLine);
            heldSend = null;
        }
    }

    /** Hands out the pending received line, with the line feed that ended it unless the match did. */
    private void flushReceived(boolean newline) {
        if (received == null) {
            return;
        }
        byte[] text = Escapes.chat(received);
        byte[] data = new byte[text.length + (newline ? 1 : 0)];
        System.arraycopy(text, 0, data, 0, text.length);
        if (newline) {
            data[text.length] = '\n';
        }
        emit(receivedTime, Direction.MODULE_TO_HOST, data, receivedLine);
        received = null;
    }

    @Override
    void finish() {
        flushReceived(false);
        releaseSend();
        warnOtherLines("other log lines were not chat traffic and were left out");
    }
}
