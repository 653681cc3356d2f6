package dev.atscope.core.decode;

import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The host's upload in its {@link FrameBuffer}: after {@code CONNECT}, the announced number of bytes
 * (or fewer, ended by the {@code +++} escape or by the module answering first); after the module's
 * {@code >} prompt, the announced count or text ended by Ctrl-Z (sent) or ESC (cancelled), which the
 * module's echo is matched against. The {@link Framer} holds the {@code UPLOAD} state.
 */
final class UploadFraming {

    private static final byte[] ESCAPE = {'+', '+', '+'};
    /** Ctrl-Z: sends the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte CTRL_Z = 0x1a;
    /** ESC: cancels the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte ESC = 0x1b;

    private final FrameBuffer in;
    private final DecoderOptions options;
    private final FrameSink sink;
    private final Direction direction;

    private int remaining;
    /** The announced count, or -1. */
    private int announced;
    /** Stream offset where the upload's span begins, or -1 before its first byte. */
    private long spanStart;
    private long startTime;
    private long endTime;
    private long line;
    /** Bytes of the upload so far, kept or not. */
    private long count;
    private ByteArrayOutputStream kept;
    /** After a prompt without a count: the data ends at Ctrl-Z or ESC. */
    private boolean terminated;
    /** After a prompt: what the module's echo is compared with. */
    private PromptEcho promptEcho;

    UploadFraming(FrameBuffer in, DecoderOptions options, FrameSink sink, Direction direction) {
        this.in = in;
        this.options = options;
        this.sink = sink;
        this.direction = direction;
    }

    /** An upload of {@code count} bytes (-1: unknown) follows. */
    void start(int count) {
        terminated = false;
        promptEcho = null;
        announced = count;
        remaining = count < 0 ? Integer.MAX_VALUE : count;
        spanStart = -1;
        this.count = 0;
        kept = new ByteArrayOutputStream();
    }

    /** The module's prompt has come: the announced count, or text up to Ctrl-Z or ESC, matched by {@code echo}. */
    void startAfterPrompt(int count, PromptEcho echo) {
        start(count);
        terminated = count < 0;
        promptEcho = echo;
    }

    /** Whether the upload after a prompt ends at Ctrl-Z or ESC rather than at a count. */
    boolean endsAtCtrlZ() {
        return terminated;
    }

    /** Takes the bytes there are (at least one); returns true when the upload is complete and handed out. */
    boolean read() {
        if (spanStart < 0) {
            spanStart = in.spanStart;
            startTime = in.timeAt(in.offset);
            line = in.lineAt(in.offset);
        }
        int n = Math.min(in.end - in.start, remaining);
        byte stop = 0;
        if (terminated) {
            for (int i = in.start; i < in.start + n; i++) {
                if (in.buf[i] == CTRL_Z || in.buf[i] == ESC) {
                    stop = in.buf[i];
                    n = i + 1 - in.start;
                    break;
                }
            }
        }
        int data = stop == 0 ? n : n - 1;
        int keep = (int) Math.max(0, Math.min(data, options.maxPayloadBytes() - count));
        kept.write(in.buf, in.start, keep);
        if (promptEcho != null) {
            promptEcho.hostSent(in.buf, in.start, n);
        }
        count += data;
        remaining -= n;
        endTime = in.timeAt(in.offsetOf(in.start + n) - 1);
        in.consume(in.start + n);
        in.spanStart = in.offset;
        if (stop != 0) {
            emit(stop == CTRL_Z ? "ended by Ctrl-Z after " + count + " bytes" : "cancelled with ESC after " + count
                    + " bytes");
            return true;
        }
        if (remaining == 0) {
            emit(null);
            return true;
        }
        return false;
    }

    /** Ends the upload early; what arrived is the payload. */
    void end(String why) {
        String note = why;
        byte[] got = kept.toByteArray();
        if (count >= 3 && got.length == count && endsWith(got, ESCAPE)) {
            note = "ended by the +++ escape after " + (count - 3) + " bytes";
        } else if (announced >= 0) {
            note = why + ": " + count + " of " + announced + " bytes";
        }
        emit(note);
    }

    private void emit(String note) {
        byte[] data = kept.toByteArray();
        in.scan = in.start;
        promptEcho = null;
        kept = null;
        if (spanStart < 0) {
            return; // nothing arrived
        }
        if (note != null && note.startsWith("ended by the +++")) {
            data = Arrays.copyOf(data, data.length - 3);
        }
        if (count > data.length && (note == null || terminated)) {
            String kept = "payload of " + count + " bytes; only the first " + data.length + " kept";
            note = note == null ? kept : note + "; " + kept;
        }
        sink.uploaded(new Event(EventKind.PAYLOAD, direction, spanStart, in.offset, startTime, endTime, line, data,
                note));
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        if (data.length < suffix.length) {
            return false;
        }
        return Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }
}
