package dev.atscope.core.decode;

import dev.atscope.core.trace.Direction;
import java.io.ByteArrayOutputStream;

/**
 * The module's echo, in its {@link FrameBuffer}, of the data the host sends after the module's
 * {@code >} prompt: matched against what the host sent ({@link PromptEcho}) and handed out as one
 * echo event when it ends. The {@link Framer} holds the state ({@code PROMPT_ECHO}).
 */
final class PromptEchoFraming {

    private final FrameBuffer in;
    private final DecoderOptions options;
    private final FrameSink sink;
    private final Direction direction;
    /** The host's data the echo is matched against; null when no echo is being read. */
    private PromptEcho echoing;
    private PendingCommand owner;
    private ByteArrayOutputStream bytes;
    private long spanStart;
    private long startTime;
    private long endTime;
    private long line;

    PromptEchoFraming(FrameBuffer in, DecoderOptions options, FrameSink sink, Direction direction) {
        this.in = in;
        this.options = options;
        this.sink = sink;
        this.direction = direction;
    }

    /** The prompt of {@code owner} has come: its echo, if any, is matched against {@code echo}. */
    void start(PendingCommand owner, PromptEcho echo) {
        this.owner = owner;
        this.bytes = null;
        this.echoing = echo;
    }

    /** Consumes the echo's bytes that are here; the count consumed. */
    int read() {
        int n = echoing.scan(in.buf, in.start, in.end);
        if (n > 0) {
            if (bytes == null) {
                bytes = new ByteArrayOutputStream();
                spanStart = in.spanStart;
                startTime = in.timeAt(in.offset);
                line = in.lineAt(in.offset);
            }
            bytes.write(in.buf, in.start, Math.min(n, Math.max(0, options.maxPayloadBytes() - bytes.size())));
            endTime = in.timeAt(in.offsetOf(in.start + n) - 1);
            in.consume(in.start + n);
            in.spanStart = in.offset;
        }
        return n;
    }

    /** Whether the echo is over (the host's data all echoed, or something else came). */
    boolean ended() {
        return echoing.ended();
    }

    /** Ends the echo where it is. */
    void endHere() {
        echoing.end();
    }

    /** Hands out the echo read, if any, and forgets it. */
    void emit() {
        if (bytes != null) {
            Event e = new Event(EventKind.ECHO, direction, spanStart, in.offset, startTime, endTime,
                    line, bytes.toByteArray(), "echo of the data sent after the prompt");
            sink.echoed(owner, e);
        }
        bytes = null;
        owner = null;
        echoing = null;
    }
}
