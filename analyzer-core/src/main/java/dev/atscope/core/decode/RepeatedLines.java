package dev.atscope.core.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The short lines a trace has shown recently, each with its text and, for a command line, its
 * commands: a trace polls the same commands and gets the same answers over and over ({@code
 * AT+CSQ}, {@code OK}), and a line seen before is handed out as the same {@link String} and the
 * same {@link AtCommand}s. What is derived from a command ({@link AtCommand#derived}) and a text's
 * hash is then made once for all its repetitions instead of once per transaction.
 *
 * <p>A table of {@value #SLOTS} slots indexed by the bytes' hash, a newer line taking the slot of
 * an older one: bounded whatever the trace, and the result of a lookup is always what a fresh
 * reading of the bytes gives. One per decoder; not thread-safe.
 */
final class RepeatedLines {

    /** Slots of the table; a power of two. */
    private static final int SLOTS = 1024;
    /** Lines longer than this are read afresh each time: long lines (URLs, bodies) rarely repeat. */
    private static final int MAX_LENGTH = 128;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];
    /** The commands of a command line in the slot, or null when the line has not been read as one. */
    private final List<?>[] commands = new List<?>[SLOTS];

    /** The text of {@code b[from, to)}, one char per byte. */
    String text(byte[] b, int from, int to) {
        if (to - from > MAX_LENGTH) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return texts[slot(b, from, to)];
    }

    /** The commands of the command line {@code b[from, to)} (from its {@code AT}), as {@link CommandLineParser#parse} gives them; unmodifiable. */
    List<AtCommand> commands(byte[] b, int from, int to) {
        if (to - from > MAX_LENGTH) {
            return List.copyOf(CommandLineParser.parse(new String(b, from, to - from, StandardCharsets.ISO_8859_1)));
        }
        int slot = slot(b, from, to);
        @SuppressWarnings("unchecked")
        List<AtCommand> c = (List<AtCommand>) commands[slot];
        if (c == null) {
            c = List.copyOf(CommandLineParser.parse(texts[slot]));
            commands[slot] = c;
        }
        return c;
    }

    /** The slot that holds {@code b[from, to)}, filled with it if it held another line. */
    private int slot(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key == null || !Arrays.equals(key, 0, key.length, b, from, to)) {
            keys[slot] = Arrays.copyOfRange(b, from, to);
            texts[slot] = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            commands[slot] = null;
        }
        return slot;
    }
}
