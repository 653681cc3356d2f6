package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a command line of a marked log where the module read it: the module echoes a command before
 * it answers it, so the module's lines that a log shows between a command line and its echo were
 * sent before the module saw the command (the answer of the command before, still on its way when
 * the host wrote). The command line is held until its echo comes, and then goes out after those
 * lines, at the echo's time; when the host writes again, or the echo does not come within
 * {@value #ECHO_WAIT_LINES} lines, all goes out as the log has it.
 */
final class EchoOrder {

    /** Where the lines go out, in their new order. */
    @FunctionalInterface
    interface Sink {
        void emit(long time, String channel, byte[] bytes, long number);
    }

    /** A line of a marked log on its way out, held while a command line waits for its echo. */
    private record Out(long time, String channel, Direction side, byte[] bytes, long number) {

        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1).strip();
        }
    }

    /** How many of the module's lines a command line is held for while its echo has not come. */
    static final int ECHO_WAIT_LINES = 16;

    private final Sink sink;
    /** The host's last command line and the module's lines after it, while its echo may still come. */
    private final List<Out> held = new ArrayList<>();

    EchoOrder(Sink sink) {
        this.sink = sink;
    }

    /** Hands out a line, or holds it while a command line before it waits for its echo. */
    void out(long t, String channel, Direction side, byte[] bytes, long number) {
        Out o = new Out(t, channel, side, bytes, number);
        if (held.isEmpty()) {
            if (side == Direction.HOST_TO_MODULE && AtText.isCommand(o.text(), 0)) {
                held.add(o);
            } else {
                sink.emit(t, channel, bytes, number);
            }
            return;
        }
        Out command = held.get(0);
        if (side == Direction.MODULE_TO_HOST && o.text().equals(command.text())) {
            for (Out before : held.subList(1, held.size())) {
                sink.emit(before.time(), before.channel(), before.bytes(), before.number());
            }
            sink.emit(held.size() > 1 ? Math.max(t, command.time()) : command.time(), command.channel(),
                    command.bytes(), command.number());
            held.clear();
            sink.emit(t, channel, bytes, number);
            return;
        }
        if (side == Direction.HOST_TO_MODULE || held.size() > ECHO_WAIT_LINES) {
            flush();
            out(t, channel, side, bytes, number);
            return;
        }
        held.add(o);
    }

    /** Hands out the held lines as the log has them. */
    void flush() {
        for (Out o : held) {
            sink.emit(o.time(), o.channel(), o.bytes(), o.number());
        }
        held.clear();
    }
}
