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

    /**
     * Whether a command is answering with a long list of lines: {@code AT+CLAC}, {@code AT&V}, or a
     * {@code =?} test whose answer lines so far are command names.
     */
    boolean listsLines() {
        AtCommand last = last();
        if (last.name().equals("+CLAC") || last.name().equals("&V")) {
            return true;
        }
        return last.form() == CommandForm.TEST && !responses.isEmpty()
                && CommandLineParser.isCommandLine(responses.get(responses.size() - 1).text());
    }

    /** Whether an information line with this text belongs to {@code p}'s answer (its prefix); false for null. */
    static boolean claims(PendingCommand p, String text) {
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

    /** The byte count the command announced for its upload (AT+QHTTPURL's length), or -1. */
    int announcedLength() {
        int index = shape.lengthParam();
        List<String> params = last().params();
        if (index < 0 || index >= params.size()) {
            return -1;
        }
        try {
            return Integer.parseInt(params.get(index).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a line starts with the command's own name and a colon ({@code +CWJAP:} of AT+CWJAP): its answer, not a shared prefix. */
    boolean claimsOwn(String text) {
        String name = last().name();
        return name.startsWith("+") && text.length() > name.length() && text.charAt(name.length()) == ':'
                && text.regionMatches(true, 0, name, 0, name.length());
    }
}
