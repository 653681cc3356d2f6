package dev.atscope.cli;

import com.fazecast.jSerialComm.SerialPort;
import dev.atscope.core.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two pseudo-terminals joined by socat, as two USB-UART adapters joined by a null-modem cable, each
 * end opened through jSerialComm as atscope opens a serial port.
 */
final class PtyPair implements AutoCloseable {

    private final Process socat;
    final Path a;
    final Path b;

    PtyPair(Path dir) throws IOException, InterruptedException {
        a = dir.resolve("ttyA");
        b = dir.resolve("ttyB");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive()) {
                throw new IOException("socat ended: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(5);
        }
    }

    /** Opens one end at 115200 baud, 8N1. */
    static Link open(Path end) throws IOException {
        SerialPort port = SerialPort.getCommPort(end.toString());
        port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        // semi-blocking with a short time-out: a read returns what is there, or 0 now and then, so a
        // reader notices the port closing
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + end + ": error " + port.getLastErrorCode());
        }
        return new SerialPortLink(port, end);
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor();
    }

    /** A serial port as a link. */
    private static final class SerialPortLink implements Link {
        private final SerialPort port;
        private final InputStream in;
        private final OutputStream out;
        private final Path path;

        SerialPortLink(SerialPort port, Path path) {
            this.port = port;
            InputStream raw = port.getInputStreamWithSuppressedTimeoutExceptions();
            this.in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n <= 0 ? n : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = raw.read(b, off, len);
                    // jSerialComm answers -1 for a failed read too: the end only when the port is gone
                    return n < 0 && port.isOpen() && port.bytesAvailable() >= 0 ? 0 : n;
                }
            };
            this.out = port.getOutputStream();
            this.path = path;
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
            return "serial:" + path;
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
