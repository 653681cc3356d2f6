package dev.atscope.core.decode;

/** The four forms of an AT command (V.250 §5.3; the note's §2.1), told apart by the suffix. */
public enum CommandForm {
    /** {@code AT+X=?}: asks which parameters and ranges the command takes. */
    TEST("=?"),
    /** {@code AT+X?}: asks for the current settings. */
    READ("?"),
    /** {@code AT+X=...}: sets parameters (basic commands with a number, {@code ATE0}, count here too). */
    WRITE("="),
    /** {@code AT+X}: runs the command without parameters. */
    EXECUTE("");

    private final String suffix;

    CommandForm(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix that marks the form after the command's name. */
    public String suffix() {
        return suffix;
    }

    /** The lower-case word used in grammar files and JSON output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
