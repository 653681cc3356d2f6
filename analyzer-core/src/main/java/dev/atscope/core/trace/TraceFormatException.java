package dev.atscope.core.trace;

import java.io.IOException;

/** A trace file that does not follow its format, with the place that broke it. */
public class TraceFormatException extends IOException {

    private final SourceLocation location;

    /**
     * @param location where the input broke
     * @param problem what was found and what was expected
     */
    public TraceFormatException(SourceLocation location, String problem) {
        super(problem);
        this.location = location;
    }

    /** Where the input broke. */
    public SourceLocation location() {
        return location;
    }

    /** What was found and what was expected, without the place. */
    public String problem() {
        return super.getMessage();
    }

    /** {@code file:line: problem}. */
    @Override
    public String getMessage() {
        return location + ": " + super.getMessage();
    }
}
