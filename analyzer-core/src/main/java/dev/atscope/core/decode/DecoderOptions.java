package dev.atscope.core.decode;

/**
 * Limits and thresholds of the decoder.
 *
 * @param bodyQuietMicros after a final result inside a module-sent body ({@code AT+QHTTPREAD}),
 *     module bytes that follow within this time continue the body (it held an {@code OK} line);
 *     later ones, host activity or the end of input confirm the final result
 * @param maxLineBytes a line longer than this is cut and kept as noise, so that garbage without
 *     line ends cannot grow the buffer without bound
 * @param maxPayloadBytes payload bytes kept in an event beyond this are counted, not kept, and the
 *     event is flagged
 */
public record DecoderOptions(long bodyQuietMicros, int maxLineBytes, int maxPayloadBytes) {

    /** 100 ms quiet, 4 KiB lines, 1 MiB payloads. */
    public static final DecoderOptions DEFAULTS = new DecoderOptions(100_000, 4096, 1 << 20);

    public DecoderOptions {
        if (bodyQuietMicros < 0 || maxLineBytes < 16 || maxPayloadBytes < 0) {
            throw new IllegalArgumentException("bad decoder options");
        }
    }
}
