package dev.atscope.core.decode;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The incremental AT decoder: fed chunks as they arrive, it hands out each {@link Event} as soon
 * as it is complete and each {@link Transaction} as soon as its final result (or the proof that
 * none will come) is seen.
 *
 * <p>Use: {@link #feed(TraceEntry)} each entry in time order, then take {@link #next()} until it
 * returns null (it needs more input); at the end call {@link #endOfInput()} and drain again. The
 * result does not depend on how the bytes were split into chunks, as long as each byte keeps its
 * timestamp.
 *
 * <p>Each direction is framed by a {@link Lane}. Lines end at CR or LF; a LF right after a CR
 * and blank lines are framing and belong to the span of the next unit. Partial input is never
 * consumed: a lane returns and resumes with the next chunk. Data mode switches a lane to raw
 * bytes: the host sends a counted upload after {@code CONNECT} (or escapes with {@code +++}, or
 * the module answers first), and the module sends a body that ends at its final result. After
 * the module's {@code >} prompt the host sends a counted number of bytes or text ended by Ctrl-Z
 * or ESC, which the module may echo.
 *
 * <p>Not thread-safe: one decoder per trace.
 */
public final class AtDecoder {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] ESCAPE = {'+', '+', '+'};
    /** Ctrl-Z: sends the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte CTRL_Z = 0x1a;
    /** ESC: cancels the text typed after a prompt (3GPP TS 27.005 3.5.1). */
    private static final byte ESC = 0x1b;

    private final ResponseModel model;
    private final DecoderOptions options;
    private final Lane host = new Lane(Direction.HOST_TO_MODULE);
    private final Lane module = new Lane(Direction.MODULE_TO_HOST);
    private final ArrayDeque<Decoded> out = new ArrayDeque<>();

    /** The command awaiting its answer. */
    private Pending pending;
    /** An older command whose answer was still streaming when the next command was sent. */
    private Pending overlapped;
    /** The commands of the last command line, for {@code A/}. */
    private List<AtCommand> lastCommands;
    /** False after a successful ATV0: result codes come as digits. */
    private boolean verbose = true;
    private long nextId = 1;
    private long lastTime;
    private boolean ended;

    /** A decoder with default options. */
    public AtDecoder(ResponseModel model) {
        this(model, DecoderOptions.DEFAULTS);
    }

    /** A decoder with the given limits. */
    public AtDecoder(ResponseModel model, DecoderOptions options) {
        this.model = model;
        this.options = options;
    }

    /** Feeds one trace entry; entries must come in time order. */
    public void feed(TraceEntry entry) {
        if (ended) {
            throw new IllegalStateException("endOfInput() was called");
        }
        lastTime = Math.max(lastTime, entry.timeMicros());
        if (entry instanceof Marker m) {
            Lane lane = m.direction() == Direction.HOST_TO_MODULE ? host : module;
            if (m.kind() == Marker.Kind.GAP && lane == host) {
                // bytes of the host's are missing: an upload in progress cannot be counted past them
                host.endRaw("the log does not show the rest of the upload");
            }
            long off = lane.offset;
            out.add(new Event(EventKind.MARKER, m.direction(), off, off, m.timeMicros(), m.timeMicros(), m.line(),
                    (m.kind().code() + ": " + m.text()).getBytes(StandardCharsets.UTF_8), null));
            return;
        }
        Chunk c = (Chunk) entry;
        if (c.direction() == Direction.HOST_TO_MODULE) {
            // the host speaking proves that a module body has ended at its (last) final result
            module.takeLastFinal();
            module.confirmBodyEnd();
            module.confirmPrompt();
            host.append(c);
            host.process();
        } else {
            module.append(c);
            module.process();
        }
    }

    /** Says that no more input will come: flushes half units as flagged events and unanswered commands. */
    public void endOfInput() {
        if (ended) {
            return;
        }
        ended = true;
        module.finishInput();
        host.finishInput();
        if (overlapped != null) {
            complete(overlapped, null, Outcome.NO_RESPONSE, lastTime);
            overlapped = null;
        }
        if (pending != null) {
            complete(pending, null, Outcome.NO_RESPONSE, lastTime);
            pending = null;
        }
    }

    /** The next decoded event or transaction, or null when more input is needed (or all is drained). */
    public Decoded next() {
        return out.poll();
    }

    /** True when everything fed so far has been handed out. */
    public boolean needsMoreInput() {
        return out.isEmpty();
    }

    // ---------------------------------------------------------------- host side

    private void onHostLine(Lane lane, long spanStart, int from, int to, long spanEnd) {
        int atIndex = indexOfAt(lane.buf, from, to);
        if (atIndex < 0) {
            emit(lane.event(EventKind.NOISE, spanStart, from, to, spanEnd, "host bytes that are not a command line"));
            return;
        }
        if (atIndex > from) {
            long noiseEnd = lane.offsetOf(atIndex);
            emit(lane.event(EventKind.NOISE, spanStart, from, atIndex, noiseEnd, "stray bytes before a command"));
            spanStart = noiseEnd;
        }
        String text = new String(lane.buf, atIndex, to - atIndex, StandardCharsets.ISO_8859_1);
        Event command = lane.event(EventKind.COMMAND, spanStart, atIndex, to, spanEnd, null);
        startCommand(command, CommandLineParser.parse(text));
    }

    private void onHostRepeat(Lane lane, long spanStart, int from, int to, long spanEnd) {
        Event command = lane.event(EventKind.COMMAND, spanStart, from, to, spanEnd, null);
        List<AtCommand> commands = lastCommands != null
                ? lastCommands
                : List.of(new AtCommand("A/", CommandForm.EXECUTE, "", "/"));
        startCommand(command, commands);
    }

    private void startCommand(Event command, List<AtCommand> commands) {
        if (pending != null) {
            if (overlapped != null) {
                complete(overlapped, null, Outcome.NO_RESPONSE, command.startMicros());
                overlapped = null;
            }
            if (!pending.responses.isEmpty() && pending.result == null && listsLines(pending)) {
                // a long listing still streaming its answer: its tail may follow the next echo (any
                // other command's missing result is missing: a log that printed only its first line)
                overlapped = pending;
            } else {
                complete(pending, null, Outcome.NO_RESPONSE, command.startMicros());
            }
        }
        if (module.mode == Mode.ECHO) {
            module.endEcho(); // the host moved on
        }
        emit(command);
        ResponseShape shape = model.shape(commands.get(commands.size() - 1));
        if (commands.size() > 1) {
            List<String> prefixes = new ArrayList<>();
            java.util.Set<String> finals = new java.util.HashSet<>();
            for (AtCommand c : commands) {
                ResponseShape s = model.shape(c);
                prefixes.addAll(s.infoPrefixes());
                finals.addAll(s.extraFinals());
            }
            shape = new ResponseShape(finals, shape.bareLineIsFinal(), shape.dataMode(), shape.lengthParam(),
                    prefixes, shape.maxResponseMillis());
        }
        pending = new Pending(nextId++, command, commands, shape);
        lastCommands = commands;
    }

    // ---------------------------------------------------------------- module side

    private void onModuleLine(Lane lane, long spanStart, int from, int to, long spanEnd) {
        if (!isText(lane.buf, from, to)) {
            emit(lane.event(EventKind.NOISE, spanStart, from, to, spanEnd, "bytes that are not text"));
            return;
        }
        String text = new String(lane.buf, from, to - from, StandardCharsets.ISO_8859_1);
        // when its last byte came: a line that came before a command was sent cannot answer it (a
        // line held back until a body's end was certain, the next command sent meanwhile)
        long last = lane.timeAt(Math.max(lane.offsetOf(from), lane.offsetOf(to) - 1));

        // the echo of the pending command line
        if (pending != null && pending.echo == null && pending.responses.isEmpty()
                && last >= pending.command.startMicros()
                && Arrays.equals(lane.buf, from, to, pending.command.bytes(), 0, pending.command.bytes().length)) {
            pending.echo = lane.event(EventKind.ECHO, spanStart, from, to, spanEnd, null);
            emit(pending.echo);
            return;
        }
        Pending target = overlapped != null ? overlapped : pending;
        if (target != null && last < target.command.startMicros()) {
            target = null;
        }
        UrcKind urc = model.urcKind(text);
        if (urc != null && !claims(pending, text) && !claims(overlapped, text)) {
            onUrc(lane.event(EventKind.URC, spanStart, from, to, spanEnd, null), urc);
            return;
        }
        if (host.mode == Mode.RAW) {
            host.endRaw(host.rawTerminated ? "the module answered before Ctrl-Z or ESC ended the data"
                    : "the module answered before the announced byte count arrived");
        }
        if (target == null) {
            if (CommandLineParser.isCommandLine(text)) {
                emit(lane.event(EventKind.ECHO, spanStart, from, to, spanEnd, "echo of a command the trace does not show"));
            } else if (finalOutcome(text, null) != null) {
                emit(lane.event(EventKind.FINAL, spanStart, from, to, spanEnd, "a result with no command pending"));
            } else {
                emit(lane.event(EventKind.URC, spanStart, from, to, spanEnd, "not a known unsolicited result code"));
            }
            return;
        }
        if (isConnect(text, target)) {
            switch (target.shape.dataMode()) {
                case HOST_SENDS -> {
                    Event e = lane.event(EventKind.INTERMEDIATE, spanStart, from, to, spanEnd, null);
                    target.responses.add(e);
                    emit(e);
                    host.startRaw(announcedLength(target));
                    return;
                }
                case MODULE_SENDS -> {
                    Event e = lane.event(EventKind.INTERMEDIATE, spanStart, from, to, spanEnd, null);
                    target.responses.add(e);
                    emit(e);
                    lane.startBody(target);
                    return;
                }
                default -> {
                    // a dial's CONNECT is its final result
                }
            }
        }
        Outcome outcome = finalOutcome(text, target);
        if (outcome != null) {
            Event e = lane.event(EventKind.FINAL, spanStart, from, to, spanEnd, null);
            emit(e);
            finishTransaction(target, e, outcome);
            return;
        }
        // an information line: with two commands in flight, the newer one's prefix decides
        Pending owner = target;
        if (overlapped != null && pending != null && claims(pending, text)) {
            owner = pending;
        }
        Event e = lane.event(EventKind.RESPONSE, spanStart, from, to, spanEnd, null);
        owner.responses.add(e);
        emit(e);
        if (owner.shape.bareLineIsFinal()) {
            finishTransaction(owner, e, Outcome.OK);
        }
    }

    private void onUrc(Event urc, UrcKind kind) {
        emit(urc);
        if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
            if (host.mode == Mode.RAW) {
                host.endRaw("the module restarted during the upload");
            }
            if (overlapped != null) {
                complete(overlapped, null, Outcome.INTERRUPTED, urc.startMicros());
                overlapped = null;
            }
            if (pending != null) {
                complete(pending, null, Outcome.INTERRUPTED, urc.startMicros());
                pending = null;
            }
            if (kind == UrcKind.RESTART) {
                verbose = true;
            }
        }
    }

    private void finishTransaction(Pending p, Event result, Outcome outcome) {
        complete(p, result, outcome, result.endMicros());
        if (p == overlapped) {
            overlapped = null;
        } else if (p == pending) {
            pending = null;
        }
    }

    private void complete(Pending p, Event result, Outcome outcome, long until) {
        if (p.completed) {
            // a body outlived its command: two more commands came while it streamed and ended its wait
            return;
        }
        p.completed = true;
        if (outcome == Outcome.OK) {
            for (AtCommand c : p.commands) {
                switch (c.name()) {
                    case "V" -> verbose = c.form() == CommandForm.WRITE && !"0".equals(c.args());
                    case "Z", "&F" -> verbose = true;
                    default -> {
                        // other commands leave the result format alone
                    }
                }
            }
        }
        long waited = Math.max(0, until - p.command.startMicros());
        out.add(new Transaction(p.id, p.command, p.commands, p.echo, p.responses, result, outcome, waited, p.shape));
    }

    /**
     * Whether a command is answering with a long list of lines: {@code AT+CLAC}, {@code AT&V}, or a
     * {@code =?} test whose answer lines so far are command names.
     */
    private static boolean listsLines(Pending p) {
        AtCommand last = p.commands.get(p.commands.size() - 1);
        if (last.name().equals("+CLAC") || last.name().equals("&V")) {
            return true;
        }
        return last.form() == CommandForm.TEST && !p.responses.isEmpty()
                && CommandLineParser.isCommandLine(p.responses.get(p.responses.size() - 1).text());
    }

    private static boolean claims(Pending p, String text) {
        if (p == null) {
            return false;
        }
        for (String prefix : p.shape.infoPrefixes()) {
            if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean isConnect(String text, Pending target) {
        return model.connect(text, numeric(target));
    }

    private boolean numeric(Pending target) {
        if (!verbose) {
            return true;
        }
        if (target != null) {
            for (AtCommand c : target.commands) {
                if (c.name().equals("V") && (c.form() == CommandForm.EXECUTE || "0".equals(c.args()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The outcome a final result line stands for, or null when the line is not a final result. */
    private Outcome finalOutcome(String text, Pending target) {
        // V.250's result codes come from the basic library's table; the digits only after ATV0
        Outcome code = model.resultOutcome(text, target == null ? !verbose : numeric(target));
        if (code != null) {
            return code;
        }
        if (text.startsWith("+CME ERROR:") || text.startsWith("+CMS ERROR:")) {
            return Outcome.ERROR;
        }
        if (target != null) {
            for (String f : target.shape.extraFinals()) {
                if (f.equalsIgnoreCase(text)) {
                    String u = f.toUpperCase(Locale.ROOT);
                    return u.contains("FAIL") || u.contains("ERROR") ? Outcome.ERROR : Outcome.OK;
                }
            }
        }
        return null;
    }

    private static int announcedLength(Pending p) {
        int index = p.shape.lengthParam();
        List<String> params = p.commands.get(p.commands.size() - 1).params();
        if (index < 0 || index >= params.size()) {
            return -1;
        }
        try {
            return Integer.parseInt(params.get(index).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void emit(Event e) {
        out.add(e);
    }

    private static int indexOfAt(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if ((b[i] | 0x20) == 'a' && (b[i + 1] | 0x20) == 't') {
                return i;
            }
        }
        return -1;
    }

    /** Printable ASCII, tab, or well-formed UTF-8 (operator names, bodies read in line mode). */
    private static boolean isText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f || c == '\t') {
                continue;
            }
            if (c < 0xc2 || c > 0xf4) {
                return false;
            }
            int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            for (int k = 1; k <= more; k++) {
                if (i + k >= to || (b[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += more;
        }
        return true;
    }

    // ---------------------------------------------------------------- state

    /** A command line waiting for its answer. */
    private static final class Pending {
        final long id;
        final Event command;
        final List<AtCommand> commands;
        final ResponseShape shape;
        final List<Event> responses = new ArrayList<>();
        Event echo;
        Event result;
        /** The module's {@code >} prompt has come: the host's data follows it. */
        boolean prompted;
        /** Handed out as a transaction: a body still streaming for it ends without handing it out again. */
        boolean completed;

        Pending(long id, Event command, List<AtCommand> commands, ResponseShape shape) {
            this.id = id;
            this.command = command;
            this.commands = commands;
            this.shape = shape;
        }
    }

    private enum Mode {
        /** Lines ending at CR or LF. */
        LINE,
        /** Host data mode: a counted upload. */
        RAW,
        /** Module data mode: a body that ends at the final result. */
        BODY,
        /** The module echoing the data the host sends after a {@code >} prompt. */
        ECHO
    }

    /**
     * One direction's bytes not yet decoded, with the times and source lines of the chunks that
     * brought them.
     */
    private final class Lane {
        final Direction direction;
        byte[] buf = new byte[8192];
        /** Index in {@code buf} of the first byte not yet decoded. */
        int start;
        /** Index in {@code buf} just past the last byte received. */
        int end;
        /** Stream offset of {@code buf[start]}. */
        long offset;
        /** Stream offset where the next unit's span begins (framing before it included). */
        long spanStart;
        /** Last scan position: bytes in [start, scan) hold no line end. */
        int scan;
        /** The previous line ended with CR: a LF right after it is framing. */
        boolean skipLf;
        /*
         * The chunks whose bytes are still in the buffer, oldest first: a ring of parallel arrays
         * (start offset, time, line) rather than an object per chunk, as every chunk of a trace
         * passes through here.
         */
        long[] chunkStart = new long[64];
        long[] chunkTime = new long[64];
        long[] chunkLine = new long[64];
        /** Ring index of the oldest chunk. */
        int chunkHead;
        int chunkCount;
        Mode mode = Mode.LINE;

        // RAW (host data mode)
        int rawRemaining;
        int rawAnnounced;
        long rawSpanStart;
        long rawStartTime;
        long rawLine;
        long rawCount;
        ByteArrayOutputStream raw;

        // BODY (module data mode)
        Pending bodyOwner;
        /** Index in buf where the body's bytes begin. */
        int bodyFrom;
        /** Index of the start of the body's line being scanned. */
        int bodyLineStart;
        /** Tentative end: index in buf where the body ends (before the CR LF of the final line); -1 if none. */
        int tentativeEnd = -1;
        int tentativeFinalFrom;
        int tentativeFinalTo;
        long tentativeTime;
        /**
         * The last final result inside the body that more body followed soon after (so it was taken
         * for a line of the body): when the host speaks or the input ends, it closes the body after
         * all; -1 if none.
         */
        int lateEnd = -1;
        int lateFinalFrom;
        int lateFinalTo;

        // RAW after a prompt: the data ends at Ctrl-Z or ESC rather than at a count
        boolean rawTerminated;
        /** For the host lane after a prompt: what the module's echo is compared with. */
        PromptEcho promptEcho;

        // ECHO (the module echoing prompt data)
        Pending echoOwner;
        ByteArrayOutputStream echoBytes;
        long echoSpanStart;
        long echoStartTime;
        long echoEndTime;
        long echoLine;
        /** A lone {@code >} waits for its space: the host's next bytes or the end of input prove it came alone. */
        boolean promptByte;

        Lane(Direction direction) {
            this.direction = direction;
        }

        void append(Chunk c) {
            byte[] d = c.data();
            if (end + d.length > buf.length) {
                compact(d.length);
            }
            System.arraycopy(d, 0, buf, end, d.length);
            if (chunkCount == chunkStart.length) {
                growChunks();
            }
            int slot = chunkSlot(chunkCount);
            chunkStart[slot] = offset + (end - start);
            chunkTime[slot] = c.timeMicros();
            chunkLine[slot] = c.line();
            chunkCount++;
            end += d.length;
        }

        private void compact(int extra) {
            int live = end - start;
            int keepFrom = mode == Mode.BODY ? Math.min(start, bodyFrom) : start;
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
            if (mode == Mode.BODY) {
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

        long offsetOf(int index) {
            return offset + (index - start);
        }

        /** Moves the decoded boundary to {@code index}, dropping chunk records behind it. */
        void consume(int index) {
            offset += index - start;
            start = index;
            if (scan < start) {
                scan = start;
            }
            while (chunkCount > 1) {
                long first = chunkStart[chunkHead];
                long second = chunkStart[chunkSlot(1)];
                if (second <= offset && first < second) {
                    chunkHead = chunkSlot(1);
                    chunkCount--;
                } else {
                    break;
                }
            }
        }

        /** The ring index of the k-th oldest chunk; the capacity is a power of two. */
        private int chunkSlot(int k) {
            return (chunkHead + k) & (chunkStart.length - 1);
        }

        private void growChunks() {
            int n = chunkStart.length;
            long[] s = new long[n * 2];
            long[] t = new long[n * 2];
            long[] l = new long[n * 2];
            for (int k = 0; k < chunkCount; k++) {
                int slot = chunkSlot(k);
                s[k] = chunkStart[slot];
                t[k] = chunkTime[slot];
                l[k] = chunkLine[slot];
            }
            chunkStart = s;
            chunkTime = t;
            chunkLine = l;
            chunkHead = 0;
        }

        /** The ring index of the chunk that brought the byte at stream offset {@code off}, or -1 when none is held. */
        private int chunkAt(long off) {
            if (chunkCount == 0) {
                return -1;
            }
            int found = chunkHead;
            for (int k = 1; k < chunkCount; k++) {
                int slot = chunkSlot(k);
                if (chunkStart[slot] <= off) {
                    found = slot;
                } else {
                    break;
                }
            }
            return found;
        }

        long timeAt(long off) {
            int c = chunkAt(off);
            return c < 0 ? lastTime : chunkTime[c];
        }

        long lineAt(long off) {
            int c = chunkAt(off);
            return c < 0 ? -1 : chunkLine[c];
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
                boolean progressed = switch (mode) {
                    case LINE -> processLine();
                    case RAW -> processRaw();
                    case BODY -> processBody();
                    case ECHO -> processEcho();
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
            if (direction == Direction.MODULE_TO_HOST && buf[from] == '>' && promptAwaited()) {
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
                onHostRepeat(this, spanFrom, from, to, spanTo);
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
                    emit(event(EventKind.NOISE, spanFrom, from, to, spanTo, "a line longer than "
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
            if (direction == Direction.HOST_TO_MODULE) {
                onHostLine(this, spanFrom, from, t, spanTo);
            } else {
                onModuleLine(this, spanFrom, from, t, spanTo);
            }
            // a handler may have switched this lane to body mode, which starts after the line
            if (start <= t) {
                consume(t + 1);
            }
            if (mode == Mode.BODY) {
                bodyFrom = start;
                bodyLineStart = start;
                scan = start;
            }
            return true;
        }

        // ---- RAW: host data mode

        void startRaw(int announced) {
            mode = Mode.RAW;
            rawTerminated = false;
            promptEcho = null;
            rawAnnounced = announced;
            rawRemaining = announced < 0 ? Integer.MAX_VALUE : announced;
            rawSpanStart = -1;
            rawCount = 0;
            raw = new ByteArrayOutputStream();
        }

        private boolean processRaw() {
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
            if (rawSpanStart < 0) {
                rawSpanStart = spanStart;
                rawStartTime = timeAt(offset);
                rawLine = lineAt(offset);
            }
            int n = Math.min(end - start, rawRemaining);
            byte stop = 0;
            if (rawTerminated) {
                for (int i = start; i < start + n; i++) {
                    if (buf[i] == CTRL_Z || buf[i] == ESC) {
                        stop = buf[i];
                        n = i + 1 - start;
                        break;
                    }
                }
            }
            int data = stop == 0 ? n : n - 1;
            int keep = (int) Math.max(0, Math.min(data, options.maxPayloadBytes() - rawCount));
            raw.write(buf, start, keep);
            if (promptEcho != null) {
                promptEcho.hostSent(buf, start, n);
            }
            rawCount += data;
            rawRemaining -= n;
            long lastByte = offsetOf(start + n) - 1;
            rawEndTime = timeAt(lastByte);
            consume(start + n);
            spanStart = offset;
            if (stop != 0) {
                emitRaw(stop == CTRL_Z ? "ended by Ctrl-Z after " + rawCount + " bytes"
                        : "cancelled with ESC after " + rawCount + " bytes");
            } else if (rawRemaining == 0) {
                emitRaw(null);
            }
            return true;
        }

        /** The module's prompt has come: the host sends the announced count, or text up to Ctrl-Z or ESC. */
        void startPromptData(int announced, PromptEcho echo) {
            startRaw(announced);
            skipLf = false; // the host waited for the prompt: a LF now is data, not the end of its command line
            rawTerminated = announced < 0;
            promptEcho = echo;
        }

        long rawEndTime;

        /** Ends host data mode early; what arrived is the payload. */
        void endRaw(String why) {
            if (mode != Mode.RAW) {
                return;
            }
            String note = why;
            byte[] got = raw.toByteArray();
            if (rawCount >= 3 && got.length == rawCount && endsWith(got, ESCAPE)) {
                note = "ended by the +++ escape after " + (rawCount - 3) + " bytes";
            } else if (rawAnnounced >= 0) {
                note = why + ": " + rawCount + " of " + rawAnnounced + " bytes";
            }
            emitRaw(note);
        }

        private void emitRaw(String note) {
            byte[] data = raw.toByteArray();
            mode = Mode.LINE;
            scan = start;
            promptEcho = null;
            if (rawSpanStart < 0) {
                raw = null;
                return; // nothing arrived
            }
            if (note != null && note.startsWith("ended by the +++")) {
                data = Arrays.copyOf(data, data.length - 3);
            }
            if (rawCount > data.length && (note == null || rawTerminated)) {
                String kept = "payload of " + rawCount + " bytes; only the first " + data.length + " kept";
                note = note == null ? kept : note + "; " + kept;
            }
            Event e = new Event(EventKind.PAYLOAD, direction, rawSpanStart, offset, rawStartTime, rawEndTime,
                    rawLine, data, note);
            raw = null;
            Pending owner = overlapped != null ? overlapped : pending;
            if (owner != null) {
                owner.responses.add(e);
            }
            emit(e);
        }

        // ---- the > prompt and the module's echo of the data that follows it

        /** Whether the pending command waits for its {@code >} prompt. */
        private boolean promptAwaited() {
            return pending != null && !pending.prompted && pending.shape.dataMode() == ResponseShape.DataMode.PROMPT
                    && host.mode == Mode.LINE;
        }

        /** The prompt is buf[from, to): the host's data follows, and the module may echo it. */
        private void startPrompt(int from, int to) {
            promptByte = false;
            long spanFrom = spanStart;
            long spanTo = offsetOf(to);
            Event e = event(EventKind.INTERMEDIATE, spanFrom, from, to, spanTo, null);
            spanStart = spanTo;
            consume(to);
            Pending p = pending;
            p.prompted = true;
            p.responses.add(e);
            emit(e);
            PromptEcho echo = new PromptEcho(Math.max(options.maxPayloadBytes(), 1));
            host.startPromptData(announcedLength(p), echo);
            mode = Mode.ECHO;
            echoOwner = p;
            echoBytes = null;
            echoing = echo;
            if (host.start < host.end) {
                host.process(); // the host did not wait for the prompt
            }
        }

        /** A lone {@code >} before the host's data or the end of input is the whole prompt. */
        void confirmPrompt() {
            if (promptByte && mode == Mode.LINE && end - start == 1 && buf[start] == '>' && promptAwaited()) {
                startPrompt(start, start + 1);
            }
            promptByte = false;
        }

        /** For the module lane after a prompt: the host's data its echo is matched against. */
        PromptEcho echoing;

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
            if (mode == Mode.ECHO) {
                echoing.end();
                emitEcho();
            }
        }

        private void emitEcho() {
            mode = Mode.LINE;
            scan = start;
            if (echoBytes != null) {
                Event e = new Event(EventKind.ECHO, direction, echoSpanStart, offset, echoStartTime, echoEndTime,
                        echoLine, echoBytes.toByteArray(), "echo of the data sent after the prompt");
                if (echoOwner != null) {
                    echoOwner.responses.add(e);
                }
                emit(e);
            }
            echoBytes = null;
            echoOwner = null;
            echoing = null;
        }

        // ---- BODY: module data mode

        void startBody(Pending owner) {
            mode = Mode.BODY;
            bodyOwner = owner;
            tentativeEnd = -1;
            lateEnd = -1;
        }

        private boolean processBody() {
            if (tentativeEnd >= 0) {
                // bytes after a final result soon after it mean the "final" was a line of the body
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
                } else {
                    confirmBodyEnd();
                    return false;
                }
            }
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
                mode = Mode.LINE;
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

        /** The body ends at its tentative final result: emit both and go back to lines. */
        /**
         * A body with no final result after its last one ends there, when something proves that it
         * ended (the host speaking, the end of the input): what came soon after that final (a URC,
         * the next command's echo) is lines again.
         */
        void takeLastFinal() {
            if (mode == Mode.BODY && tentativeEnd < 0 && lateEnd >= 0) {
                tentativeEnd = lateEnd;
                tentativeFinalFrom = lateFinalFrom;
                tentativeFinalTo = lateFinalTo;
            }
        }

        void confirmBodyEnd() {
            if (mode != Mode.BODY || tentativeEnd < 0) {
                return;
            }
            int finalFrom = tentativeFinalFrom;
            int finalTo = tentativeFinalTo;
            Pending owner = bodyOwner;
            emitBody(tentativeEnd, null);
            long spanFrom = spanStart;
            long spanTo = offsetOf(finalTo + 1);
            Event fin = event(EventKind.FINAL, spanFrom, finalFrom, finalTo, spanTo, null);
            spanStart = spanTo;
            consume(finalTo + 1);
            skipLf = true;
            mode = Mode.LINE;
            scan = start;
            tentativeEnd = -1;
            emit(fin);
            String text = fin.text();
            finishTransaction(owner, fin, text.equals("OK") ? Outcome.OK : Outcome.ERROR);
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
            if (bodyOwner != null) {
                bodyOwner.responses.add(e);
            }
            emit(e);
        }

        /** The end of input: half units become flagged events. */
        void finishInput() {
            confirmPrompt();
            endEcho();
            // the input ends with no final result after the body's last one: that one closed it
            takeLastFinal();
            if (mode == Mode.BODY) {
                if (tentativeEnd >= 0) {
                    confirmBodyEnd();
                } else {
                    Pending owner = bodyOwner;
                    emitBody(end, "the trace ends inside the body");
                    mode = Mode.LINE;
                    if (owner != null) {
                        if (owner == overlapped) {
                            overlapped = null;
                        }
                        if (owner == pending) {
                            pending = null;
                        }
                        complete(owner, null, Outcome.NO_RESPONSE, lastTime);
                    }
                }
            }
            if (mode == Mode.RAW) {
                endRaw("the trace ends inside the upload");
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
                Pending target = overlapped != null ? overlapped : pending;
                String text = new String(buf, from, end - from, StandardCharsets.ISO_8859_1);
                // a line whose last byte came before the command was sent cannot be its answer
                boolean after = target != null && timeAt(offsetOf(end) - 1) >= target.command.startMicros();
                Outcome outcome = direction == Direction.MODULE_TO_HOST && after ? finalOutcome(text, target) : null;
                if (outcome != null) {
                    // a log that stops right after the final result it waited for (chat's "-- got it")
                    Event fin = event(EventKind.FINAL, spanFrom, from, end, spanTo, "the trace ends before its line end");
                    emit(fin);
                    finishTransaction(target, fin, outcome);
                } else {
                    emit(event(EventKind.NOISE, spanFrom, from, end, spanTo, "a half line at the end of the trace"));
                }
            }
            consume(end);
        }
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        if (data.length < suffix.length) {
            return false;
        }
        return Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }
}
