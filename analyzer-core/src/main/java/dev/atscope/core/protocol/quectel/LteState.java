package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.basic.NetworkState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Quectel LTE module (BG95, BG96, BG77x, EC2x) as its commands show it: the SSL contexts and
 * their settings (AT+QSSLCFG), the files of its file system (AT+QFUPL, AT+QFDEL, AT+QFLST), the
 * PDP contexts (AT+QIACT, AT+QIDEACT, {@code +QIURC: "pdpdeact"}), the HTTP(S) settings and URL,
 * and the MQTT clients' TLS. It builds on the 27.007 {@link NetworkState}. A restart forgets the
 * settings and the RAM files; the files of UFS (flash) survive it.
 */
public final class LteState implements ModuleState {

    /** Files and contexts remembered at most; this only bounds a pathological trace. */
    static final int MAX_ENTRIES = 1024;

    private final ProtocolRegistry registry;
    private final NetworkState network;
    /** Per SSL context: each subcommand's last setting. */
    private final Map<String, Map<String, Setting>> ssl = new HashMap<>();
    /** Per SSL context: counts its changes, so that a rule judges a configuration once. */
    private final Map<String, Integer> sslVersions = new HashMap<>();
    private final Set<String> files = new HashSet<>();
    private final Set<String> missing = new HashSet<>();
    /** A listing of every file (AT+QFLST, AT+QFLST="*") or a deletion of all came: the absent ones are known absent. */
    private boolean allFilesKnown;
    private final Set<String> activePdp = new HashSet<>();
    private Setting httpSslContext;
    private String url;
    /** Per MQTT client: the SSL context AT+QMTCFG="ssl" made it use, or absent for plain TCP. */
    private final Map<String, Setting> mqttSsl = new HashMap<>();

    LteState(ModuleStates states, ProtocolRegistry registry) {
        this.registry = registry;
        this.network = states.require(NetworkState.class, NetworkState::new);
    }

    /** The 27.007 side of the module. */
    public NetworkState network() {
        return network;
    }

    /** A subcommand's setting of an SSL context ({@code cacert}, {@code seclevel}), or null. */
    public Setting ssl(String context, String subcommand) {
        Map<String, Setting> m = ssl.get(context);
        return m == null ? null : m.get(subcommand);
    }

    /** Whether AT+QSSLCFG set anything on the context since the last restart. */
    public boolean sslConfigured(String context) {
        return ssl.containsKey(context);
    }

    /** The contexts AT+QSSLCFG set anything on, in order. */
    public Set<String> sslConfigured() {
        return new TreeSet<>(ssl.keySet());
    }

    /** How many times the context's settings changed. */
    public int sslVersion(String context) {
        return sslVersions.getOrDefault(context, 0);
    }

    /**
     * Whether the trace shows that the module has no such file: deleted, or absent from a listing
     * of all files, and not uploaded since. A file the trace says nothing about is not known missing.
     */
    public boolean knownMissing(String file) {
        String key = fileKey(file);
        return !files.contains(key) && (missing.contains(key) || allFilesKnown);
    }

    /** Whether a PDP context is active. */
    public boolean pdpActive(String contextId) {
        return activePdp.contains(contextId);
    }

    /** The setting of AT+QHTTPCFG="sslctxid", or null when it was never set (the module's default applies). */
    public Setting httpSslContext() {
        return httpSslContext;
    }

    /** The URL AT+QHTTPURL last set, or null. */
    public String url() {
        return url;
    }

    /** Whether the URL is {@code https://}. */
    public boolean https() {
        return url != null && url.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The SSL context an MQTT client connects with, or null when it uses plain TCP. */
    public Setting mqttSsl(String client) {
        return mqttSsl.get(client);
    }

    /** A file name as the module keys it: the storage in upper case ({@code UFS} when the name has none). */
    public String fileKey(String raw) {
        String v = AtArguments.unquote(raw);
        int colon = v.indexOf(':');
        if (colon < 0) {
            return registry.defaultStorage().orElse("") + ":" + v;
        }
        return v.substring(0, colon).toUpperCase(Locale.ROOT) + v.substring(colon);
    }

    /** The value of a command's parameter of that name, or null. */
    String param(AtCommand c, String name) {
        for (NamedParam p : registry.parameters(c)) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    @Override
    public void apply(Transaction t) {
        boolean ok = t.outcome() == Outcome.OK;
        for (AtCommand c : t.commands()) {
            if (!ok && !c.name().equals("+QFLST")) {
                continue;
            }
            switch (c.name()) {
                case "+QSSLCFG" -> sslConfig(t, c);
                case "+QFUPL" -> {
                    if (c.form() == CommandForm.WRITE && !c.params().isEmpty() && files.size() < MAX_ENTRIES) {
                        String key = fileKey(c.params().get(0));
                        files.add(key);
                        missing.remove(key);
                    }
                }
                case "+QFDEL" -> delete(c);
                case "+QFLST" -> list(t, c);
                case "+QIACT" -> {
                    if (c.form() == CommandForm.WRITE && !c.params().isEmpty()) {
                        activePdp.add(c.params().get(0));
                    }
                }
                case "+QIDEACT" -> {
                    if (c.form() == CommandForm.WRITE && !c.params().isEmpty()) {
                        activePdp.remove(c.params().get(0));
                    }
                }
                case "+QHTTPCFG" -> {
                    var sub = registry.subcommand(c);
                    if (sub.isPresent() && sub.get().name().equals("sslctxid") && c.params().size() >= 2) {
                        httpSslContext = new Setting(c.params().get(1), t, c, 1);
                    }
                }
                case "+QHTTPURL" -> {
                    if (c.form() == CommandForm.WRITE && !t.payloads().isEmpty()) {
                        url = t.payloads().get(0).text().strip();
                    }
                }
                case "+QMTCFG" -> mqttConfig(t, c);
                default -> {
                    // no state to keep
                }
            }
        }
    }

    private void sslConfig(Transaction t, AtCommand c) {
        var sub = registry.subcommand(c);
        List<NamedParam> ps = registry.parameters(c);
        if (sub.isEmpty() || c.form() != CommandForm.WRITE || ps.size() < 3) {
            return; // a query changes nothing
        }
        String context = ps.get(1).value();
        if (ssl.size() < MAX_ENTRIES || ssl.containsKey(context)) {
            ssl.computeIfAbsent(context, k -> new HashMap<>()).put(sub.get().name(), new Setting(ps.get(2).value(), t, c, 2));
            sslVersions.merge(context, 1, Integer::sum);
        }
    }

    private void delete(AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        String name = AtArguments.unquote(c.params().get(0));
        if (name.equals("*") || name.endsWith(":*")) {
            files.clear();
            missing.clear();
            allFilesKnown = true;
        } else if (missing.size() < MAX_ENTRIES) {
            files.remove(fileKey(name));
            missing.add(fileKey(name));
        }
    }

    /** AT+QFLST answers {@code +QFLST: "UFS:name",size} per file; a listing of all ({@code *}) tells what is absent too. */
    private void list(Transaction t, AtCommand c) {
        String pattern = c.form() == CommandForm.EXECUTE ? "*" : c.params().isEmpty() ? "" : AtArguments.unquote(
                c.params().get(0));
        boolean all = pattern.equals("*") || pattern.endsWith(":*");
        if (all && t.outcome() == Outcome.OK) {
            files.clear();
            missing.clear();
            allFilesKnown = true;
        }
        for (var r : t.informationLines()) {
            if (r.text().startsWith("+QFLST:")) {
                List<String> f = AtArguments.split(r.text().substring(7).strip());
                if (!f.isEmpty() && files.size() < MAX_ENTRIES) {
                    String key = fileKey(f.get(0));
                    files.add(key);
                    missing.remove(key);
                }
            }
        }
        if (!all && !pattern.isEmpty() && !pattern.contains("*") && t.informationLines().isEmpty()
                && missing.size() < MAX_ENTRIES) {
            missing.add(fileKey(pattern)); // the listing of that one name came back empty
        }
    }

    private void mqttConfig(Transaction t, AtCommand c) {
        var sub = registry.subcommand(c);
        if (sub.isEmpty() || !sub.get().name().equals("ssl") || c.params().size() < 3) {
            return;
        }
        String client = AtArguments.unquote(c.params().get(1));
        if (c.params().get(2).equals("1") && c.params().size() >= 4) {
            mqttSsl.put(client, new Setting(c.params().get(3), t, c, 3));
        } else {
            mqttSsl.remove(client);
        }
    }

    @Override
    public void event(Event e) {
        if (e.kind() == EventKind.URC && e.text().startsWith("+QIURC: \"pdpdeact\"")) {
            List<String> f = AtArguments.split(e.text().substring(e.text().indexOf(':') + 1).strip());
            if (f.size() >= 2) {
                activePdp.remove(f.get(1));
            }
        }
    }

    @Override
    public void restart() {
        ssl.clear();
        sslVersions.clear();
        files.removeIf(f -> !keptAtRestart(f));
        missing.clear();
        allFilesKnown = false;
        activePdp.clear();
        httpSslContext = null;
        url = null;
        mqttSsl.clear();
    }

    private boolean keptAtRestart(String file) {
        int colon = file.indexOf(':');
        return colon > 0 && registry.storage(file.substring(0, colon)).map(s -> s.keptAtRestart()).orElse(false);
    }
}
