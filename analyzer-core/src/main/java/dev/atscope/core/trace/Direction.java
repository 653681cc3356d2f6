package dev.atscope.core.trace;

/** Which side of the UART sent a byte. */
public enum Direction {
    /** Sent by the host (MCU, PC) to the module: commands and upload payloads. */
    HOST_TO_MODULE("H>M"),
    /** Sent by the module to the host: echo, responses, result codes, URCs, download payloads. */
    MODULE_TO_HOST("M>H");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The short form used in trace files and tables: {@code H>M} or {@code M>H}. */
    public String code() {
        return code;
    }

    /** The other direction. */
    public Direction opposite() {
        return this == HOST_TO_MODULE ? MODULE_TO_HOST : HOST_TO_MODULE;
    }

    /** Parses the short form; returns null for anything else. */
    public static Direction fromCode(String code) {
        for (Direction d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        return null;
    }
}
