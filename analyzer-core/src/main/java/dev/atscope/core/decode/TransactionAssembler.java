package dev.atscope.core.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * Pairs the frames of both directions into transactions: each command line with its echo, the
 * module's information lines, {@code CONNECT} or the {@code >} prompt, the data that follows and
 * the final result, and says when a command got none ({@code no-response}, {@code interrupted}).
 * What a command's answer looks like comes from the {@link ResponseModel} (the protocol libraries'
 * grammars), never from lists here. It switches the framers into data mode when an answer leads
 * into it.
 */
final class TransactionAssembler implements FrameSink {

    private final ResponseModel model;
    private final DecoderOptions options;
    private final Queue<Decoded> out;
    private Framer host;
    private Framer module;

    /** The command awaiting its answer. */
    private PendingCommand pending;
    /** An older command whose answer was still streaming when the next command was sent. */
    private PendingCommand overlapped;
    /** The answer of a command the host gave up on, when it comes after all. */
    private final LateAnswers late;
    /** The commands of the last command line, for {@code A/}. */
    private List<AtCommand> lastCommands;
    /** The lines seen recently, read once: a trace repeats its commands and answers. */
    private final RepeatedLines lines = new RepeatedLines();
    /** Verbose or numeric result codes, and which lines are final results. */
    private final ResultFormat results;
    private long nextId = 1;
    /** The time of the latest entry fed. */
    private long lastTime;

    TransactionAssembler(ResponseModel model, DecoderOptions options, Queue<Decoded> out) {
        this.model = model;
        this.options = options;
        this.out = out;
        this.results = new ResultFormat(model);
        this.late = new LateAnswers(results, this::emit);
    }

    /** The framers whose frames come here; both need the assembler first, so they are connected after. */
    void connect(Framer hostFramer, Framer moduleFramer) {
        this.host = hostFramer;
        this.module = moduleFramer;
    }

    /** Notes the time of an entry fed: commands still waiting at the end waited until the last one. */
    void advanceTo(long timeMicros) {
        lastTime = Math.max(lastTime, timeMicros);
    }

    long lastTime() {
        return lastTime;
    }

    /** The end of input: commands still waiting got no response. */
    void endOfInput() {
        if (overlapped != null) {
            complete(overlapped, null, Outcome.NO_RESPONSE, lastTime);
            overlapped = null;
        }
        if (pending != null) {
            complete(pending, null, Outcome.NO_RESPONSE, lastTime);
            pending = null;
        }
    }

    // ---------------------------------------------------------------- frames

    @Override
    public void line(Framer framer, long spanStart, int from, int to, long spanEnd) {
        if (framer == host) {
            onHostLine(framer, spanStart, from, to, spanEnd);
        } else {
            onModuleLine(framer, spanStart, from, to, spanEnd);
        }
    }

    @Override
    public void repeat(Framer framer, long spanStart, int from, int to, long spanEnd) {
        onHostRepeat(framer, spanStart, from, to, spanEnd);
    }

    @Override
    public void emit(Event e) {
        out.add(e);
    }

    @Override
    public void uploaded(Event payload) {
        PendingCommand owner = overlapped != null ? overlapped : pending;
        if (owner != null) {
            owner.responses.add(payload);
        }
        emit(payload);
    }

    @Override
    public boolean promptAwaited() {
        return pending != null && !pending.prompted && pending.shape.dataMode() == ResponseShape.DataMode.PROMPT
                && host.inLines();
    }

    @Override
    public PendingCommand prompted(Event prompt) {
        PendingCommand p = pending;
        p.prompted = true;
        p.responses.add(prompt);
        emit(prompt);
        return p;
    }

    @Override
    public void promptDataFollows(PendingCommand owner, PromptEcho echo) {
        host.startPromptData(owner.announcedLength(), echo);
        if (host.hasInput()) {
            host.process(); // the host did not wait for the prompt
        }
    }

    @Override
    public void echoed(PendingCommand owner, Event echo) {
        if (owner != null) {
            owner.responses.add(echo);
        }
        emit(echo);
    }

    @Override
    public void body(PendingCommand owner, Event body) {
        if (owner != null) {
            owner.responses.add(body);
        }
        emit(body);
    }

    @Override
    public void bodyEnded(PendingCommand owner, Event result) {
        emit(result);
        finishTransaction(owner, result, result.text().equals("OK") ? Outcome.OK : Outcome.ERROR);
    }

    @Override
    public void bodyCutShort(PendingCommand owner) {
        if (owner == null) {
            return;
        }
        if (owner == overlapped) {
            overlapped = null;
        }
        if (owner == pending) {
            pending = null;
        }
        complete(owner, null, Outcome.NO_RESPONSE, lastTime);
    }

    @Override
    public void halfLineAtEnd(Framer framer, long spanStart, int from, int to, long spanEnd) {
        PendingCommand target = overlapped != null ? overlapped : pending;
        String text = new String(framer.bytes(), from, to - from, StandardCharsets.ISO_8859_1);
        // a line whose last byte came before the command was sent cannot be its answer
        boolean after = target != null && framer.lastByteTime(from, to) >= target.command.startMicros();
        Outcome outcome = framer == module && after ? finalOutcome(text, target) : null;
        if (outcome != null) {
            // a log that stops right after the final result it waited for (chat's "-- got it")
            Event fin = framer.event(EventKind.FINAL, spanStart, from, to, spanEnd, "the trace ends before its line end");
            emit(fin);
            finishTransaction(target, fin, outcome);
        } else {
            emit(framer.event(EventKind.NOISE, spanStart, from, to, spanEnd, "a half line at the end of the trace"));
        }
    }

    // ---------------------------------------------------------------- host side

    private void onHostLine(Framer lane, long spanStart, int from, int to, long spanEnd) {
        int atIndex = LineText.indexOfAt(lane.bytes(), from, to);
        if (atIndex < 0) {
            emit(lane.event(EventKind.NOISE, spanStart, from, to, spanEnd, "host bytes that are not a command line"));
            return;
        }
        if (atIndex > from) {
            long noiseEnd = lane.offsetOf(atIndex);
            emit(lane.event(EventKind.NOISE, spanStart, from, atIndex, noiseEnd, "stray bytes before a command"));
            spanStart = noiseEnd;
        }
        RepeatedLines line = lines.read(lane.bytes(), atIndex, to);
        Event command = lane.event(EventKind.COMMAND, spanStart, atIndex, to, spanEnd, null, line.text());
        startCommand(command, line.commands());
    }

    private void onHostRepeat(Framer lane, long spanStart, int from, int to, long spanEnd) {
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
            if (!pending.responses.isEmpty() && pending.listsLines()) {
                // a long listing still streaming its answer: its tail may follow the next echo (any
                // other command's missing result is missing: a log that printed only its first line)
                overlapped = pending;
            } else {
                complete(pending, null, Outcome.NO_RESPONSE, command.startMicros());
                late.gaveUp(pending);
            }
        }
        module.endEcho(); // the host moved on, if the module was echoing its prompt data
        emit(command);
        ResponseShape shape = model.shape(commands.get(commands.size() - 1));
        if (commands.size() > 1) {
            List<String> prefixes = new ArrayList<>();
            Set<String> finals = new HashSet<>();
            for (AtCommand c : commands) {
                ResponseShape s = model.shape(c);
                prefixes.addAll(s.infoPrefixes());
                finals.addAll(s.extraFinals());
            }
            shape = new ResponseShape(finals, shape.bareLineIsFinal(), shape.dataMode(), shape.lengthParam(),
                    prefixes, shape.maxResponseMillis(), shape.dataStart());
        }
        pending = new PendingCommand(nextId++, command, commands, shape);
        lastCommands = commands;
    }

    // ---------------------------------------------------------------- module side

    private void onModuleLine(Framer lane, long spanStart, int from, int to, long spanEnd) {
        if (!LineText.isText(lane.bytes(), from, to)) {
            emit(lane.event(EventKind.NOISE, spanStart, from, to, spanEnd, "bytes that are not text"));
            return;
        }
        String text = lines.read(lane.bytes(), from, to).text();
        // when its last byte came: a line that came before a command was sent cannot answer it (a
        // line held back until a body's end was certain, the next command sent meanwhile)
        long last = lane.lastByteTime(from, to);

        // the echo of the pending command line
        if (pending != null && pending.echo == null && pending.responses.isEmpty()
                && last >= pending.command.startMicros()
                && Arrays.equals(lane.bytes(), from, to, pending.command.bytes(), 0, pending.command.bytes().length)) {
            pending.echo = lane.event(EventKind.ECHO, spanStart, from, to, spanEnd, null, text);
            emit(pending.echo);
            return;
        }
        PendingCommand target = overlapped != null ? overlapped : pending;
        if (target != null && last < target.command.startMicros()) {
            target = null;
        }
        UrcKind urc = model.urcKind(text);
        if (urc != null && !PendingCommand.claims(pending, text) && !PendingCommand.claims(overlapped, text)) {
            onUrc(lane.event(EventKind.URC, spanStart, from, to, spanEnd, null, text), urc);
            return;
        }
        if (late.took(lane, text, target, spanStart, from, to, spanEnd)) {
            return;
        }
        if (host.inUpload()) {
            host.endUpload(host.uploadEndsAtCtrlZ() ? "the module answered before Ctrl-Z or ESC ended the data"
                    : "the module answered before the announced byte count arrived");
        }
        if (target == null) {
            if (CommandLineParser.isCommandLine(text)) {
                emit(lane.event(EventKind.ECHO, spanStart, from, to, spanEnd, "echo of a command the trace does not show", text));
            } else if (finalOutcome(text, null) != null) {
                emit(lane.event(EventKind.FINAL, spanStart, from, to, spanEnd, "a result with no command pending", text));
            } else {
                emit(lane.event(EventKind.URC, spanStart, from, to, spanEnd, "not a known unsolicited result code", text));
            }
            return;
        }
        if (isConnect(text, target)) {
            switch (target.shape.dataMode()) {
                case UPLOAD -> {
                    Event e = lane.event(EventKind.INTERMEDIATE, spanStart, from, to, spanEnd, null, text);
                    target.responses.add(e);
                    emit(e);
                    host.startUpload(target.announcedLength());
                    return;
                }
                case BODY -> {
                    Event e = lane.event(EventKind.INTERMEDIATE, spanStart, from, to, spanEnd, null, text);
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
            Event e = lane.event(EventKind.FINAL, spanStart, from, to, spanEnd, null, text);
            emit(e);
            finishTransaction(target, e, outcome);
            return;
        }
        // an information line: with two commands in flight, the newer one's prefix decides
        PendingCommand owner = target;
        if (overlapped != null && pending != null && PendingCommand.claims(pending, text)) {
            owner = pending;
        }
        Event e = lane.event(EventKind.RESPONSE, spanStart, from, to, spanEnd, null, text);
        owner.responses.add(e);
        emit(e);
        if (owner.shape.bareLineIsFinal()) {
            finishTransaction(owner, e, Outcome.OK);
        }
    }

    private void onUrc(Event urc, UrcKind kind) {
        emit(urc);
        if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
            late.forget();
            if (host.inUpload()) {
                host.endUpload("the module restarted during the upload");
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
                results.restarted();
            }
        }
    }

    private void finishTransaction(PendingCommand p, Event result, Outcome outcome) {
        late.forget(); // the module answered a later command: it is done with the older one
        complete(p, result, outcome, result.endMicros());
        if (p == overlapped) {
            overlapped = null;
        } else if (p == pending) {
            pending = null;
        }
    }

    private void complete(PendingCommand p, Event result, Outcome outcome, long until) {
        if (p.completed) {
            // a body outlived its command: two more commands came while it streamed and ended its wait
            return;
        }
        p.completed = true;
        if (outcome == Outcome.OK) {
            results.succeeded(p.commands);
        }
        long waited = Math.max(0, until - p.command.startMicros());
        out.add(new Transaction(p.id, p.command, p.commands, p.echo, p.responses, result, outcome, waited, p.shape));
    }

    private boolean isConnect(String text, PendingCommand target) {
        return results.isConnect(text, target);
    }

    /** The outcome a final result line stands for, or null when the line is not a final result. */
    private Outcome finalOutcome(String text, PendingCommand target) {
        return results.finalOutcome(text, target);
    }
}
