package dev.atscope.core.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The network of an emulator on a bench: names resolve through a table of the user's ({@code
 * --resolve NAME=IP}) and, when asked, the system's resolver; without that permission only
 * addresses on this machine (127.0.0.0/8) are reached, so nothing leaves it by accident.
 *
 * @param hosts names (lower case) and the IP addresses they resolve to
 * @param systemDns whether other names are looked up with the system's resolver and other machines reached
 */
public record LocalNetwork(Map<String, String> hosts, boolean systemDns) implements Network {

    public LocalNetwork {
        hosts = Map.copyOf(hosts);
    }

    @Override
    public Route route(Request request) {
        String host = request.uri().getHost();
        String address = resolve(host);
        if (address == null) {
            return new Fail(ErrorSituation.NAME_NOT_RESOLVED, "DNS: cannot resolve " + host);
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return new Fail(ErrorSituation.NAME_NOT_RESOLVED, "DNS: " + host + " maps to " + address
                    + ", which is not an address");
        }
        if (!systemDns && !ip.isLoopbackAddress()) {
            // the bench stays on this machine: an address of the field (the note's 220.180.239.201, a
            // recorded server) is only reached when the user asks for the network; map it with a host entry
            return new Fail(ErrorSituation.CONNECT_FAILED, address + " is not on this machine; the emulator"
                    + " reaches only 127.0.0.0/8 unless asked to use the network (--system-dns), or the host is mapped"
                    + " (--resolve " + host + "=127.0.0.1)");
        }
        return Connect.to(new InetSocketAddress(ip, request.port()));
    }

    private String resolve(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        String mapped = hosts.get(h);
        if (mapped != null) {
            return mapped;
        }
        if (h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || h.startsWith("[")) {
            return h;
        }
        if (systemDns) {
            try {
                return InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
