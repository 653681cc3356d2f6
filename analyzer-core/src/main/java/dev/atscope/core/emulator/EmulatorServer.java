package dev.atscope.core.emulator;

import dev.atscope.core.link.TcpLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves emulated modules over TCP: every connection gets a module of its own, booted when the
 * connection opens, so one process stands in for many modems. Listens on 127.0.0.1 unless told
 * otherwise. NVRAM lives as long as the connection: a new connection is a new module.
 */
public final class EmulatorServer implements Closeable {

    private final ServerSocket server;
    private final EmulatorConfig config;
    private final ProtocolRegistry registry;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean closed;

    private EmulatorServer(ServerSocket server, EmulatorConfig config, ProtocolRegistry registry) {
        this.server = server;
        this.config = config;
        this.registry = registry;
        this.acceptor = new Thread(this::accept, "atscope-emulator-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts listening.
     *
     * @param host the address to listen on ({@code 127.0.0.1})
     * @param port the port, or 0 for any free one
     */
    public static EmulatorServer start(String host, int port, EmulatorConfig config, ProtocolRegistry registry)
            throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on tcp:" + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmulatorServer(s, config, registry);
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    config.log().accept("emulator: accept failed: " + e.getMessage());
                }
                return;
            }
            int n = served.incrementAndGet();
            String name = "modem-" + n;
            open.add(socket);
            Thread t = new Thread(() -> serve(socket, name), "atscope-" + name);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket, String name) {
        String peer = socket.getRemoteSocketAddress().toString();
        config.log().accept(name + ": connected from " + peer);
        try (TcpLink link = new TcpLink(socket)) {
            new EmulatedModule(config, registry, name).serve(link);
        } catch (IOException e) {
            config.log().accept(name + ": " + e.getMessage());
        } finally {
            open.remove(socket);
            config.log().accept(name + ": disconnected");
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Where it listens, as {@code tcp:127.0.0.1:PORT}. */
    public String describe() {
        return "tcp:" + server.getInetAddress().getHostAddress() + ":" + port();
    }

    /** Connections open now. */
    public int sessions() {
        return open.size();
    }

    /** Connections accepted since the start. */
    public int served() {
        return served.get();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
