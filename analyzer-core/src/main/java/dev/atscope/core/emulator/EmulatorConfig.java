package dev.atscope.core.emulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How an emulated module is set up.
 *
 * @param localIp the address AT+QILOCIP answers and that the module's HTTP connections leave from
 * @param hosts the module's DNS: names (lower case) and the IP addresses they resolve to
 * @param systemDns whether names not in {@code hosts} are looked up with the system's resolver (off:
 *     they fail with {@code +CME ERROR: 3813}, so nothing leaves the machine by accident)
 * @param timing how fast the module answers
 * @param faults what it does wrong on purpose
 * @param cmeeAtBoot the AT+CMEE mode after a restart (1, numeric codes: the note shows {@code +CME
 *     ERROR: <err>}; the factory default of real modules is not documented in the note)
 * @param rtc the module's real-time clock, against which certificate validity is checked
 * @param log receives one line per notable thing the module did (a request, a handshake failure and its reason)
 * @param network where the module's requests go; null for the {@link LocalNetwork} of {@code hosts} and
 *     {@code systemDns}
 */
public record EmulatorConfig(String localIp, Map<String, String> hosts, boolean systemDns, ModulePace timing,
        FaultProfile faults, int cmeeAtBoot, Clock rtc, Consumer<String> log, Network network) {

    public EmulatorConfig {
        Map<String, String> h = new LinkedHashMap<>();
        hosts.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        hosts = java.util.Collections.unmodifiableMap(h);
        if (cmeeAtBoot < 0 || cmeeAtBoot > 2) {
            throw new IllegalArgumentException("cmeeAtBoot is 0, 1 or 2");
        }
    }

    /** On 127.0.0.1, no names known, realistic timing, no faults, the system clock, no log. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig("127.0.0.1", Map.of(), false, ModulePace.REALISTIC, FaultProfile.NONE, 1,
                Clock.systemUTC(), line -> { }, null);
    }

    /** The same with a name resolving to an address. */
    public EmulatorConfig withHost(String name, String ip) {
        Map<String, String> h = new LinkedHashMap<>(hosts);
        h.put(name, ip);
        return new EmulatorConfig(localIp, h, systemDns, timing, faults, cmeeAtBoot, rtc, log, network);
    }

    /** The same with the system's resolver for names not in {@code hosts}. */
    public EmulatorConfig withSystemDns(boolean on) {
        return new EmulatorConfig(localIp, hosts, on, timing, faults, cmeeAtBoot, rtc, log, network);
    }

    /** The same with other timing. */
    public EmulatorConfig withTiming(ModulePace t) {
        return new EmulatorConfig(localIp, hosts, systemDns, t, faults, cmeeAtBoot, rtc, log, network);
    }

    /** The same with a fault profile. */
    public EmulatorConfig withFaults(FaultProfile f) {
        return new EmulatorConfig(localIp, hosts, systemDns, timing, f, cmeeAtBoot, rtc, log, network);
    }

    /** The same with another clock. */
    public EmulatorConfig withRtc(Clock c) {
        return new EmulatorConfig(localIp, hosts, systemDns, timing, faults, cmeeAtBoot, c, log, network);
    }

    /** The same with a log. */
    public EmulatorConfig withLog(Consumer<String> l) {
        return new EmulatorConfig(localIp, hosts, systemDns, timing, faults, cmeeAtBoot, rtc, l, network);
    }

    /** The same with another network beyond the module (the hosts and system DNS settings then no longer apply). */
    public EmulatorConfig withNetwork(Network n) {
        return new EmulatorConfig(localIp, hosts, systemDns, timing, faults, cmeeAtBoot, rtc, log, n);
    }

    /** The network the module's requests go through. */
    public Network effectiveNetwork() {
        return network != null ? network : new LocalNetwork(hosts, systemDns);
    }

    /** The same with another local address. */
    public EmulatorConfig withLocalIp(String ip) {
        return new EmulatorConfig(ip, hosts, systemDns, timing, faults, cmeeAtBoot, rtc, log, network);
    }
}
