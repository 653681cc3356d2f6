package dev.atscope.core.trace;

import java.io.IOException;

/** A native trace file that {@link TraceRowScanner} cannot split into records, by kind. */
abstract class TraceScanFault extends IOException {
    private static final long serialVersionUID = 1L;

    TraceScanFault(String message) {
        super(message);
    }

    /** The file ended inside a quoted field: a recording cut off mid-write. */
    static final class EndInsideQuotes extends TraceScanFault {
        private static final long serialVersionUID = 1L;

        EndInsideQuotes(String message) {
            super(message);
        }
    }

    /** A fault of the scanned text at a known line. */
    abstract static class LineFault extends TraceScanFault {
        private static final long serialVersionUID = 1L;
        /** The line of the fault. */
        final long line;

        LineFault(String message, long line) {
            super(message);
            this.line = line;
        }
    }

    /** A character other than a separator after a quoted field's closing quote (at its own line). */
    static final class BadCharAfterQuote extends LineFault {
        private static final long serialVersionUID = 1L;

        BadCharAfterQuote(String message, long line) {
            super(message, line);
        }
    }

    /** A record (or the comments and header before the first) longer than the scanner holds (at its first line). */
    static final class TooLong extends LineFault {
        private static final long serialVersionUID = 1L;

        TooLong(String message, long line) {
            super(message, line);
        }
    }
}
