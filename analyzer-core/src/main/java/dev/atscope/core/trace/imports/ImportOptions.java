package dev.atscope.core.trace.imports;

import dev.atscope.core.decode.ResponseModel;

/**
 * How a trace file is read.
 *
 * @param format the format to read, or null to detect it from the content
 * @param keepGoing on a line that breaks the format, import what can be read and mark the gap with
 *     a {@code gap} marker instead of stopping
 * @param patterns the line patterns of home-grown logs ({@link TraceFormat#PREFIXED})
 * @param model what the protocol libraries know about answers, for text logs whose line endings
 *     and uploads are put back from the grammar ({@link ResponseModel#NONE} knows no command)
 * @param hints what the user says about a text log's layout where learning it is not enough
 */
public record ImportOptions(TraceFormat format, boolean keepGoing, PrefixPatterns patterns, ResponseModel model,
        LayoutHints hints) {

    /** Detect the format, stop at the first broken line, built-in patterns plus the user's file, no grammar. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, false, PrefixPatterns.standard(), ResponseModel.NONE, LayoutHints.NONE);
    }

    public ImportOptions {
        if (patterns == null) {
            patterns = PrefixPatterns.standard();
        }
        if (model == null) {
            model = ResponseModel.NONE;
        }
        if (hints == null) {
            hints = LayoutHints.NONE;
        }
    }

    /** Options without a response model or hints. */
    public ImportOptions(TraceFormat format, boolean keepGoing, PrefixPatterns patterns) {
        this(format, keepGoing, patterns, ResponseModel.NONE, LayoutHints.NONE);
    }

    /** The same options with a forced format (null to detect). */
    public ImportOptions withFormat(TraceFormat f) {
        return new ImportOptions(f, keepGoing, patterns, model, hints);
    }

    /** The same options with keep-going on or off. */
    public ImportOptions withKeepGoing(boolean on) {
        return new ImportOptions(format, on, patterns, model, hints);
    }

    /** The same options with the response model that frames text logs. */
    public ImportOptions withModel(ResponseModel m) {
        return new ImportOptions(format, keepGoing, patterns, m, hints);
    }

    /** The same options with the user's layout hints. */
    public ImportOptions withHints(LayoutHints h) {
        return new ImportOptions(format, keepGoing, patterns, model, h);
    }
}
