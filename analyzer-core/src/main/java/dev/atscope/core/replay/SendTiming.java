package dev.atscope.core.replay;

import java.util.Locale;

/**
 * When the replayed host sends each piece.
 *
 * @param mode the rule
 * @param factor for {@link Mode#SCALED}: the recorded gaps are multiplied by it (0.5 is twice as
 *     fast); 1 for the other modes
 */
public record SendTiming(Mode mode, double factor) {

    /** The timing rules of a replay. */
    public enum Mode {
        /** The recorded gaps between the host's pieces, waiting longer only where the module is slower. */
        ORIGINAL,
        /** The recorded gaps times a factor. */
        SCALED,
        /** Each command after the previous command's final result (or awaited URC) plus the recorded think time. */
        LOCKSTEP,
        /** Each command as soon as what it waits for has come: no think time. */
        FAST;

        /** The lower-case word used on the command line. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Lockstep, the default: faithful to the order of events, not to the clock. */
    public static final SendTiming LOCKSTEP = new SendTiming(Mode.LOCKSTEP, 1);
    /** The recorded gaps. */
    public static final SendTiming ORIGINAL = new SendTiming(Mode.ORIGINAL, 1);
    /** No think time. */
    public static final SendTiming FAST = new SendTiming(Mode.FAST, 1);

    public SendTiming {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the scale factor must be a positive number, not " + factor);
        }
        if (mode != Mode.SCALED && factor != 1) {
            throw new IllegalArgumentException("only scaled timing takes a factor");
        }
    }

    /** The recorded gaps times {@code factor}. */
    public static SendTiming scaled(double factor) {
        return new SendTiming(Mode.SCALED, factor);
    }

    /** Parses {@code original}, {@code lockstep}, {@code fast} or {@code scaled:FACTOR}; null when it is none. */
    public static SendTiming parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("scaled:")) {
            try {
                return scaled(Double.parseDouble(t.substring(7)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        for (Mode m : Mode.values()) {
            if (m != Mode.SCALED && m.word().equals(t)) {
                return new SendTiming(m, 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return mode == Mode.SCALED ? "scaled:" + factor : mode.word();
    }
}
