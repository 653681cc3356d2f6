package dev.atscope.capture;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

/**
 * A module's serial port shared over TCP, as ser2net does, so that a tool on another machine can
 * drive the module while the traffic is recorded: what a TCP client sends is written to the port
 * and recorded as H>M, what the module sends is recorded as M>H and passed to the client. One
 * client at a time; another one is turned away (and noted in the trace) while the first is
 * connected. What the module sends while no client is connected is recorded all the same.
 */
public final class TcpBridge implements Closeable {

    private final CaptureSession session;
    private final ServerSocket server;
    private final CapturedPort port;
    private final Forwarder toModule;
    private volatile Client client;
    private volatile boolean closed;

    private TcpBridge(CaptureSession session, ServerSocket server, CapturedPort port) {
        this.session = session;
        this.server = server;
        this.port = port;
        this.toModule = new Forwarder(port::write, "atscope-forward-to-module");
    }

    /**
     * Opens the port, listens on {@code listen} and starts recording into {@code file}.
     *
     * @throws IOException when the port cannot be opened or the address cannot be listened on
     */
    public static TcpBridge start(PortSpec module, InetSocketAddress listen, Path file, CaptureOptions options)
            throws IOException {
        TraceMetadata metadata = new TraceMetadata("atscope capture, TCP bridge", "tcp:" + listen.getHostString()
                + ":" + listen.getPort(), module.path(), module.settings().baud(), null, false, null);
        CaptureSession session = CaptureSession.record(file, metadata, options);
        TcpBridge bridge;
        try {
            CapturedPort port = session.add(CapturedPort.open("module port", module, Direction.MODULE_TO_HOST,
                    session.recorder(), options));
            ServerSocket server = new ServerSocket();
            try {
                server.bind(listen);
            } catch (IOException e) {
                server.close();
                throw new IOException("cannot listen on tcp:" + listen.getHostString() + ":" + listen.getPort() + ": "
                        + e.getMessage(), e);
            }
            bridge = new TcpBridge(session, server, port);
            session.add(bridge);
        } catch (IOException e) {
            throw session.abandon(e);
        }
        bridge.port.start(bridge::fromModule, session::fail);
        Thread accept = new Thread(bridge::acceptClients, "atscope-bridge-accept");
        accept.setDaemon(true);
        accept.start();
        return bridge;
    }

    /**
     * Parses {@code tcp:HOST:PORT}, {@code HOST:PORT} or {@code PORT}; the host defaults to
     * 127.0.0.1, so that nothing is reachable from other machines unless asked for.
     */
    public static InetSocketAddress parseListen(String spec) {
        String s = spec.startsWith("tcp:") ? spec.substring(4) : spec;
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : s.substring(0, colon);
        String portText = colon < 0 ? s : s.substring(colon + 1);
        int p;
        try {
            p = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("bad listen address '" + spec
                    + "'; expected tcp:HOST:PORT, HOST:PORT or PORT, such as tcp:127.0.0.1:5000");
        }
        return new InetSocketAddress(host, p);
    }

    /** The running capture: its summary, its end. */
    public CaptureSession session() {
        return session;
    }

    /** Where clients connect (with the port the system chose when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void fromModule(byte[] buf, int len, long arrival) throws IOException {
        session.recorder().chunk(Direction.MODULE_TO_HOST, buf, 0, len, arrival);
        Client c = client;
        if (c != null) {
            c.toClient.send(buf, len);
        }
    }

    private void acceptClients() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // the server socket was closed
            }
            try {
                String who = "tcp:" + s.getInetAddress().getHostAddress() + ":" + s.getPort();
                if (client != null) {
                    session.recorder().marker(null, Marker.Kind.NOTE, "refused client " + who
                            + ": another client is connected");
                    s.close();
                    continue;
                }
                s.setTcpNoDelay(true); // AT traffic is small and interactive
                Client c = new Client(s, who);
                client = c;
                session.recorder().marker(null, Marker.Kind.NOTE, "client " + who + " connected");
                c.start();
            } catch (IOException e) {
                closeQuietly(s);
                if (!closed) {
                    session.fail(e);
                }
                return;
            }
        }
    }

    /** Stops listening and disconnects the client; the session closes the port and the trace. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        toModule.close();
        Client c = client;
        if (c != null) {
            c.end();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
    }

    /** One connected client and the thread that reads it. */
    private final class Client {
        final Socket socket;
        final String who;
        final Forwarder toClient;

        Client(Socket socket, String who) throws IOException {
            this.socket = socket;
            this.who = who;
            OutputStream out = socket.getOutputStream();
            this.toClient = new Forwarder((b, off, len) -> {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    // the client went away: its reader records that
                }
            }, "atscope-forward-to-client");
        }

        void start() {
            Thread t = new Thread(this::read, "atscope-bridge-client");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            byte[] buf = new byte[8192];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long arrival = session.recorder().nowMicros();
                    session.recorder().chunk(Direction.HOST_TO_MODULE, buf, 0, n, arrival);
                    toModule.send(buf, n);
                }
            } catch (IOException e) {
                // a reset connection ends the client like a clean close
            }
            if (!closed) {
                try {
                    // noted before the client is let go, so that a next client's arrival comes after it
                    session.recorder().marker(null, Marker.Kind.NOTE, "client " + who + " disconnected");
                } catch (IOException e) {
                    session.fail(e);
                }
            }
            end();
        }

        void end() {
            toClient.close();
            closeQuietly(socket);
            synchronized (TcpBridge.this) {
                if (client == this) {
                    client = null;
                }
            }
        }
    }

}
