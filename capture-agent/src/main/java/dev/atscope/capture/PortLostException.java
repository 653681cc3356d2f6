package dev.atscope.capture;

import java.io.IOException;

/** A serial port stopped working while open: the adapter was unplugged or the device went away. */
public final class PortLostException extends IOException {

    private final String path;

    /** For the port at {@code path}, with the driver's last error number. */
    public PortLostException(String path, int errno) {
        super("serial port " + path + " vanished" + (errno > 0 ? " (errno " + errno + ")" : ""));
        this.path = path;
    }

    /** The port that vanished. */
    public String path() {
        return path;
    }
}
