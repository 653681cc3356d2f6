package dev.atscope.capture;

import java.util.Locale;

/**
 * The line settings of a UART: speed, frame and flow control. Written and parsed in the short form
 * engineers use, {@code 115200,8N1,rtscts}: the baud rate, then data bits, parity letter and stop
 * bits, then the flow control; every part after the baud rate may be left out.
 *
 * @param baud bits per second
 * @param dataBits 5 to 8
 * @param parity the parity bit
 * @param stopBits the stop bits
 * @param flowControl how the sides hold each other back
 */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {

    /** 115200 baud, 8 data bits, no parity, 1 stop bit, no flow control: what the M-series modules start with. */
    public static final SerialSettings DEFAULT =
            new SerialSettings(115_200, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);

    private static final String EXPECTED = "expected BAUD[,FRAME][,FLOW] such as 115200,8N1,rtscts"
            + " (FRAME: data bits 5-8, parity N/E/O/M/S, stop bits 1/1.5/2; FLOW: none, rtscts, xonxoff)";

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
        if (parity == null || stopBits == null || flowControl == null) {
            throw new IllegalArgumentException("parity, stop bits and flow control are required");
        }
    }

    /** The parity bit. */
    public enum Parity {
        /** No parity bit. */
        NONE('N'),
        /** Odd parity. */
        ODD('O'),
        /** Even parity. */
        EVEN('E'),
        /** The parity bit is always 1. */
        MARK('M'),
        /** The parity bit is always 0. */
        SPACE('S');

        private final char letter;

        Parity(char letter) {
            this.letter = letter;
        }

        /** The letter of the short form: N, O, E, M or S. */
        public char letter() {
            return letter;
        }
    }

    /** The stop bits. */
    public enum StopBits {
        /** One stop bit. */
        ONE("1"),
        /** One and a half stop bits (5-bit frames). */
        ONE_AND_HALF("1.5"),
        /** Two stop bits. */
        TWO("2");

        private final String text;

        StopBits(String text) {
            this.text = text;
        }

        /** The short form: 1, 1.5 or 2. */
        public String text() {
            return text;
        }
    }

    /** How the two sides hold each other back. */
    public enum FlowControl {
        /** None: the module's default on the M-series. */
        NONE("none"),
        /** Hardware: RTS and CTS lines. */
        RTSCTS("rtscts"),
        /** Software: XON and XOFF characters in the stream (rarely used with binary payloads). */
        XONXOFF("xonxoff");

        private final String word;

        FlowControl(String word) {
            this.word = word;
        }

        /** The word of the short form. */
        public String word() {
            return word;
        }
    }

    /**
     * Parses the short form ({@code 115200}, {@code 9600,7E1}, {@code 115200,8N1,rtscts},
     * {@code 115200,rtscts}); parts left out keep their {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what was expected
     */
    public static SerialSettings parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty line settings; " + EXPECTED);
        }
        String[] parts = spec.trim().split(",", -1);
        int baud;
        try {
            baud = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad baud rate '" + parts[0] + "' in '" + spec + "'; " + EXPECTED);
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("bad baud rate '" + parts[0] + "' in '" + spec + "'; " + EXPECTED);
        }
        SerialSettings s = new SerialSettings(baud, DEFAULT.dataBits, DEFAULT.parity, DEFAULT.stopBits,
                DEFAULT.flowControl);
        boolean frameSeen = false;
        boolean flowSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            FlowControl flow = flow(p);
            if (flow != null && !flowSeen) {
                s = new SerialSettings(s.baud, s.dataBits, s.parity, s.stopBits, flow);
                flowSeen = true;
            } else if (!frameSeen && !flowSeen && p.matches("[5-8][NnOoEeMmSs](1|1\\.5|2)")) {
                s = new SerialSettings(s.baud, p.charAt(0) - '0', parity(p.charAt(1)), stopBits(p.substring(2)),
                        s.flowControl);
                frameSeen = true;
            } else {
                throw new IllegalArgumentException("bad line setting '" + p + "' in '" + spec + "'; " + EXPECTED);
            }
        }
        return s;
    }

    private static FlowControl flow(String word) {
        for (FlowControl f : FlowControl.values()) {
            if (f.word.equalsIgnoreCase(word)) {
                return f;
            }
        }
        return null;
    }

    private static Parity parity(char c) {
        char u = Character.toUpperCase(c);
        for (Parity p : Parity.values()) {
            if (p.letter == u) {
                return p;
            }
        }
        throw new IllegalArgumentException("bad parity " + c); // the pattern admits only the five letters
    }

    private static StopBits stopBits(String text) {
        for (StopBits b : StopBits.values()) {
            if (b.text.equals(text)) {
                return b;
            }
        }
        throw new IllegalArgumentException("bad stop bits " + text); // the pattern admits only these three
    }

    /** The short form, which {@link #parse(String)} reads back: {@code 115200,8N1,none}. */
    @Override
    public String toString() {
        return baud + "," + dataBits + parity.letter + stopBits.text + "," + flowControl.word.toLowerCase(Locale.ROOT);
    }
}
