package dev.atscope.core.trace.imports;

import java.io.IOException;

/**
 * Reads the AT traffic that pppd's {@code chat -v} writes to syslog (chat(8)): {@code send
 * (AT^M)} for what it sent, {@code expect (OK)} before it reads, then what it received, one log
 * line per received line (the line feed itself not shown, control bytes as {@code ^M}), and
 * {@code -- got it} when the expected text arrived, ending the last received line without a line
 * feed. Other chat and syslog lines are skipped. The time is the syslog stamp.
 */
final class ChatReader extends LogTraceReader {

    private static final String SEND = "send";
    private static final String RECEIVED = "received";
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
        describeTime("the syslog stamp at the start of the line (whole seconds)");
        describeStripped("syslog's words up to 'chat[pid]: ', 'send (...)' around what was sent; ^M read");
    }

    @Override
    String defaultHostChannel() {
        return SEND;
    }

    @Override
    String expected() {
        return "chat -v syslog line like 'chat[123]: send (AT^M)'";
    }

    @Override
    void line(LogLine l) throws IOException {
        String s = l.text();
        int at = message(s);
        if (at < 0) {
            skip("other syslog lines", l.number(), s);
            return;
        }
        long line = l.number();
        long t = timeOf(l.stamp());
        String msg = s.substring(at);
        String trimmed = msg.strip();
        if (trimmed.equals("-- got it") || trimmed.equals("alarm") || trimmed.equals("-- failed")
                || trimmed.startsWith("Failed")) {
            flushReceived(false);
            releaseSend();
            expecting = false;
            afterMatch = trimmed.equals("-- got it");
            return;
        }
        if (msg.startsWith("send (") && msg.endsWith(")")) {
            flushReceived(true);
            releaseSend();
            expecting = false;
            byte[] data = Escapes.chat(withoutPauses(msg.substring(6, msg.length() - 1)));
            if (afterMatch) {
                // chat stopped reading in the middle of the matched line; the rest of it, logged
                // as the first line of the next expect, came over the wire before this send
                heldSend = data;
                heldTime = t;
                heldLine = line;
            } else {
                emit(t, SEND, data, line);
            }
            afterMatch = false;
            return;
        }
        if (msg.startsWith("expect (") && msg.endsWith(")")) {
            flushReceived(true);
            expecting = true;
            return;
        }
        if (!expecting) {
            skip("chat's own remarks", line, msg); // abort on, timeout set to, report
            return;
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
    }

    private void releaseSend() {
        if (heldSend != null) {
            emit(heldTime, SEND, heldSend, heldLine);
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
        emit(receivedTime, RECEIVED, data, receivedLine);
        received = null;
    }

    @Override
    void finish() {
        // chat logs a received line when its line feed comes; only "-- got it" ends one without
        flushReceived(true);
        releaseSend();
    }

    @Override
    void beforeGap() {
        // a broken line ends what came before it, as the end of the log does
        finish();
    }

    /**
     * A send string without chat's escapes that stand for no byte: {@code \\d} (a delay), {@code
     * \\p} (a pause) and {@code \\K} (a break), which chat logs as written.
     */
    private static String withoutPauses(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "dpK".indexOf(s.charAt(i + 1)) >= 0) {
                i++;
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Where chat's message starts on a syslog line ({@code chat[412]: send (AT^M)}), or -1. */
    private static int message(String s) {
        for (int at = s.indexOf("chat["); at >= 0; at = s.indexOf("chat[", at + 5)) {
            int i = at + 5;
            while (i < s.length() && i < at + 16 && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i > at + 5 && s.startsWith("]:", i)) {
                return i + 2 < s.length() && s.charAt(i + 2) == ' ' ? i + 3 : i + 2;
            }
        }
        return -1;
    }
}
