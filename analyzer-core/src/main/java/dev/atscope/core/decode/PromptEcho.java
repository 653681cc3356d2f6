package dev.atscope.core.decode;

import java.io.ByteArrayOutputStream;

/**
 * The bytes the host sent after a {@code >} prompt, and how far the module's echo of them has
 * got. A module that echoes (ATE1, AT+QISDE=1) sends the host's data back as it arrives; one that
 * does not goes straight to its result. The echo is recognised by comparing byte for byte: it ends
 * at the first byte that differs, or that the host has not sent yet (an echo never runs ahead of
 * the data, so a URC before the data is not held back waiting for it).
 */
final class PromptEcho {

    private static final byte CR = '\r';

    /** The bytes the host sent in prompt mode, terminator included. */
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    /** At most this many bytes are compared; an echo longer than that ends there. */
    private final int limit;
    /** How many of the host's bytes have come back. */
    private int matched;
    private boolean ended;

    PromptEcho(int limit) {
        this.limit = limit;
    }

    void hostSent(byte[] b, int off, int len) {
        int room = limit - sent.size();
        if (room > 0) {
            sent.write(b, off, Math.min(room, len));
        }
    }

    /** The echo is over: no more module bytes belong to it. */
    boolean ended() {
        return ended;
    }

    /** Ends the echo where it is (the host moved on, or the trace ended). */
    void end() {
        ended = true;
    }

    /**
     * Matches module bytes {@code buf[from, to)} against the host's: returns how many of them are
     * echo. When it returns without {@link #ended()}, the rest needs more module bytes: a CR that
     * may begin the continuation prompt of 27.005.
     */
    int scan(byte[] buf, int from, int to) {
        byte[] host = sent.toByteArray();
        int i = from;
        while (i < to && !ended) {
            if (matched >= host.length || matched >= limit) {
                ended = true;
                break;
            }
            byte h = host[matched];
            byte m = buf[i];
            if (h == CR && m == CR) {
                // 27.005 3.5.1: in text mode the module answers each CR of the message with CR LF "> "
                if (to - i < 4 && (to - i < 2 || buf[i + 1] == '\n')) {
                    break; // too few bytes to tell the continuation prompt from a plain CR
                }
                if (buf[i + 1] == '\n' && buf[i + 2] == '>' && buf[i + 3] == ' ') {
                    i += 4;
                    matched++;
                    continue;
                }
            }
            if (h != m) {
                ended = true;
                break;
            }
            i++;
            matched++;
        }
        return i - from;
    }
}
