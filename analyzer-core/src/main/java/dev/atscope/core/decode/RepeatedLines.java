package dev.atscope.core.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * <p>A table of {@value #SLOTS} slots, two for each value of the bytes' hash, a newer line taking
 * the place of the older of the two: bounded whatever the trace, and the result of a lookup is
 * always what a fresh reading of the bytes gives. One per decoder; not thread-safe.
 */
final class RepeatedLines {

    /** Slots of the table; a power of two. */
    private static final int SLOTS = 1024;
    /** Lines longer than this are read afresh each time: long lines (URLs, bodies) rarely repeat. */
    private static final int MAX_LENGTH = 128;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];
    /** The commands of a command line in the slot, or null when the line has not been read as one. */
    private final List<?>[] commands = new List<?>[SLOTS];

    /** The slot of the line read last, or -1 for a long line. */
    private int current = -1;
    /** The text of the long line read last. */
    private String longText;

    /** Reads the line {@code b[from, to)}: {@link #text()} and {@link #commands()} are then its own. */
    RepeatedLines read(byte[] b, int from, int to) {
        if (to - from > MAX_LENGTH) {
            current = -1;
            longText = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        } else {
            current = slot(b, from, to);
            longText = null;
        }
        return this;
    }

    /** The text of the line read last, one char per byte. */
    String text() {
        return current < 0 ? longText : texts[current];
    }

    /** The commands of the line read last, a command line from its {@code AT}, as {@link CommandLineParser#parse} gives them; unmodifiable. */
    List<AtCommand> commands() {
        if (current < 0) {
            return List.copyOf(CommandLineParser.parse(longText));
        }
        @SuppressWarnings("unchecked")
        List<AtCommand> c = (List<AtCommand>) commands[current];
        if (c == null) {
            c = List.copyOf(CommandLineParser.parse(texts[current]));
            commands[current] = c;
        }
        return c;
    }

    /**
     * A hash of {@code b[from, to)} from its length and its first and last eight bytes: cheap, and
     * lines that share those are told apart by comparing their bytes.
     */
    private static int hash(byte[] b, int from, int to) {
        int n = to - from;
        long h;
        if (n >= 8) {
            h = (long) LONGS.get(b, from) * 31 + (long) LONGS.get(b, to - 8);
        } else {
            h = 0;
            for (int i = from; i < to; i++) {
                h = h << 8 | (b[i] & 0xff);
            }
        }
        h = (h + n) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /**
     * The slot that holds {@code b[from, to)}, filled with it if neither slot of its pair held it:
     * two slots a hash, so that two lines a trace alternates between do not keep taking each
     * other's place.
     */
    private int slot(byte[] b, int from, int to) {
        int first = hash(b, from, to) & (SLOTS - 2);
        for (int slot = first; slot < first + 2; slot++) {
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
                return slot;
            }
        }
        // the newest first, the one before it second
        keys[first + 1] = keys[first];
        texts[first + 1] = texts[first];
        commands[first + 1] = commands[first];
        keys[first] = Arrays.copyOfRange(b, from, to);
        texts[first] = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        commands[first] = null;
        return first;
    }
}
