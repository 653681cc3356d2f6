package dev.atscope.core.trace;

/**
 * Where something was read: a file (or stream name) and a line, -1 when unknown. Printed as
 * {@code file:line}, the form editors and terminals link to.
 *
 * @param source the file name or stream name, or null
 * @param line the 1-based line, or -1
 */
public record SourceLocation(String source, long line) {

    /** Nothing known. */
    public static final SourceLocation NA = new SourceLocation(null, -1);

    @Override
    public String toString() {
        String s = source == null ? "<input>" : source;
        return line < 0 ? s : s + ":" + line;
    }
}
