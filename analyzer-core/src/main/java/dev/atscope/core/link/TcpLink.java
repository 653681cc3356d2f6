package dev.atscope.core.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A link over a TCP connection: a module behind a serial-to-TCP bridge, or the emulator's listener. */
public final class TcpLink implements Link {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String name;

    /** Wraps an open socket (one accepted by a listener, or connected). */
    public TcpLink(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true); // AT traffic is small and interactive: do not hold bytes back
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.name = "tcp:" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /**
     * Connects to {@code host:port}.
     *
     * @param timeoutMillis how long to try, 0 for the system's default
     */
    public static TcpLink connect(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new TcpLink(s);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to tcp:" + host + ":" + port + ": " + e.getMessage(), e);
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
        return name;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
