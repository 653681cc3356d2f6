package dev.atscope.core.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The module's HTTP client: a real HTTP/1.1 request over a JDK socket, with a real TLS handshake
 * (JSSE) for https that offers only what the SSL context allows. It connects to an address the
 * module resolved itself (the emulator's resolver), so a name can point at 127.0.0.1 while the
 * TLS server name and the {@code Host} header keep the name.
 *
 * <p>What it does not do: check the server's name against its certificate (the note does not say
 * the module does), follow redirects, or keep connections open.
 */
final class ModuleHttpClient {

    private ModuleHttpClient() {}

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param body the body
     * @param tls the negotiated protocol and suite, or empty for http
     */
    record Response(int status, byte[] body, String tls) {}

    /** A failed request with the situation whose +CME ERROR code the module answers, and the reason, for the log. */
    static final class Failure extends Exception {
        final ErrorSituation situation;

        Failure(ErrorSituation situation, String reason, Throwable cause) {
            super(reason, cause);
            this.situation = situation;
        }
    }

    /**
     * Sends one request and reads the whole response.
     *
     * @param route where the network sends it
     * @param network opens the connection and names the trust anchors
     * @param localIp the address the connection leaves from
     * @param tls the SSL context's settings for https, null for http
     * @param abortHandshake the fault "TLS handshake failure": the connection is dropped where the handshake would start
     * @param maxBody the most of the body the module keeps (the grammar's {@code httpResponseBytes}); the rest is cut
     */
    static Response request(String method, URI uri, byte[] body, Network.Connect route, Network network,
            String localIp, TlsSettings tls, Duration timeout, boolean abortHandshake, int maxBody) throws Failure {
        boolean https = tls != null;
        InetSocketAddress to = route.to();
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket plain;
        try {
            plain = network.connect(to, InetAddress.getByName(localIp), timeoutMs);
            plain.setSoTimeout(timeoutMs);
            plain.setTcpNoDelay(true);
        } catch (IOException e) {
            throw new Failure(ErrorSituation.CONNECT_FAILED, "cannot connect to " + to.getHostString() + ":" + to.getPort()
                    + ": " + e, e);
        }
        try {
            Socket s = plain;
            String tlsInfo = "";
            if (https) {
                SSLSocket ssl = handshake(plain, uri.getHost(), to.getPort(), tls, route, network, abortHandshake);
                tlsInfo = ssl.getSession().getProtocol() + " " + ssl.getSession().getCipherSuite()
                        + (ssl.getSession().getLocalCertificates() == null ? "" : ", client certificate sent");
                s = ssl;
            }
            try (Socket open = s) {
                send(open.getOutputStream(), method, uri, body);
                return read(open.getInputStream(), tlsInfo, maxBody);
            } catch (SocketTimeoutException e) {
                throw new Failure(ErrorSituation.RESPONSE_TIMEOUT, "no response within " + timeoutMs + " ms", e);
            }
        } catch (IOException e) {
            throw new Failure(ErrorSituation.READ_FAILED, "reading the response: " + e, e);
        } finally {
            try {
                plain.close();
            } catch (IOException e) {
                // closing a socket that failed: nothing to do
            }
        }
    }

    /**
     * @param fail the fault "TLS handshake failure": a real handshake that the module breaks off
     *     when the server's certificate arrives, so the wire shows a real ClientHello and alert
     */
    private static SSLSocket handshake(Socket plain, String host, int port, TlsSettings tls, Network.Connect route,
            Network network, boolean fail) throws Failure {
        List<String> protocols = route.protocols().isEmpty() ? tls.version().jdkProtocols : route.protocols();
        List<String> suites = new ArrayList<>();
        // a failed handshake answers as a failed connection: the M-series has no TLS code (3815's note)
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(tls), new TrustManager[] {fail ? ServerTrust.failing() : ServerTrust.of(tls, network)},
                    null);
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
            Set<String> supported = new HashSet<>(Arrays.asList(ssl.getSupportedCipherSuites()));
            for (String n : route.suites().isEmpty() ? tls.suiteNames() : route.suites()) {
                if (supported.contains(n)) {
                    suites.add(n);
                }
            }
            if (suites.isEmpty()) {
                // the module would offer suites that this JDK does not implement: no server would accept
                throw new Failure(ErrorSituation.CONNECT_FAILED, "TLS handshake failed: this JDK implements none of the suites "
                        + CipherSuites.format(tls.suites()), null);
            }
            ssl.setEnabledCipherSuites(suites.toArray(String[]::new));
            ssl.setEnabledProtocols(protocols.toArray(String[]::new));
            ssl.startHandshake();
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new Failure(ErrorSituation.CONNECT_FAILED, "TLS handshake failed: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure(ErrorSituation.CONNECT_FAILED, "TLS handshake failed (" + protocols + ", " + suites + "): "
                    + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws GeneralSecurityException, IOException {
        if (tls.level() != SecurityLevel.SERVER_AND_CLIENT || tls.clientCertPem() == null
                || tls.clientKeyPem() == null) {
            return null;
        }
        List<X509Certificate> chain = PemDecoder.certificates(tls.clientCertPem());
        PrivateKey key = PemDecoder.privateKey(tls.clientKeyPem());
        if (chain.isEmpty()) {
            throw new IOException("the client certificate file holds no certificate");
        }
        char[] pass = "module".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, pass, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        return kmf.getKeyManagers();
    }

    private static void send(OutputStream out, String method, URI uri, byte[] body) throws Failure {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(uri.getPort() >= 0 ? ":" + uri.getPort() : "").append("\r\n");
        head.append("User-Agent: QUECTEL_MODULE\r\nAccept: */*\r\nConnection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            throw new Failure(ErrorSituation.WRITE_FAILED, "sending the request: " + e, e);
        }
    }

    private static Response read(InputStream in, String tlsInfo, int maxBody) throws IOException, Failure {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/")) {
            throw new Failure(ErrorSituation.ERROR_STATUS, "not an HTTP response: " + status, null);
        }
        String[] parts = status.split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new Failure(ErrorSituation.ERROR_STATUS, "bad status line: " + status, e);
        }
        long length = -1;
        boolean chunked = false;
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            String size;
            while ((size = line(in)) != null) {
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (n == 0) {
                    break;
                }
                copy(in, body, n, maxBody);
                line(in);
            }
        } else if (length >= 0) {
            copy(in, body, length, maxBody);
        } else {
            copy(in, body, Long.MAX_VALUE, maxBody);
        }
        return new Response(code, body.toByteArray(), tlsInfo);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long n, int maxBody) throws IOException {
        boolean toEnd = n == Long.MAX_VALUE;
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                if (toEnd) {
                    return;
                }
                throw new IOException("the body ended " + n + " bytes early");
            }
            if (out.size() < maxBody) {
                out.write(buf, 0, Math.min(r, maxBody - out.size()));
            }
            if (!toEnd) {
                n -= r;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > 16384) {
                throw new IOException("header line too long");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
