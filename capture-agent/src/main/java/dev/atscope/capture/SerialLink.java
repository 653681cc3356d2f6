package dev.atscope.capture;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.atscope.core.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A serial port as a {@link Link}, through jSerialComm: a USB-UART adapter, an on-board UART or a
 * pseudo-terminal, opened by path. Reads block until at least one byte is there and return what
 * has arrived, so chunks are as small and as early as the driver delivers them; writes block until
 * every byte is handed to the driver.
 *
 * <p>A port that vanishes (an adapter unplugged, the far end of a pseudo-terminal gone) makes a
 * blocked read throw {@link PortLostException}; closing the link instead makes it return -1.
 */
public final class SerialLink implements Link {

    /** The driver's line-condition events that are recorded as line errors. */
    private static final int LINE_EVENTS = SerialPort.LISTENING_EVENT_FRAMING_ERROR
            | SerialPort.LISTENING_EVENT_PARITY_ERROR
            | SerialPort.LISTENING_EVENT_FIRMWARE_OVERRUN_ERROR
            | SerialPort.LISTENING_EVENT_SOFTWARE_OVERRUN_ERROR
            | SerialPort.LISTENING_EVENT_BREAK_INTERRUPT;

    private final SerialPort port;
    private final String path;
    private final SerialSettings settings;
    private final InputStream in = new PortInput();
    private final OutputStream out = new PortOutput();
    private volatile boolean closed;
    private volatile Consumer<String> lineErrors = e -> { };
    private boolean listening;

    private SerialLink(SerialPort port, String path, SerialSettings settings) {
        this.port = port;
        this.path = path;
        this.settings = settings;
    }

    /**
     * Opens a port by its path or system name with the given line settings.
     *
     * @throws IOException naming the port and why it could not be opened
     */
    public static SerialLink open(String path, SerialSettings settings) throws IOException {
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new IOException("cannot open serial port " + path + ": no such device (expected the path of a"
                    + " serial port such as /dev/ttyUSB0, or of a pseudo-terminal; 'atscope ports' lists the adapters)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("cannot open serial port " + path + ": not a port name (" + e.getMessage()
                    + "); expected a path such as /dev/ttyUSB0 or a name such as COM3", e);
        } catch (LinkageError e) {
            throw nativeLibraryFailure(e);
        }
        try {
            port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                    parity(settings.parity()));
            port.setFlowControl(flowControl(settings.flowControl()));
            // semi-blocking with no timeout: a read returns as soon as anything has arrived. Writes
            // still block until the driver took the bytes; jSerialComm's write-blocking mode would
            // also wait until they left the driver (tcdrain), tying each write to the far side's reads
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
            if (!port.openPort()) {
                throw new IOException("cannot open serial port " + path + ": " + reason(port.getLastErrorCode()));
            }
        } catch (LinkageError e) {
            throw nativeLibraryFailure(e);
        }
        return new SerialLink(port, path, settings);
    }

    /**
     * Runs {@code hook} when the JVM shuts down (Ctrl-C, SIGTERM), before jSerialComm's own
     * shutdown closes every port under the readers' feet: a capture stopped from such a hook ends
     * its reads as a close, not as ports that vanished.
     */
    public static void beforeShutdown(Thread hook) {
        SerialPort.addShutdownHook(hook);
    }

    /** Opens the port of a spec. */
    public static SerialLink open(PortSpec spec) throws IOException {
        return open(spec.path(), spec.settings());
    }

    /** The path or name the port was opened by. */
    public String path() {
        return path;
    }

    /** The line settings it was opened with. */
    public SerialSettings settings() {
        return settings;
    }

    /**
     * Sets who hears of line errors the driver reports (framing, parity, overrun, break), each as a
     * short text; called on jSerialComm's event thread.
     */
    public synchronized void onLineError(Consumer<String> listener) {
        this.lineErrors = listener == null ? e -> { } : listener;
        if (!listening && !closed) {
            // line conditions come only as listener events. Attached only when asked for: with a
            // listener, closePort() takes about 300 ms to stop jSerialComm's event thread (and
            // removeDataListener() about 500 ms), without one it is instant
            listening = port.addDataListener(new LineEvents());
        }
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public String describe() {
        return "serial:" + path + "@" + settings;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }

    /** The message for a native library that did not load: where jSerialComm put it and how to move it. */
    static IOException nativeLibraryFailure(LinkageError e) {
        return new IOException("cannot load jSerialComm's native library, which it unpacks under java.io.tmpdir ("
                + System.getProperty("java.io.tmpdir") + "/jSerialComm): make that folder writable, or start Java"
                + " with -Djava.io.tmpdir=DIR or -DjSerialComm.library.path=DIR (" + e + ")", e);
    }

    private static String reason(int errno) {
        return switch (errno) {
            case 2 -> "no such device (errno 2)";
            case 13 -> "permission denied (errno 13; on Linux, join the group that owns the device, usually"
                    + " dialout)";
            case 16 -> "busy: another program has it open (errno 16)";
            default -> "the driver refused it (errno " + errno + ")";
        };
    }

    static String lineErrorText(int eventType) {
        StringBuilder sb = new StringBuilder();
        if ((eventType & SerialPort.LISTENING_EVENT_FRAMING_ERROR) != 0) {
            sb.append(", framing error");
        }
        if ((eventType & SerialPort.LISTENING_EVENT_PARITY_ERROR) != 0) {
            sb.append(", parity error");
        }
        if ((eventType & SerialPort.LISTENING_EVENT_FIRMWARE_OVERRUN_ERROR) != 0) {
            sb.append(", overrun in the adapter");
        }
        if ((eventType & SerialPort.LISTENING_EVENT_SOFTWARE_OVERRUN_ERROR) != 0) {
            sb.append(", overrun in the driver's buffer");
        }
        if ((eventType & SerialPort.LISTENING_EVENT_BREAK_INTERRUPT) != 0) {
            sb.append(", break");
        }
        return sb.length() == 0 ? "line event " + eventType : sb.substring(2);
    }

    private static int stopBits(SerialSettings.StopBits b) {
        return switch (b) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_AND_HALF -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings.Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flowControl(SerialSettings.FlowControl f) {
        return switch (f) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTSCTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XONXOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }

    /** Reads that block until something arrives. */
    private final class PortInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (closed) {
                    return -1;
                }
                int n = port.readBytes(b, len, off);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    // closed here, or by jSerialComm's own shutdown hook on Ctrl-C; a vanished
                    // device leaves the port open with a failing read
                    if (closed || !port.isOpen()) {
                        return -1;
                    }
                    throw new PortLostException(path, port.getLastErrorCode());
                }
            }
        }

        @Override
        public int available() {
            int n = port.bytesAvailable();
            return Math.max(0, n);
        }

        @Override
        public void close() {
            SerialLink.this.close();
        }
    }

    /** Writes that block until the driver has taken every byte. */
    private final class PortOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                if (closed) {
                    throw new IOException(path + ": the port is closed");
                }
                int n = port.writeBytes(b, len - done, off + done);
                if (n < 0 || (n == 0 && !port.isOpen())) {
                    throw new PortLostException(path, port.getLastErrorCode());
                }
                done += n;
            }
        }

        @Override
        public void close() {
            SerialLink.this.close();
        }
    }

    /** Hands the driver's line conditions to the current listener. */
    private final class LineEvents implements SerialPortDataListener {
        @Override
        public int getListeningEvents() {
            return LINE_EVENTS;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            lineErrors.accept(lineErrorText(event.getEventType()));
        }
    }
}
