package dev.atscope.core.trace.imports;

/**
 * How a trace file is read.
 *
 * @param format the format to read, or null to detect it from the content
 * @param keepGoing on a line that breaks the format, import what can be read and mark the gap with
 *     a {@code gap} marker instead of stopping
 * @param patterns the line patterns of home-grown logs ({@link TraceFormat#PREFIXED})
 */
public record ImportOptions(TraceFormat format, boolean keepGoing, PrefixPatterns patterns) {

    /** Detect the format, stop at the first broken line, built-in patterns plus the user's file. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, false, PrefixPatterns.standard());
    }

    public ImportOptions {
        if (patterns == null) {
            patterns = PrefixPatterns.standard();
        }
    }

    /** The same options with a forced format (null to detect). */
    public ImportOptions withFormat(TraceFormat f) {
        return new ImportOptions(f, keepGoing, patterns);
    }

    /** The same options with keep-going on or off. */
    public ImportOptions withKeepGoing(boolean on) {
        return new ImportOptions(format, on, patterns);
    }
}
