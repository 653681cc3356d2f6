package dev.atscope.core.decode;

/**
 * What the decoder asks of the protocol libraries. The decoder knows the framing that every AT
 * dialect shares (V.250); the result codes and command-specific answers come from here.
 */
public interface ResponseModel {

    /**
     * A model that knows no library: every command is {@link ResponseShape#PLAIN}, no line is a
     * known URC or result code.
     */
    ResponseModel NONE = new ResponseModel() {
        @Override
        public ResponseShape shape(AtCommand command) {
            return ResponseShape.PLAIN;
        }

        @Override
        public UrcKind urcKind(String line) {
            return null;
        }

        @Override
        public Outcome resultOutcome(String line, boolean numeric) {
            return null;
        }

        @Override
        public boolean connect(String line, boolean numeric) {
            return false;
        }
    };

    /** How the module answers this command. */
    ResponseShape shape(AtCommand command);

    /** The kind of a module line that is a known unsolicited result code, or null. */
    UrcKind urcKind(String line);

    /**
     * The outcome of the command that a module line ends as a V.250 result code: its verbose text
     * ({@code NO CARRIER}, {@code CONNECT 9600}), or, when {@code numeric} (after ATV0), its digit
     * too; null when the line is no result code that ends a command ({@code RING}, other text).
     */
    Outcome resultOutcome(String line, boolean numeric);

    /** Whether a module line is the {@code CONNECT} result code (its digit too when {@code numeric}). */
    boolean connect(String line, boolean numeric);

    /**
     * The verbose texts, upper case, of every line that ends a command or leads into data mode
     * besides {@code +CME ERROR} and {@code +CMS ERROR}: the result codes ({@code OK}, {@code NO
     * CARRIER}, {@code CONNECT}) and the commands' own final results ({@code SEND OK}, {@code SHUT
     * OK}). Readers of text logs ask it to tell a module's result from a program's print before
     * anything is decoded; none by default.
     */
    default java.util.Set<String> finalTexts() {
        return java.util.Set.of();
    }
}
