package dev.atscope.core.decode;

import java.util.List;
import java.util.Locale;

/**
 * A command line with everything that answered it.
 *
 * @param id sequence number of the command line in the trace, from 1
 * @param command the command line event
 * @param commands the commands of the line (one, or several joined with {@code ;})
 * @param echo the module's echo of the line, or null (ATE0, or not captured)
 * @param responses information lines, {@code CONNECT}, and data-mode payloads of either side, in order
 * @param result the final result event, or null when none came
 * @param outcome how it ended
 * @param waitedMicros for {@link Outcome#NO_RESPONSE}: how long it waited before the next command or
 *     the end of the trace; otherwise the time from the command to the result
 * @param shape what the protocol library said about its answers
 */
public record Transaction(
        long id,
        Event command,
        List<AtCommand> commands,
        Event echo,
        List<Event> responses,
        Event result,
        Outcome outcome,
        long waitedMicros,
        ResponseShape shape)
        implements Decoded {

    public Transaction {
        commands = List.copyOf(commands);
        responses = List.copyOf(responses);
    }

    /** The first (usually the only) command of the line. */
    public AtCommand first() {
        return commands.get(0);
    }

    /** The last command of the line: the one whose answer ends it. */
    public AtCommand last() {
        return commands.get(commands.size() - 1);
    }

    /** Time of the command's first byte. */
    public long startMicros() {
        return command.startMicros();
    }

    /** Time of the final result's last byte, or the start plus the time waited. */
    public long endMicros() {
        return result != null ? result.endMicros() : command.startMicros() + waitedMicros;
    }

    /** From the command to its final result (or to the end of waiting). */
    public long durationMicros() {
        return endMicros() - startMicros();
    }

    /** The final result's text, or empty when none came. */
    public String resultText() {
        return result == null ? "" : result.text();
    }

    /** The information lines (not CONNECT, not payloads). */
    public List<Event> informationLines() {
        return responsesOf(EventKind.RESPONSE);
    }

    /** The data-mode payloads. */
    public List<Event> payloads() {
        return responsesOf(EventKind.PAYLOAD);
    }

    /** The responses of one kind; asked for every transaction by the checker, so without a stream or a copy when none. */
    private List<Event> responsesOf(EventKind kind) {
        List<Event> out = null;
        for (int i = 0; i < responses.size(); i++) { // by index: no iterator for every transaction
            Event e = responses.get(i);
            if (e.kind() == kind) {
                if (out == null) {
                    out = new java.util.ArrayList<>(responses.size());
                }
                out.add(e);
            }
        }
        return out == null ? List.of() : java.util.Collections.unmodifiableList(out);
    }

    /** The number of {@code +CME ERROR: n} or {@code +CMS ERROR: n}, or -1 (none, or verbose text). */
    public int errorCode() {
        String t = errorDetail();
        if (t == null) {
            return -1;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * What follows {@code +CME ERROR:} or {@code +CMS ERROR:}: a number, or the verbose text after
     * AT+CMEE=2; null for other results.
     */
    public String errorDetail() {
        if (result == null) {
            return null;
        }
        String t = result.text();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+CME ERROR:") || upper.startsWith("+CMS ERROR:")) {
            return t.substring(11).strip();
        }
        return null;
    }
}
