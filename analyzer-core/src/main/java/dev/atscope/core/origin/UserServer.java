package dev.atscope.core.origin;

import dev.atscope.core.emulator.Network;
import dev.atscope.core.replay.ReplayNote;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * A server of the user's in place of every server the recording contacted (a staging server on this
 * machine, say): each request goes to its address and port, while the recording's host name stays
 * the TLS server name and the {@code Host} header, and the request's path is the recorded one.
 */
public final class UserServer implements Network {

    private final URI url;
    private final InetSocketAddress address;

    private UserServer(URI url, InetSocketAddress address) {
        this.url = url;
        this.address = address;
    }

    /**
     * The server at a URL ({@code https://127.0.0.1:8443}); its host is looked up once, here.
     *
     * @throws IllegalArgumentException when it is not an http or https URL with a host that resolves
     */
    public static UserServer at(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("expected http://HOST[:PORT] or https://HOST[:PORT]");
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            return new UserServer(u, new InetSocketAddress(InetAddress.getByName(u.getHost()), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(u.getHost() + " does not resolve", e);
        }
    }

    /** What the replay's notes say of it. */
    public List<ReplayNote> notes() {
        return List.of(new ReplayNote(0, ReplayNote.Kind.ASSUMED, "every request goes to " + url + " ("
                + address.getAddress().getHostAddress() + ":" + address.getPort() + "); the recorded host name stays"
                + " the TLS server name and the Host header"));
    }

    @Override
    public Route route(Request request) {
        return new Connect(address, List.of(), List.of(), "to the user's server " + url);
    }
}
