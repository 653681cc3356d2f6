package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.basic.NetworkState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An M-series module as the GSM HTTPS note's commands show it: the SSL contexts and shared SSL
 * settings ({@link GsmSslContexts}, 2.2.1), the certificate files written and read back (2.2.2,
 * 2.2.3), the PDP contexts of the TCP/IP stack ({@link GsmPdpContexts}, 1.2, 1.3.1), and the URL of
 * the HTTP requests. It builds on the 27.007 {@link NetworkState}. A restart forgets the settings and
 * the files of storages not kept at a restart (RAM); NVRAM files survive it. The emulated module
 * answers from this model, so what it holds is every setting the commands can read back.
 */
public final class GsmHttpsState implements ModuleState {

    /** Files remembered at most; a session uploads a handful, this only bounds a pathological trace. */
    static final int MAX_FILES = 1024;

    private final ProtocolRegistry registry;
    private final NetworkState network;
    private final GsmSslContexts ssl;
    private final GsmPdpContexts pdp;
    private final Set<String> written = new HashSet<>();
    private final Map<String, String> readChecksums = new LinkedHashMap<>();
    private boolean restartSeen;
    private String url;
    private boolean getDone;

    GsmHttpsState(ModuleStates states, ProtocolRegistry registry) {
        this.registry = registry;
        this.network = states.require(NetworkState.class, NetworkState::new);
        this.ssl = new GsmSslContexts(registry);
        this.pdp = new GsmPdpContexts(registry);
    }

    /** The 27.007 side of the module. */
    public NetworkState network() {
        return network;
    }

    /** What AT+QSSLCFG set: the SSL contexts and the shared settings. */
    public GsmSslContexts ssl() {
        return ssl;
    }

    /** The PDP contexts of the TCP/IP stack. */
    public GsmPdpContexts pdp() {
        return pdp;
    }

    /** The SSL context of that index, or null when nothing configured it. */
    public GsmSslContexts.SslContext context(String index) {
        return ssl.context(index);
    }

    /** Whether {@code AT+QSSLCFG="https",1} is in effect. */
    public boolean httpsEnabled() {
        return ssl.httpsEnabled();
    }

    /** The SSL context HTTPS uses: the one {@code "httpsctxi"} names, else 0 (3.3 configures 0 and never sets it). */
    public String httpsContext() {
        return ssl.httpsContext();
    }

    /** Whether a file (as {@link #fileKey} gives it) was written with AT+QSECWRITE and not deleted since. */
    public boolean written(String file) {
        return written.contains(file);
    }

    /** The checksum the last AT+QSECREAD of a file reported, or null. */
    public String readChecksum(String file) {
        return readChecksums.get(file);
    }

    /** Whether a PDP context is active (AT+QIACT worked and nothing deactivated it since). */
    public boolean pdpActive() {
        return pdp.anyActive();
    }

    /** PDP contexts active now: the foreground contexts AT+QIACT activated and AT+CGACT's. */
    public int activeContexts() {
        return pdp.activeCount() + network.activeCids().size();
    }

    /** Whether the foreground context (AT+QIFGCNT) is active already, so that AT+QIACT adds none. */
    public boolean foregroundActive() {
        return pdp.context(pdp.foreground()).active();
    }

    /** The command line that set the APN, or null. */
    public String apnSetBy() {
        return pdp.apnSetBy();
    }

    /** Whether the trace showed a restart: after one, the files of RAM are exactly those written since. */
    public boolean restartSeen() {
        return restartSeen;
    }

    /** The URL AT+QHTTPURL last set, or null. */
    public String url() {
        return url;
    }

    /** Whether the URL is {@code https://}. */
    public boolean https() {
        return url != null && url.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Whether AT+QHTTPGET worked since the URL was set. */
    public boolean getDone() {
        return getDone;
    }

    /** Whether a file's storage keeps it over a restart (NVRAM). */
    public boolean keptAtRestart(String file) {
        int colon = file.indexOf(':');
        return colon > 0 && registry.storage(file.substring(0, colon)).map(Grammar.StorageSpec::keptAtRestart)
                .orElse(false);
    }

    /** A file name as the module keys it: the storage in upper case, the name as written. */
    public static String fileKey(String raw) {
        String v = AtArguments.unquote(raw);
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(0, colon).toUpperCase(Locale.ROOT) + v.substring(colon);
    }

    @Override
    public void apply(Transaction t) {
        boolean ok = t.outcome() == Outcome.OK;
        List<AtCommand> commands = t.commands();
        for (int i = 0; i < commands.size(); i++) { // by index: no iterator for every transaction
            AtCommand c = commands.get(i);
            switch (c.name()) {
                case "+QSSLCFG" -> {
                    if (ok && c.form() == CommandForm.WRITE) {
                        ssl.apply(t, c);
                    }
                }
                case "+QSECWRITE" -> {
                    if (ok && c.form() == CommandForm.WRITE && c.params().size() >= 2 && written.size() < MAX_FILES) {
                        written.add(fileKey(c.params().get(0)));
                    }
                }
                case "+QSECDEL" -> {
                    if (ok && c.form() == CommandForm.WRITE && !c.params().isEmpty()) {
                        written.remove(fileKey(c.params().get(0)));
                        readChecksums.remove(fileKey(c.params().get(0)));
                    }
                }
                case "+QSECREAD" -> secRead(t, c);
                case "+QICSGP", "+QIREGAPP", "+QIFGCNT", "+QIACT" -> pdp.apply(t, c, ok);
                case "+QIDEACT" -> {
                    if (ok) {
                        pdpDown();
                    }
                }
                case "+CGATT", "+CFUN" -> {
                    if (ok && NetworkState.dropsContexts(c)) {
                        pdpDown();
                    }
                }
                case "+QHTTPURL" -> {
                    if (ok && c.form() == CommandForm.WRITE && !t.payloads().isEmpty()) {
                        url = t.payloads().get(0).text().strip();
                        getDone = false;
                    }
                }
                case "+QHTTPGET" -> getDone = ok;
                default -> {
                    // no state to keep
                }
            }
        }
    }

    @Override
    public void event(Event e) {
        if (e.kind() == EventKind.URC && e.text().startsWith("+PDP DEACT")) {
            pdpDown();
        }
    }

    @Override
    public void restart() {
        restartSeen = true;
        ssl.restart();
        written.removeIf(n -> !keptAtRestart(n));
        readChecksums.keySet().removeIf(n -> !keptAtRestart(n));
        pdpDown();
        pdp.restart();
        url = null;
    }

    private void pdpDown() {
        pdp.down();
        network.deactivateAll();
        getDone = false;
    }

    private void secRead(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        String name = fileKey(c.params().get(0));
        for (Event r : t.informationLines()) {
            if (r.text().startsWith("+QSECREAD:")) {
                List<String> f = AtArguments.split(r.text().substring(10).strip());
                if (f.size() >= 2 && (readChecksums.size() < MAX_FILES || readChecksums.containsKey(name))) {
                    readChecksums.put(name, f.get(1));
                }
            }
        }
    }
}
