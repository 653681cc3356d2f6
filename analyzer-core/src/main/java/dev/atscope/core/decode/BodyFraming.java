package dev.atscope.core.decode;

import dev.atscope.core.trace.Direction;
import java.util.Arrays;

/**
 * The module's body in its {@link FrameBuffer}: bytes of unknown length up to a final result line
 * ({@code OK}, {@code ERROR}, {@code +CME ERROR:}). A final result inside the body is tentative:
 * module bytes within the quiet time make it a line of the body (an {@code OK} in a page); later
 * ones, the host's next bytes or the end of input confirm it. The {@link Framer} holds the state
 * ({@code BODY}, {@code CONFIRMING_BODY_END}) and moves between them on what these methods say.
 */
final class BodyFraming {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** What a scan of the body found. */
    enum Scan {
        /** No final result line yet: more input is needed. */
        NEED_MORE,
        /** A final result line: the body may end there (confirming). */
        FINAL_FOUND,
        /** No final result in sight after more bytes than any body: handed out unfinished. */
        GAVE_UP
    }

    /** What came after a tentative final result. */
    enum Proof {
        /** Nothing yet. */
        NEED_MORE,
        /** Module bytes within the quiet time: it was a line of the body. */
        MORE_BODY,
        /** Bytes after the quiet time: it ends the body. */
        CONFIRMED
    }

    private final FrameBuffer in;
    private final DecoderOptions options;
    private final FrameSink sink;
    private final Direction direction;

    private PendingCommand owner;
    /** Index in buf where the body's bytes begin. */
    private int bodyFrom;
    /** Index of the start of the body's line being scanned. */
    private int bodyLineStart;
    /** Tentative end: index in buf where the body ends (before the CR LF of the final line); -1 if none. */
    private int tentativeEnd = -1;
    private int tentativeFinalFrom;
    private int tentativeFinalTo;
    private long tentativeTime;
    /**
     * The last final result inside the body that more body followed soon after (so it was taken
     * for a line of the body): when the host speaks or the input ends, it closes the body after
     * all; -1 if none.
     */
    private int lateEnd = -1;
    private int lateFinalFrom;
    private int lateFinalTo;

    BodyFraming(FrameBuffer in, DecoderOptions options, FrameSink sink, Direction direction) {
        this.in = in;
        this.options = options;
        this.sink = sink;
        this.direction = direction;
    }

    /** A body for {@code command} follows its {@code CONNECT} line. */
    void start(PendingCommand command) {
        owner = command;
        tentativeEnd = -1;
        lateEnd = -1;
    }

    /** The body begins at the buffer's first byte not framed (after the line that led into it, or its LF). */
    void beginHere() {
        bodyFrom = in.start;
        bodyLineStart = in.start;
        in.scan = in.start;
    }

    /** Whether no byte of the body has come yet. */
    boolean empty() {
        return bodyFrom == in.start;
    }

    PendingCommand owner() {
        return owner;
    }

    /** The index the buffer must keep when compacting: the body's first byte. */
    int keepFrom() {
        return Math.min(in.start, bodyFrom);
    }

    /** The buffer's bytes moved {@code shift} to the left. */
    void shift(int shift) {
        bodyFrom -= shift;
        bodyLineStart -= shift;
        if (tentativeEnd >= 0) {
            tentativeEnd -= shift;
            tentativeFinalFrom -= shift;
            tentativeFinalTo -= shift;
        }
        if (lateEnd >= 0) {
            lateEnd -= shift;
            lateFinalFrom -= shift;
            lateFinalTo -= shift;
        }
    }

    /** Scans the new bytes for a final result line. */
    Scan scan() {
        int i = Math.max(in.scan, bodyLineStart);
        while (i < in.end) {
            byte b = in.buf[i];
            if (b == CR || b == LF) {
                if (b == CR && isFinal(bodyLineStart, i)) {
                    tentativeFinalFrom = bodyLineStart;
                    tentativeFinalTo = i;
                    tentativeEnd = bodyLineStart;
                    if (tentativeEnd - 2 >= bodyFrom && in.buf[tentativeEnd - 2] == CR && in.buf[tentativeEnd - 1] == LF) {
                        tentativeEnd -= 2;
                    }
                    tentativeTime = in.timeAt(in.offsetOf(i));
                    in.scan = i + 1;
                    bodyLineStart = i + 1;
                    return Scan.FINAL_FOUND;
                }
                bodyLineStart = i + 1;
            }
            i++;
        }
        in.scan = i;
        int size = in.end - bodyFrom;
        if (size > 4 * Math.max(options.maxPayloadBytes(), 1 << 16)) {
            // no final result in sight: give the bytes back as an unfinished payload
            emit(in.end, "no final result after " + size + " bytes of body");
            in.scan = in.start;
            return Scan.GAVE_UP;
        }
        return Scan.NEED_MORE;
    }

    /** Whether the bytes after the tentative final result prove or disprove it. */
    Proof proof() {
        int k = tentativeFinalTo + 1;
        while (k < in.end && (in.buf[k] == CR || in.buf[k] == LF)) {
            k++;
        }
        if (k >= in.end) {
            return Proof.NEED_MORE;
        }
        if (in.timeAt(in.offsetOf(k)) - tentativeTime <= options.bodyQuietMicros()) {
            lateEnd = tentativeEnd;
            lateFinalFrom = tentativeFinalFrom;
            lateFinalTo = tentativeFinalTo;
            tentativeEnd = -1;
            return Proof.MORE_BODY;
        }
        return Proof.CONFIRMED;
    }

    /**
     * When the host speaks or the input ends with no final result after the body's last one: that
     * one closed it, and what came soon after it (a URC, the next answer) is lines again. Returns
     * whether there was one.
     */
    boolean reopenLastFinal() {
        if (lateEnd < 0) {
            return false;
        }
        tentativeEnd = lateEnd;
        tentativeFinalFrom = lateFinalFrom;
        tentativeFinalTo = lateFinalTo;
        return true;
    }

    /** The body ends at its tentative final result: hands out the body, consumes both, returns the result. */
    Event end() {
        int finalFrom = tentativeFinalFrom;
        int finalTo = tentativeFinalTo;
        emit(tentativeEnd, null);
        long spanFrom = in.spanStart;
        long spanTo = in.offsetOf(finalTo + 1);
        Event fin = in.event(EventKind.FINAL, spanFrom, finalFrom, finalTo, spanTo, null);
        in.spanStart = spanTo;
        in.consume(finalTo + 1);
        in.scan = in.start;
        tentativeEnd = -1;
        return fin;
    }

    /** Hands out the body up to {@code bodyEnd} (the part the limits keep) and consumes it. */
    void emit(int bodyEnd, String note) {
        byte[] data = Arrays.copyOfRange(in.buf, bodyFrom, Math.min(bodyEnd, bodyFrom + options.maxPayloadBytes()));
        if (bodyEnd - bodyFrom > data.length && note == null) {
            note = "body of " + (bodyEnd - bodyFrom) + " bytes; only the first " + data.length + " kept";
        }
        long spanFrom = in.spanStart;
        long spanTo = in.offsetOf(bodyEnd);
        long t0 = in.timeAt(in.offsetOf(bodyFrom));
        long t1 = in.timeAt(Math.max(in.offsetOf(bodyFrom), spanTo - 1));
        Event e = new Event(EventKind.PAYLOAD, direction, spanFrom, spanTo, t0, t1, in.lineAt(in.offsetOf(bodyFrom)),
                data, note);
        in.spanStart = spanTo;
        in.consume(bodyEnd);
        sink.body(owner, e);
    }

    private boolean isFinal(int from, int to) {
        int len = to - from;
        return len == 2 && LineText.startsWith(in.buf, from, to, "OK")
                || len == 5 && LineText.startsWith(in.buf, from, to, "ERROR")
                || len > 11 && LineText.startsWith(in.buf, from, to, "+CME ERROR:");
    }
}
