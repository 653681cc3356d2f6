package dev.atscope.capture;

/**
 * A serial port and its line settings, written {@code PATH[@SETTINGS]}: {@code /dev/ttyUSB0},
 * {@code /dev/ttyUSB0@115200,8N1,rtscts}, {@code COM3@9600}.
 *
 * @param path the device path (any path, pseudo-terminals included) or a system port name
 * @param settings the line settings
 */
public record PortSpec(String path, SerialSettings settings) {

    public PortSpec {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty port path; expected PATH[@BAUD,FRAME,FLOW] such as"
                    + " /dev/ttyUSB0@115200,8N1");
        }
        if (settings == null) {
            throw new IllegalArgumentException("no line settings for " + path);
        }
    }

    /**
     * Parses {@code PATH[@SETTINGS]}; without settings, {@code defaults} apply.
     *
     * @throws IllegalArgumentException naming the port and what was expected
     */
    public static PortSpec parse(String spec, SerialSettings defaults) {
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            return new PortSpec(spec, defaults);
        }
        String path = spec.substring(0, at);
        try {
            return new PortSpec(path, SerialSettings.parse(spec.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("port " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path + "@" + settings;
    }
}
