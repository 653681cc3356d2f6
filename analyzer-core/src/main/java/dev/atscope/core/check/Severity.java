package dev.atscope.core.check;

/** How much a diagnostic matters. */
public enum Severity {
    /** The module will refuse it, or the procedure cannot work. */
    ERROR,
    /** It works, but is risky or insecure. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO;

    /** The lower-case word used in output and options. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
