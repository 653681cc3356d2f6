package dev.atscope.core.trace.imports;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sent each line of a transcript, a log that shows the traffic without saying who sent what,
 * decided from the grammar as a person reads it: a command line is the host's, unless it repeats
 * the line just sent (the echo) or the pending command lists commands ({@code AT+CLAC}, a {@code =?}
 * listing); a final result, an answer in the usual shape ({@code +CSQ: 20,99}), the {@code >}
 * prompt and a known URC are the module's; other text is the module's while a command waits for
 * its result (an address, a revision) and otherwise the host program's own print, left out. A line
 * that holds a result glued to the next command ({@code SEND OKAT+QIRD=0}) is two lines.
 */
final class TranscriptSides {

    /** Why a line is left out: the program printed it. */
    static final String PRINT = "lines the host program printed (no command was waiting for an answer)";
    /** The longest an echo comes after its command, when the log has real times. */
    private static final long ECHO_MICROS = 50_000;

    /**
     * A piece of a line with its side.
     *
     * @param side who sent it, or null when it is not traffic
     * @param text its text
     */
    record Piece(Direction side, String text) {}

    private final ResponseModel model;
    /** The final results the grammar knows ({@link AtText#results}). */
    private final java.util.Set<String> results;
    private final PrintsSeen prints = new PrintsSeen();
    private String lastCommand;
    private long lastCommandTime = -1;
    private boolean lastWasCommand;
    private boolean pending;
    private boolean listing;
    /** Whether the log shows echoes at all. */
    private boolean echoOn = true;
    /** The listing is a {@code =?} test's, which ends at its first answer that is no command. */
    private boolean testListing;
    private long commands;

    TranscriptSides(ResponseModel model) {
        this.model = model;
        this.results = AtText.results(model);
    }

    /** The command lines seen so far. */
    long commands() {
        return commands;
    }

    /**
     * The pieces of one line of a transcript with their sides.
     *
     * @param s the line, stripped
     * @param time its time, for telling an echo from a retry
     * @param realTime whether the log has real times
     * @param echoOn whether the log shows the module's echo
     */
    List<Piece> pieces(String s, long time, boolean realTime, boolean echoOn) {
        this.echoOn = echoOn;
        return pieces(s, time, realTime);
    }

    private List<Piece> pieces(String s, long time, boolean realTime) {
        List<Piece> out = new ArrayList<>(2);
        int print = Pastes.gluedPrint(s);
        if (print > 0) {
            // the module's line and the program's debug print on one line: "POWERED DOWN[6036] ### ..."
            out.addAll(pieces(s.substring(0, print).strip(), time, realTime));
            out.add(new Piece(null, s.substring(print)));
            return out;
        }
        int after = gluedCommand(s) > 0 ? 0 : printedBefore(s);
        if (after > 0) {
            // the program's print and the command it wrote next on one line: "Initializing modem...AT"
            out.add(new Piece(null, s.substring(0, after)));
            out.addAll(pieces(s.substring(after), time, realTime));
            return out;
        }
        int glued = gluedCommand(s);
        if (glued > 0) {
            out.add(piece(s.substring(0, glued), time, realTime));
            out.add(piece(s.substring(glued), time, realTime));
        } else if (s.length() > 1 && s.charAt(0) == '>' && pending) {
            // the prompt, then what the host typed at it
            out.add(piece(">", time, realTime));
            out.add(new Piece(Direction.HOST_TO_MODULE, s.substring(1)));
        } else {
            out.add(piece(s, time, realTime));
        }
        return out;
    }

    private Piece piece(String s, long time, boolean realTime) {
        AtText.Kind kind = AtText.kind(s, results);
        boolean wasCommand = lastWasCommand;
        lastWasCommand = false;
        switch (kind) {
            case COMMAND -> {
                boolean echo = echoOn && wasCommand && s.equals(lastCommand)
                        && (!realTime || time - lastCommandTime <= ECHO_MICROS);
                if (echo || pending && listing) {
                    return new Piece(Direction.MODULE_TO_HOST, s);
                }
                commands++;
                lastCommand = s;
                lastCommandTime = time;
                lastWasCommand = true;
                pending = true;
                listing = listing(s);
                testListing = listing && s.contains("=?");
                return new Piece(Direction.HOST_TO_MODULE, s);
            }
            case RESULT -> {
                pending = false;
                listing = false;
                return new Piece(Direction.MODULE_TO_HOST, s);
            }
            case INFORMATION, PROMPT -> {
                listing &= !testListing; // a test's range ("+CGACT: (0,1)") lists no commands
                return new Piece(Direction.MODULE_TO_HOST, s);
            }
            default -> {
                if (model.urcKind(s) != null || pending && !prints.contains(s)) {
                    return new Piece(Direction.MODULE_TO_HOST, s);
                }
                // a print, and the same text later is the same print, even while a command waits
                prints.remember(s);
                return new Piece(null, s);
            }
        }
    }

    /** Whether a command answers with lines that start with {@code AT}: {@code AT+CLAC}, {@code AT&V}, a {@code =?} test. */
    private static boolean listing(String line) {
        List<AtCommand> cmds = CommandLineParser.parse(line);
        AtCommand last = cmds.get(cmds.size() - 1);
        return last.name().equals("+CLAC") || last.name().equals("&V") || last.form() == CommandForm.TEST;
    }

    /** Where a command line starts after the text of a print on the same line, or 0. */
    private int printedBefore(String s) {
        if (AtText.kind(s, results) != AtText.Kind.OTHER) {
            return 0;
        }
        int at = AtText.anchor(s, 1);
        if (at > 0 && s.charAt(at) == 'A' && AtText.isCommand(s, at) && !Character.isLetterOrDigit(s.charAt(at - 1))) {
            return at;
        }
        // glued without a break: "Connecting to mydomain.co.ukAT+CIPCLOSE=0,1"
        int ext = s.indexOf("AT+", 1);
        return ext > 0 && AtText.isCommand(s, ext) ? ext : 0;
    }

    /** Where a command line starts right after a final result on the same line ({@code SEND OKAT+QIRD=0}), or 0. */
    int gluedCommand(String s) {
        return AtText.gluedCommand(s, results);
    }
}
