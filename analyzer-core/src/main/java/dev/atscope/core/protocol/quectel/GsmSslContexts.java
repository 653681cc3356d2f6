package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.SettingFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AT+QSSLCFG set (2.2.1): each SSL context's settings (version, cipher suites, security level,
 * the files it names) and the settings shared by all (HTTPS on or off, the context HTTPS uses,
 * certificate dates, SMTP), each with the command that set it. The grammar says which is which: a
 * subcommand with a {@code <ctxindex>} sets a context's value, one without sets a shared value. A
 * value never set reads as the grammar's {@code initialValue}. A restart forgets them all.
 */
public final class GsmSslContexts {

    private static final String COMMAND = "+QSSLCFG";
    /** Contexts remembered at most; the module keeps six, this only bounds a broken trace. */
    private static final int MAX_CONTEXTS = 64;
    /** The settings the request rules judge; a change of one of them is a new configuration to judge. */
    private static final Set<String> JUDGED = Set.of("secllevel", "cacert", "clientcert", "clientkey");

    /** One SSL context's settings as AT+QSSLCFG set them (2.2.1). */
    public static final class SslContext {
        final Map<String, Setting> settings = new HashMap<>(8);
        /** Counts the changes rules judge, so that a rule reports a configuration once until it changes. */
        int version;

        /** The security level, or null when never set. */
        public Setting secllevel() {
            return settings.get("secllevel");
        }

        /** The file configured for a role ({@code cacert}, {@code clientcert}, {@code clientkey}), or null. */
        public Setting file(String role) {
            return settings.get(role);
        }

        /** A setting by its subcommand's name ({@code sslversion}, {@code ciphersuite}...), or null when never set. */
        public Setting setting(String name) {
            return settings.get(name);
        }

        /** How many times the level or the files changed. */
        public int version() {
            return version;
        }
    }

    private final ProtocolRegistry registry;
    private final Map<String, SslContext> contexts = new HashMap<>();
    private final Map<String, Setting> shared = new HashMap<>();

    GsmSslContexts(ProtocolRegistry registry) {
        this.registry = registry;
    }

    /** The SSL context of that index, or null when nothing configured it. */
    public SslContext context(String index) {
        return contexts.get(index);
    }

    /** A shared setting ({@code https}, {@code httpsctxi}, {@code ignorertctime}...), or null when never set. */
    public Setting shared(String name) {
        return shared.get(name);
    }

    /** The value of a context's setting: as set, else the grammar's initial value (empty for a file). */
    public String value(String index, String name) {
        SslContext x = contexts.get(index);
        Setting s = x == null ? null : x.settings.get(name);
        return s != null ? s.value() : SettingFacts.initial(registry, COMMAND, name);
    }

    /** The value of a shared setting: as set, else the grammar's initial value. */
    public String sharedValue(String name) {
        Setting s = shared.get(name);
        return s != null ? s.value() : SettingFacts.initial(registry, COMMAND, name);
    }

    /** Whether {@code AT+QSSLCFG="https",1} is in effect. */
    public boolean httpsEnabled() {
        return sharedValue("https").equals("1");
    }

    /** The SSL context HTTPS uses: the one {@code "httpsctxi"} names, else 0 (3.3 configures 0 and never sets it). */
    public String httpsContext() {
        Setting s = shared.get("httpsctxi");
        return s == null ? "0" : s.value();
    }

    /** An AT+QSSLCFG write the module accepted: the value it carries, if it carries one (not a query). */
    void apply(Transaction t, AtCommand c) {
        var sub = registry.subcommand(c);
        if (sub.isEmpty()) {
            return;
        }
        String name = sub.get().name();
        boolean perContext = false;
        var specs = sub.get().params();
        for (int i = 0; i < specs.size(); i++) { // by index, no stream: this runs for every AT+QSSLCFG
            perContext |= specs.get(i).name().equals("ctxindex");
        }
        List<NamedParam> ps = registry.parameters(c);
        String index = null;
        for (int i = 1; i < ps.size(); i++) {
            NamedParam p = ps.get(i);
            if (p.name().equals("ctxindex")) {
                index = p.value();
            } else if (p.name().equals(name)) {
                Setting s = new Setting(p.value(), t, c, i);
                if (!perContext) {
                    shared.put(name, s);
                } else if (index != null && (contexts.containsKey(index) || contexts.size() < MAX_CONTEXTS)) {
                    SslContext x = contexts.computeIfAbsent(index, k -> new SslContext());
                    x.settings.put(name, s);
                    x.version += JUDGED.contains(name) ? 1 : 0;
                }
            }
        }
    }

    void restart() {
        contexts.clear();
        shared.clear();
    }
}
