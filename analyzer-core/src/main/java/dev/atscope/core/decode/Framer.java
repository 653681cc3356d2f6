package dev.atscope.core.decode;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Frames one direction's bytes into units as they arrive: lines, the host's uploads, the module's
 * bodies, its {@code >} prompt and its echo of the data after it. Each unit goes to the {@link
 * FrameSink} once it is whole; partial input is never consumed: the framer returns and resumes with
 * the next chunk, rescanning nothing ({@link #scan}). Lines end at CR or LF; a LF right after a CR
 * and blank lines are framing and belong to the span of the next unit.
 *
 * <p>The sink switches the framer into data mode ({@link #startUpload}, {@link #startBody},
 * {@link #startPromptData}); the framer's {@link State} says what it reads now.
 */
final class Framer {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] ESCAPE = {'+', '+', '+'};
    /** Ctrl-Z: sends the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte CTRL_Z = 0x1a;
    /** ESC: cancels the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte ESC = 0x1b;

    /** What the framer reads now. */
    enum State {
        /** Lines ending at CR or LF. */
        LINE,
        /** The host's upload: a counted number of bytes, the {@code +++} escape, or text up to Ctrl-Z or ESC. */
        UPLOAD,
        /** The module's body: bytes up to a final result line. */
        BODY,
        /**
         * A final result line has come inside a body: it ends the body unless more body follows within
         * the quiet time; the host's next bytes or the end of input confirm it.
         */
        CONFIRMING_BODY_END,
        /** The module echoing the data the host sends after its {@code >} prompt. */
        PROMPT_ECHO
    }

    /** The direction this framer reads. */
    final Direction direction;
    private final DecoderOptions options;
    private final FrameSink sink;
    /** The time of the latest entry fed, for a byte whose chunk is no longer held. */
    private final LongSupplier lastTime;
    private final ChunkClock clock = new ChunkClock();
    private byte[] buf = new byte[8192];
    /** Index in {@code buf} of the first byte not yet decoded. */
    private int start;
    /** Index in {@code buf} just past the last byte received. */
    private int end;
    /** Stream offset of {@code buf[start]}. */
    private long offset;
    /** Stream offset where the next unit's span begins (framing before it included). */
    private long spanStart;
    /** Last scan position: bytes in [start, scan) hold no line end. */
    private int scan;
    /** The previous line ended with CR: a LF right after it is framing. */
    private boolean skipLf;
    private State state = State.LINE;

    // UPLOAD (the host's data)
    private int uploadRemaining;
    private int uploadAnnounced;
    private long uploadSpanStart;
    private long uploadStartTime;
    private long uploadLine;
    private long uploadCount;
    private ByteArrayOutputStream upload;

    // BODY and CONFIRMING_BODY_END (the module's data)
    private PendingCommand bodyOwner;
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

    // UPLOAD after a prompt: the data ends at Ctrl-Z or ESC rather than at a count
    private boolean uploadTerminated;
    /** For the host's framer after a prompt: what the module's echo is compared with. */
    private PromptEcho promptEcho;

    // PROMPT_ECHO (the module echoing the data sent after its prompt)
    private PendingCommand echoOwner;
    private ByteArrayOutputStream echoBytes;
    private long echoSpanStart;
    private long echoStartTime;
    private long echoEndTime;
    private long echoLine;
    /** A lone {@code >} waits for its space: the host's next bytes or the end of input prove it came alone. */
    private boolean promptByte;

    Framer(Direction direction, DecoderOptions options, FrameSink sink, LongSupplier lastTime) {
        this.direction = direction;
        this.options = options;
        this.sink = sink;
        this.lastTime = lastTime;
    }

    void append(Chunk c) {
        byte[] d = c.data();
        if (end + d.length > buf.length) {
            compact(d.length);
        }
        System.arraycopy(d, 0, buf, end, d.length);
        clock.add(offset + (end - start), c.timeMicros(), c.line());
        end += d.length;
    }

    private void compact(int extra) {
        int live = end - start;
        int keepFrom = inBody() ? Math.min(start, bodyFrom) : start;
        int keep = end - keepFrom;
        byte[] target = buf;
        if (keep + extra > buf.length) {
            target = new byte[Math.max(buf.length * 2, keep + extra)];
        }
        System.arraycopy(buf, keepFrom, target, 0, keep);
        int shift = keepFrom;
        buf = target;
        start -= shift;
        end = start + live;
        scan -= shift;
        if (inBody()) {
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
    }

    /** Whether the module's body is being read. */
    private boolean inBody() {
        return state == State.BODY || state == State.CONFIRMING_BODY_END;
    }

    /** Whether the framer reads lines (no data mode). */
    boolean inLines() {
        return state == State.LINE;
    }

    /** Whether the host's upload is being read. */
    boolean inUpload() {
        return state == State.UPLOAD;
    }

    /** Whether bytes have arrived that are not framed yet. */
    boolean hasInput() {
        return start < end;
    }

    /** The buffer the {@code from}/{@code to} indexes of a line refer to; valid during the call only. */
    byte[] bytes() {
        return buf;
    }

    /** The stream offset of the first byte not framed yet: where a marker fed now stands. */
    long offsetOfInput() {
        return offset;
    }

    /** The stream offset of {@code bytes()[index]}. */
    long offsetOf(int index) {
        return offset + (index - start);
    }

    /** Moves the decoded boundary to {@code index}, dropping chunk records behind it. */
    private void consume(int index) {
        offset += index - start;
        start = index;
        if (scan < start) {
            scan = start;
        }
        clock.dropBefore(offset);
    }

    private long timeAt(long off) {
        return clock.timeAt(off, lastTime.getAsLong());
    }

    /** When the last byte of {@code bytes()[from, to)} came. */
    long lastByteTime(int from, int to) {
        return timeAt(Math.max(offsetOf(from), offsetOf(to) - 1));
    }

    private long lineAt(long off) {
        return clock.lineAt(off);
    }

    /** An event for buf[from, to) whose span runs from {@code spanFrom} to {@code spanTo}. */
    Event event(EventKind kind, long spanFrom, int from, int to, long spanTo, String note) {
        long first = offsetOf(from);
        long last = Math.max(first, offsetOf(to) - 1);
        return new Event(kind, direction, spanFrom, spanTo, timeAt(first), timeAt(Math.max(last, spanTo - 1)),
                lineAt(first), Arrays.copyOfRange(buf, from, to), note);
    }

    void process() {
        while (true) {
            boolean progressed = switch (state) {
                case LINE -> processLine();
                case UPLOAD -> processUpload();
                case BODY -> processBody();
                case CONFIRMING_BODY_END -> processConfirmingBodyEnd();
                case PROMPT_ECHO -> processEcho();
            };
            if (!progressed) {
                return;
            }
        }
    }

    /** Decodes one line if a whole one is there; returns false when more input is needed. */
    private boolean processLine() {
        if (start >= end) {
            return false;
        }
        if (skipLf) {
            skipLf = false;
            if (buf[start] == LF) {
                consume(start + 1);
                return true;
            }
        }
        // leading line ends are framing of the unit that follows
        int from = start;
        while (from < end && (buf[from] == CR || buf[from] == LF)) {
            from++;
        }
        if (from > start) {
            skipLf = buf[from - 1] == CR;
            consume(from);
            if (skipLf && from < end && buf[from] == LF) {
                skipLf = false;
                consume(from + 1);
            }
            return true;
        }
        if (direction == Direction.MODULE_TO_HOST && buf[from] == '>' && sink.promptAwaited()) {
            if (from + 1 >= end) {
                promptByte = true;
                return false; // may be followed by a space
            }
            startPrompt(from, from + 1 + (buf[from + 1] == ' ' ? 1 : 0));
            return true;
        }
        if (direction == Direction.HOST_TO_MODULE && end - from >= 2
                && (buf[from] | 0x20) == 'a' && buf[from + 1] == '/') {
            int to = from + 2;
            long spanFrom = spanStart;
            long spanTo = offsetOf(to);
            spanStart = spanTo;
            sink.repeat(this, spanFrom, from, to, spanTo);
            consume(to);
            return true;
        }
        if (direction == Direction.HOST_TO_MODULE && end - from == 1 && (buf[from] | 0x20) == 'a') {
            return false; // may become A/
        }
        int t = Math.max(scan, from);
        while (t < end && buf[t] != CR && buf[t] != LF) {
            t++;
        }
        if (t >= end) {
            scan = t;
            if (end - from > options.maxLineBytes()) {
                int to = from + options.maxLineBytes();
                long spanFrom = spanStart;
                long spanTo = offsetOf(to);
                spanStart = spanTo;
                sink.emit(event(EventKind.NOISE, spanFrom, from, to, spanTo, "a line longer than "
                        + options.maxLineBytes() + " bytes, cut"));
                consume(to);
                return true;
            }
            return false;
        }
        long spanFrom = spanStart;
        long spanTo = offsetOf(t + 1);
        spanStart = spanTo;
        skipLf = buf[t] == CR;
        sink.line(this, spanFrom, from, t, spanTo);
        // the sink may have switched this framer to the body, which starts after the line
        if (start <= t) {
            consume(t + 1);
        }
        if (state == State.BODY) {
            bodyFrom = start;
            bodyLineStart = start;
            scan = start;
        }
        return true;
    }

    // ---- UPLOAD: the host's data

    void startUpload(int announced) {
        state = State.UPLOAD;
        uploadTerminated = false;
        promptEcho = null;
        uploadAnnounced = announced;
        uploadRemaining = announced < 0 ? Integer.MAX_VALUE : announced;
        uploadSpanStart = -1;
        uploadCount = 0;
        upload = new ByteArrayOutputStream();
    }

    private boolean processUpload() {
        if (skipLf && start < end) {
            skipLf = false;
            if (buf[start] == LF) {
                consume(start + 1); // the LF of a CR LF after the command line
                return true;
            }
        }
        if (start >= end) {
            return false;
        }
        if (uploadSpanStart < 0) {
            uploadSpanStart = spanStart;
            uploadStartTime = timeAt(offset);
            uploadLine = lineAt(offset);
        }
        int n = Math.min(end - start, uploadRemaining);
        byte stop = 0;
        if (uploadTerminated) {
            for (int i = start; i < start + n; i++) {
                if (buf[i] == CTRL_Z || buf[i] == ESC) {
                    stop = buf[i];
                    n = i + 1 - start;
                    break;
                }
            }
        }
        int data = stop == 0 ? n : n - 1;
        int keep = (int) Math.max(0, Math.min(data, options.maxPayloadBytes() - uploadCount));
        upload.write(buf, start, keep);
        if (promptEcho != null) {
            promptEcho.hostSent(buf, start, n);
        }
        uploadCount += data;
        uploadRemaining -= n;
        long lastByte = offsetOf(start + n) - 1;
        uploadEndTime = timeAt(lastByte);
        consume(start + n);
        spanStart = offset;
        if (stop != 0) {
            emitUpload(stop == CTRL_Z ? "ended by Ctrl-Z after " + uploadCount + " bytes"
                    : "cancelled with ESC after " + uploadCount + " bytes");
        } else if (uploadRemaining == 0) {
            emitUpload(null);
        }
        return true;
    }

    /** The module's prompt has come: the host sends the announced count, or text up to Ctrl-Z or ESC. */
    void startPromptData(int announced, PromptEcho echo) {
        startUpload(announced);
        skipLf = false; // the host waited for the prompt: a LF now is data, not the end of its command line
        uploadTerminated = announced < 0;
        promptEcho = echo;
    }

    private long uploadEndTime;

    /** Whether the upload after a prompt ends at Ctrl-Z or ESC rather than at a count. */
    boolean uploadEndsAtCtrlZ() {
        return uploadTerminated;
    }

    /** Ends the upload early; what arrived is the payload. */
    void endUpload(String why) {
        if (state != State.UPLOAD) {
            return;
        }
        String note = why;
        byte[] got = upload.toByteArray();
        if (uploadCount >= 3 && got.length == uploadCount && endsWith(got, ESCAPE)) {
            note = "ended by the +++ escape after " + (uploadCount - 3) + " bytes";
        } else if (uploadAnnounced >= 0) {
            note = why + ": " + uploadCount + " of " + uploadAnnounced + " bytes";
        }
        emitUpload(note);
    }

    private void emitUpload(String note) {
        byte[] data = upload.toByteArray();
        state = State.LINE;
        scan = start;
        promptEcho = null;
        if (uploadSpanStart < 0) {
            upload = null;
            return; // nothing arrived
        }
        if (note != null && note.startsWith("ended by the +++")) {
            data = Arrays.copyOf(data, data.length - 3);
        }
        if (uploadCount > data.length && (note == null || uploadTerminated)) {
            String kept = "payload of " + uploadCount + " bytes; only the first " + data.length + " kept";
            note = note == null ? kept : note + "; " + kept;
        }
        Event e = new Event(EventKind.PAYLOAD, direction, uploadSpanStart, offset, uploadStartTime, uploadEndTime,
                uploadLine, data, note);
        upload = null;
        sink.uploaded(e);
    }

    // ---- the > prompt and the module's echo of the data that follows it


    /** The prompt is buf[from, to): the host's data follows, and the module may echo it. */
    private void startPrompt(int from, int to) {
        promptByte = false;
        long spanFrom = spanStart;
        long spanTo = offsetOf(to);
        Event e = event(EventKind.INTERMEDIATE, spanFrom, from, to, spanTo, null);
        spanStart = spanTo;
        consume(to);
        PendingCommand p = sink.prompted(e);
        PromptEcho echo = new PromptEcho(Math.max(options.maxPayloadBytes(), 1));
        state = State.PROMPT_ECHO;
        echoOwner = p;
        echoBytes = null;
        echoing = echo;
        sink.promptDataFollows(p, echo);
    }

    /** A lone {@code >} before the host's data or the end of input is the whole prompt. */
    void confirmPrompt() {
        if (promptByte && state == State.LINE && end - start == 1 && buf[start] == '>' && sink.promptAwaited()) {
            startPrompt(start, start + 1);
        }
        promptByte = false;
    }

    /** For the module's framer after a prompt: the host's data its echo is matched against. */
    private PromptEcho echoing;

    private boolean processEcho() {
        int n = echoing.scan(buf, start, end);
        if (n > 0) {
            if (echoBytes == null) {
                echoBytes = new ByteArrayOutputStream();
                echoSpanStart = spanStart;
                echoStartTime = timeAt(offset);
                echoLine = lineAt(offset);
            }
            echoBytes.write(buf, start, Math.min(n, Math.max(0, options.maxPayloadBytes() - echoBytes.size())));
            echoEndTime = timeAt(offsetOf(start + n) - 1);
            consume(start + n);
            spanStart = offset;
        }
        if (echoing.ended()) {
            emitEcho();
            return true;
        }
        return n > 0;
    }

    /** Ends the echo where it is. */
    void endEcho() {
        if (state == State.PROMPT_ECHO) {
            echoing.end();
            emitEcho();
        }
    }

    private void emitEcho() {
        state = State.LINE;
        scan = start;
        if (echoBytes != null) {
            Event e = new Event(EventKind.ECHO, direction, echoSpanStart, offset, echoStartTime, echoEndTime,
                    echoLine, echoBytes.toByteArray(), "echo of the data sent after the prompt");
            sink.echoed(echoOwner, e);
        }
        echoBytes = null;
        echoOwner = null;
        echoing = null;
    }

    // ---- BODY and CONFIRMING_BODY_END: the module's data

    void startBody(PendingCommand owner) {
        state = State.BODY;
        bodyOwner = owner;
        tentativeEnd = -1;
        lateEnd = -1;
    }

    /**
     * Module bytes soon after a final result inside the body make it a line of the body (an {@code OK}
     * in a page); later ones confirm it, as do the host's next bytes and the end of input.
     */
    private boolean processConfirmingBodyEnd() {
        int k = tentativeFinalTo + 1;
        while (k < end && (buf[k] == CR || buf[k] == LF)) {
            k++;
        }
        if (k >= end) {
            return false; // waiting for proof
        }
        if (timeAt(offsetOf(k)) - tentativeTime <= options.bodyQuietMicros()) {
            lateEnd = tentativeEnd;
            lateFinalFrom = tentativeFinalFrom;
            lateFinalTo = tentativeFinalTo;
            tentativeEnd = -1;
            state = State.BODY;
            return true;
        }
        confirmBodyEnd();
        return false;
    }

    private boolean processBody() {
        if (skipLf) {
            if (start >= end) {
                return false; // the LF after CONNECT's CR may still come
            }
            skipLf = false;
            if (buf[start] == LF && bodyFrom == start) {
                consume(start + 1);
                bodyFrom = start;
                bodyLineStart = start;
                scan = start;
                return true;
            }
        }
        int i = Math.max(scan, bodyLineStart);
        while (i < end) {
            byte b = buf[i];
            if (b == CR || b == LF) {
                if (b == CR && isBodyFinal(bodyLineStart, i)) {
                    tentativeFinalFrom = bodyLineStart;
                    tentativeFinalTo = i;
                    tentativeEnd = bodyLineStart;
                    if (tentativeEnd - 2 >= bodyFrom && buf[tentativeEnd - 2] == CR && buf[tentativeEnd - 1] == LF) {
                        tentativeEnd -= 2;
                    }
                    tentativeTime = timeAt(offsetOf(i));
                    scan = i + 1;
                    bodyLineStart = i + 1;
                    state = State.CONFIRMING_BODY_END;
                    return true; // bytes already here after it may prove it a line of the body
                }
                bodyLineStart = i + 1;
            }
            i++;
        }
        scan = i;
        int size = end - bodyFrom;
        if (size > 4 * Math.max(options.maxPayloadBytes(), 1 << 16)) {
            // no final result in sight: give the bytes back as an unfinished payload
            emitBody(end, "no final result after " + size + " bytes of body");
            state = State.LINE;
            scan = start;
        }
        return false;
    }

    private boolean isBodyFinal(int from, int to) {
        int len = to - from;
        if (len == 2 && buf[from] == 'O' && buf[from + 1] == 'K') {
            return true;
        }
        if (len == 5 && new String(buf, from, 5, StandardCharsets.ISO_8859_1).equals("ERROR")) {
            return true;
        }
        return len > 11 && new String(buf, from, 11, StandardCharsets.ISO_8859_1).equals("+CME ERROR:");
    }

    /**
     * A body with no final result after its last one ends there, once something proves that it
     * ended (the host speaking, the end of the input): what came soon after that final (a URC, the
     * next command's echo) is lines again. Confirm with {@link #confirmBodyEnd()}.
     */
    void takeLastFinal() {
        if (state == State.BODY && lateEnd >= 0) {
            tentativeEnd = lateEnd;
            tentativeFinalFrom = lateFinalFrom;
            tentativeFinalTo = lateFinalTo;
            state = State.CONFIRMING_BODY_END;
        }
    }

    /** The body ends at its tentative final result: emit both and go back to lines. */
    void confirmBodyEnd() {
        if (state != State.CONFIRMING_BODY_END) {
            return;
        }
        int finalFrom = tentativeFinalFrom;
        int finalTo = tentativeFinalTo;
        PendingCommand owner = bodyOwner;
        emitBody(tentativeEnd, null);
        long spanFrom = spanStart;
        long spanTo = offsetOf(finalTo + 1);
        Event fin = event(EventKind.FINAL, spanFrom, finalFrom, finalTo, spanTo, null);
        spanStart = spanTo;
        consume(finalTo + 1);
        skipLf = true;
        state = State.LINE;
        scan = start;
        tentativeEnd = -1;
        sink.bodyEnded(owner, fin);
        process();
    }

    private void emitBody(int bodyEnd, String note) {
        byte[] data = Arrays.copyOfRange(buf, bodyFrom, Math.min(bodyEnd, bodyFrom + options.maxPayloadBytes()));
        if (bodyEnd - bodyFrom > data.length && note == null) {
            note = "body of " + (bodyEnd - bodyFrom) + " bytes; only the first " + data.length + " kept";
        }
        long spanFrom = spanStart;
        long spanTo = offsetOf(bodyEnd);
        long t0 = timeAt(offsetOf(bodyFrom));
        long t1 = timeAt(Math.max(offsetOf(bodyFrom), spanTo - 1));
        Event e = new Event(EventKind.PAYLOAD, direction, spanFrom, spanTo, t0, t1, lineAt(offsetOf(bodyFrom)),
                data, note);
        spanStart = spanTo;
        consume(bodyEnd);
        sink.body(bodyOwner, e);
    }

    /** The end of input: half units become flagged events. */
    void finishInput() {
        confirmPrompt();
        endEcho();
        // the input ends with no final result after the body's last one: that one closed it
        takeLastFinal();
        if (state == State.CONFIRMING_BODY_END) {
            confirmBodyEnd();
        } else if (state == State.BODY) {
            PendingCommand owner = bodyOwner;
            emitBody(end, "the trace ends inside the body");
            state = State.LINE;
            sink.bodyCutShort(owner);
        }
        if (state == State.UPLOAD) {
            endUpload("the trace ends inside the upload");
        }
        process();
        int from = start;
        while (from < end && (buf[from] == CR || buf[from] == LF)) {
            from++;
        }
        if (from < end) {
            long spanFrom = spanStart;
            long spanTo = offsetOf(end);
            spanStart = spanTo;
            sink.halfLineAtEnd(this, spanFrom, from, end, spanTo);
        }
        consume(end);
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        if (data.length < suffix.length) {
            return false;
        }
        return Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }
}
