package dev.atscope.core.decode;

import java.util.ArrayList;
import java.util.List;

/** A command line waiting for its answer: what the assembler has paired with it so far. */
final class PendingCommand {
    final long id;
    final Event command;
    final List<AtCommand> commands;
    final ResponseShape shape;
    final List<Event> responses = new ArrayList<>();
    Event echo;
    /** The module's {@code >} prompt has come: the host's data follows it. */
    boolean prompted;
    /** Handed out as a transaction: a body still streaming for it ends without handing it out again. */
    boolean completed;

    PendingCommand(long id, Event command, List<AtCommand> commands, ResponseShape shape) {
        this.id = id;
        this.command = command;
        this.commands = commands;
        this.shape = shape;
    }

    /** The last command of the line: the one whose answer shape the line follows. */
    AtCommand last() {
        return commands.get(commands.size() - 1);
    }
}
