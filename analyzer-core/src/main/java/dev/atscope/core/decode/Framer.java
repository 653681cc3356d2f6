package dev.atscope.core.decode;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
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
    /** The bytes not framed yet, with their positions and times. */
    private final FrameBuffer in;
    /** The previous line ended with CR: a LF right after it is framing. */
    private boolean skipLf;
    private State state = State.LINE;

    // UPLOAD (the host's data)
    private final UploadFraming upload;

    // BODY and CONFIRMING_BODY_END (the module's data)
    private final BodyFraming body;

    // PROMPT_ECHO (the module echoing the data sent after its prompt)
    private final PromptEchoFraming echo;
    /** A lone {@code >} waits for its space: the host's next bytes or the end of input prove it came alone. */
    private boolean promptByte;

    Framer(Direction direction, DecoderOptions options, FrameSink sink, LongSupplier lastTime) {
        this.direction = direction;
        this.options = options;
        this.sink = sink;
        this.in = new FrameBuffer(direction, lastTime);
        this.body = new BodyFraming(in, options, sink, direction);
        this.upload = new UploadFraming(in, options, sink, direction);
        this.echo = new PromptEchoFraming(in, options, sink, direction);
    }

    void append(Chunk c) {
        int shift = in.append(c, inBody() ? body.keepFrom() : in.start);
        if (shift != 0 && inBody()) {
            body.shift(shift);
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
        return in.start < in.end;
    }

    /** The buffer the {@code from}/{@code to} indexes of a line refer to; valid during the call only. */
    byte[] bytes() {
        return in.buf;
    }

    /** The stream offset of the first byte not framed yet: where a marker fed now stands. */
    long offsetOfInput() {
        return in.offset;
    }

    /** The stream offset of {@code bytes()[index]}. */
    long offsetOf(int index) {
        return in.offsetOf(index);
    }

    /** When the last byte of {@code bytes()[from, to)} came. */
    long lastByteTime(int from, int to) {
        return in.timeAt(Math.max(in.offsetOf(from), in.offsetOf(to) - 1));
    }

    /** An event for bytes()[from, to) whose span runs from {@code spanFrom} to {@code spanTo}. */
    Event event(EventKind kind, long spanFrom, int from, int to, long spanTo, String note) {
        return in.event(kind, spanFrom, from, to, spanTo, note, null);
    }

    /** The same, for a line whose text is read already. */
    Event event(EventKind kind, long spanFrom, int from, int to, long spanTo, String note, String text) {
        return in.event(kind, spanFrom, from, to, spanTo, note, text);
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
        if (in.start >= in.end) {
            return false;
        }
        if (skipLf) {
            skipLf = false;
            if (in.buf[in.start] == LF) {
                in.consume(in.start + 1);
                return true;
            }
        }
        // leading line ends are framing of the unit that follows
        int from = in.start;
        while (from < in.end && (in.buf[from] == CR || in.buf[from] == LF)) {
            from++;
        }
        if (from > in.start) {
            skipLf = in.buf[from - 1] == CR;
            in.consume(from);
            if (skipLf && from < in.end && in.buf[from] == LF) {
                skipLf = false;
                in.consume(from + 1);
            }
            return true;
        }
        if (direction == Direction.MODULE_TO_HOST && in.buf[from] == '>' && sink.promptAwaited()) {
            if (from + 1 >= in.end) {
                promptByte = true;
                return false; // may be followed by a space
            }
            startPrompt(from, from + 1 + (in.buf[from + 1] == ' ' ? 1 : 0));
            return true;
        }
        if (direction == Direction.HOST_TO_MODULE && in.end - from >= 2
                && (in.buf[from] | 0x20) == 'a' && in.buf[from + 1] == '/') {
            int to = from + 2;
            long spanFrom = in.spanStart;
            long spanTo = in.offsetOf(to);
            in.spanStart = spanTo;
            sink.repeat(this, spanFrom, from, to, spanTo);
            in.consume(to);
            return true;
        }
        if (direction == Direction.HOST_TO_MODULE && in.end - from == 1 && (in.buf[from] | 0x20) == 'a') {
            return false; // may become A/
        }
        int t = Math.max(in.scan, from);
        while (t < in.end && in.buf[t] != CR && in.buf[t] != LF) {
            t++;
        }
        if (t >= in.end) {
            in.scan = t;
            if (in.end - from > options.maxLineBytes()) {
                int to = from + options.maxLineBytes();
                long spanFrom = in.spanStart;
                long spanTo = in.offsetOf(to);
                in.spanStart = spanTo;
                sink.emit(in.event(EventKind.NOISE, spanFrom, from, to, spanTo, "a line longer than "
                        + options.maxLineBytes() + " bytes, cut"));
                in.consume(to);
                return true;
            }
            return false;
        }
        long spanFrom = in.spanStart;
        long spanTo = in.offsetOf(t + 1);
        in.spanStart = spanTo;
        skipLf = in.buf[t] == CR;
        sink.line(this, spanFrom, from, t, spanTo);
        // the sink may have switched this framer to the body, which starts after the line
        if (in.start <= t) {
            in.consume(t + 1);
        }
        if (state == State.BODY) {
            body.beginHere();
        }
        return true;
    }

    // ---- UPLOAD: the host's data

    void startUpload(int announced) {
        state = State.UPLOAD;
        upload.start(announced);
    }

    private boolean processUpload() {
        if (skipLf && in.start < in.end) {
            skipLf = false;
            if (in.buf[in.start] == LF) {
                in.consume(in.start + 1); // the LF of a CR LF after the command line
                return true;
            }
        }
        if (in.start >= in.end) {
            return false;
        }
        if (upload.read()) {
            state = State.LINE;
        }
        return true;
    }

    /** The module's prompt has come: the host sends the announced count, or text up to Ctrl-Z or ESC. */
    void startPromptData(int announced, PromptEcho echo) {
        state = State.UPLOAD;
        upload.startAfterPrompt(announced, echo);
        skipLf = false; // the host waited for the prompt: a LF now is data, not the end of its command line
    }

    /** Whether the upload after a prompt ends at Ctrl-Z or ESC rather than at a count. */
    boolean uploadEndsAtCtrlZ() {
        return upload.endsAtCtrlZ();
    }

    /** Ends the upload early; what arrived is the payload. */
    void endUpload(String why) {
        if (state != State.UPLOAD) {
            return;
        }
        upload.end(why);
        state = State.LINE;
    }

    // ---- the > prompt and the module's echo of the data that follows it

    /** The prompt is buf[from, to): the host's data follows, and the module may echo it. */
    private void startPrompt(int from, int to) {
        promptByte = false;
        long spanFrom = in.spanStart;
        long spanTo = in.offsetOf(to);
        Event e = in.event(EventKind.INTERMEDIATE, spanFrom, from, to, spanTo, null);
        in.spanStart = spanTo;
        in.consume(to);
        PendingCommand p = sink.prompted(e);
        PromptEcho matcher = new PromptEcho(Math.max(options.maxPayloadBytes(), 1));
        state = State.PROMPT_ECHO;
        echo.start(p, matcher);
        sink.promptDataFollows(p, matcher);
    }

    /** A lone {@code >} before the host's data or the end of input is the whole prompt. */
    void confirmPrompt() {
        if (promptByte && state == State.LINE && in.end - in.start == 1 && in.buf[in.start] == '>' && sink.promptAwaited()) {
            startPrompt(in.start, in.start + 1);
        }
        promptByte = false;
    }

    private boolean processEcho() {
        int n = echo.read();
        if (echo.ended()) {
            emitEcho();
            return true;
        }
        return n > 0;
    }

    /** Ends the echo where it is. */
    void endEcho() {
        if (state == State.PROMPT_ECHO) {
            echo.endHere();
            emitEcho();
        }
    }

    private void emitEcho() {
        state = State.LINE;
        in.scan = in.start;
        echo.emit();
    }

    // ---- BODY and CONFIRMING_BODY_END: the module's data

    void startBody(PendingCommand owner) {
        state = State.BODY;
        body.start(owner);
    }

    private boolean processBody() {
        if (skipLf) {
            if (in.start >= in.end) {
                return false; // the LF after CONNECT's CR may still come
            }
            skipLf = false;
            if (in.buf[in.start] == LF && body.empty()) {
                in.consume(in.start + 1);
                body.beginHere();
                return true;
            }
        }
        switch (body.scan()) {
            case FINAL_FOUND -> {
                state = State.CONFIRMING_BODY_END;
                return true; // bytes already here after it may prove it a line of the body
            }
            case GAVE_UP -> {
                state = State.LINE;
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Module bytes soon after a final result inside the body make it a line of the body (an {@code OK}
     * in a page); later ones confirm it, as do the host's next bytes and the end of input.
     */
    private boolean processConfirmingBodyEnd() {
        switch (body.proof()) {
            case MORE_BODY -> {
                state = State.BODY;
                return true;
            }
            case CONFIRMED -> {
                confirmBodyEnd();
                return false;
            }
            default -> {
                return false; // waiting for proof
            }
        }
    }

    /**
     * A body with no final result after its last one ends there, once something proves that it
     * ended (the host speaking, the end of the input): what came soon after that final (a URC, the
     * next command's echo) is lines again. Confirm with {@link #confirmBodyEnd()}.
     */
    void takeLastFinal() {
        if (state == State.BODY && body.reopenLastFinal()) {
            state = State.CONFIRMING_BODY_END;
        }
    }

    /** The body ends at its tentative final result: hand out both and go back to lines. */
    void confirmBodyEnd() {
        if (state != State.CONFIRMING_BODY_END) {
            return;
        }
        PendingCommand owner = body.owner();
        Event fin = body.end();
        skipLf = true;
        state = State.LINE;
        sink.bodyEnded(owner, fin);
        process();
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
            PendingCommand owner = body.owner();
            body.emit(in.end, "the trace ends inside the body");
            state = State.LINE;
            sink.bodyCutShort(owner);
        }
        if (state == State.UPLOAD) {
            endUpload("the trace ends inside the upload");
        }
        process();
        int from = in.start;
        while (from < in.end && (in.buf[from] == CR || in.buf[from] == LF)) {
            from++;
        }
        if (from < in.end) {
            long spanFrom = in.spanStart;
            long spanTo = in.offsetOf(in.end);
            in.spanStart = spanTo;
            sink.halfLineAtEnd(this, spanFrom, from, in.end, spanTo);
        }
        in.consume(in.end);
    }
}
