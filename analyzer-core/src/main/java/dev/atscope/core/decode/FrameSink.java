package dev.atscope.core.decode;

/**
 * What a {@link Framer} hands out as it frames one direction's bytes, and the few questions it asks
 * about the transaction in flight. The {@link TransactionAssembler} is the one implementation: it
 * pairs the frames into transactions and switches the framers into data mode.
 */
interface FrameSink {

    /** A whole line, {@code framer.bytes()[from, to)}, whose span (framing included) is [spanStart, spanEnd). */
    void line(Framer framer, long spanStart, int from, int to, long spanEnd);

    /** The host's {@code A/}: repeat the last command line. */
    void repeat(Framer framer, long spanStart, int from, int to, long spanEnd);

    /** An event that belongs to no transaction (noise, a cut line). */
    void emit(Event event);

    /** The host's upload, complete or ended early. */
    void uploaded(Event payload);

    /** Whether the command in flight waits for the module's {@code >} prompt now. */
    boolean promptAwaited();

    /** The module's {@code >} prompt; returns the command it prompts for. */
    PendingCommand prompted(Event prompt);

    /** The host's data after the prompt follows; the module's echo of it is matched against {@code echo}. */
    void promptDataFollows(PendingCommand owner, PromptEcho echo);

    /** The module's echo of the data sent after a prompt. */
    void echoed(PendingCommand owner, Event echo);

    /** The module's body, whole or the part the limits keep. */
    void body(PendingCommand owner, Event body);

    /** The final result that ended a body, confirmed. */
    void bodyEnded(PendingCommand owner, Event result);

    /** The input ended inside a body: its command got no final result. */
    void bodyCutShort(PendingCommand owner);

    /** The bytes of a line that never ended, at the end of the input. */
    void halfLineAtEnd(Framer framer, long spanStart, int from, int to, long spanEnd);
}
