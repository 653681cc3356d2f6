package dev.atscope.core.origin;

import dev.atscope.core.decode.Transaction;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.trace.Trace;

/** What a recording holds, for assertions about it. */
final class Recordings {

    private Recordings() {}

    /** The final result of the first transaction with this command line. */
    static String result(Trace trace, String command) {
        for (Transaction t : Recording.of(trace, OriginReplays.REGISTRY).transactions()) {
            if (t.command().text().equals(command)) {
                return t.resultText();
            }
        }
        throw new AssertionError(command + " is not in the recording");
    }
}
