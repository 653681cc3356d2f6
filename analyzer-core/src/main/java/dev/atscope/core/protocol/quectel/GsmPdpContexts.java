package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.SettingFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP/IP stack's PDP contexts as the GSM note's commands show them (1.2, 1.3.1, 3.3): the
 * foreground context AT+QIFGCNT selects, and for each context its bearer (AT+QICSGP, AT+QIREGAPP:
 * mode, APN, user, whether a password is set), whether it is registered with the stack and whether
 * AT+QIACT activated it.
 *
 * <p>The password itself is not kept, only whether one is set: a model is built from any trace,
 * field logs included, and what it holds may be shown or indexed, while secrets stay on the wire
 * that {@code --redact} masks (certificate contents are kept out for the same reason).
 */
public final class GsmPdpContexts {

    /** Contexts remembered at most; the module keeps two, this only bounds a broken trace. */
    private static final int MAX_CONTEXTS = 64;

    /** One context: its bearer and its state in the stack. */
    public static final class PdpContext {
        String mode;
        String apn = "";
        String user = "";
        boolean passwordSet;
        boolean registered;
        boolean active;

        /** The APN, empty when none is set. */
        public String apn() {
            return apn;
        }

        /** The user name, empty when none is set. */
        public String user() {
            return user;
        }

        /** Whether a password is set (not the password: see the class comment). */
        public boolean passwordSet() {
            return passwordSet;
        }

        /** Whether the context is registered with the TCP/IP stack (AT+QIREGAPP or AT+QIACT worked). */
        public boolean registered() {
            return registered;
        }

        /** Whether AT+QIACT activated it and nothing deactivated it since. */
        public boolean active() {
            return active;
        }
    }

    private final ProtocolRegistry registry;
    private final Map<String, PdpContext> contexts = new HashMap<>();
    private String foreground;
    private String apnSetBy;

    GsmPdpContexts(ProtocolRegistry registry) {
        this.registry = registry;
    }

    /** The context AT+QIFGCNT selected, else the grammar's initial one (3.3 selects 0). */
    public String foreground() {
        return foreground != null ? foreground : SettingFacts.initial(registry, "+QIFGCNT", "id");
    }

    /** A context's bearer and state; one nothing touched reads as after a restart. */
    public PdpContext context(String id) {
        PdpContext x = contexts.get(id);
        return x != null ? x : new PdpContext();
    }

    /** CSD or GPRS for a context, as AT+QICSGP set it or the grammar's initial value. */
    public String mode(String id) {
        PdpContext x = contexts.get(id);
        return x != null && x.mode != null ? x.mode : SettingFacts.initial(registry, "+QICSGP", "mode");
    }

    /** Whether a context is active. */
    public boolean anyActive() {
        return contexts.values().stream().anyMatch(PdpContext::active);
    }

    /** How many contexts AT+QIACT activated and nothing deactivated since. */
    public int activeCount() {
        int n = 0;
        for (PdpContext c : contexts.values()) { // no stream: asked for every transaction
            n += c.active() ? 1 : 0;
        }
        return n;
    }

    /** The command line that set the APN, or null. */
    public String apnSetBy() {
        return apnSetBy;
    }

    /** A command of the stack; {@code ok} when the module accepted it. */
    void apply(Transaction t, AtCommand c, boolean ok) {
        switch (c.name()) {
            case "+QIFGCNT" -> {
                if (ok && c.form() == CommandForm.WRITE && !c.params().isEmpty()) {
                    foreground = c.params().get(0).strip();
                }
            }
            case "+QICSGP", "+QIREGAPP" -> bearer(t, c, ok);
            case "+QIACT" -> {
                if (ok && c.form() == CommandForm.EXECUTE) {
                    PdpContext x = touched(foreground());
                    x.registered = true;
                    x.active = true;
                }
            }
            default -> {
                // not a command of the stack
            }
        }
    }

    /** Every context down and out of the stack (AT+QIDEACT, a detach, the network's deactivation). */
    void down() {
        for (PdpContext x : contexts.values()) {
            x.active = false;
            x.registered = false;
        }
    }

    void restart() {
        contexts.clear();
        foreground = null;
        apnSetBy = null;
    }

    private PdpContext touched(String id) {
        if (!contexts.containsKey(id) && contexts.size() >= MAX_CONTEXTS) {
            return new PdpContext(); // a broken trace's hundredth context: not remembered
        }
        return contexts.computeIfAbsent(id, k -> new PdpContext());
    }

    /** AT+QICSGP and AT+QIREGAPP: the bearer written, the context registered, or the APN shown. */
    private void bearer(Transaction t, AtCommand c, boolean ok) {
        if (!ok) {
            return;
        }
        if (c.form() == CommandForm.WRITE) {
            PdpContext x = touched(foreground());
            x.apn = "";
            x.user = "";
            x.passwordSet = false;
            for (NamedParam p : registry.parameters(c)) {
                switch (p.name()) {
                    case "mode" -> x.mode = p.value();
                    case "apn" -> x.apn = p.value();
                    case "user" -> x.user = p.value();
                    case "password" -> x.passwordSet = !p.value().isEmpty();
                    default -> {
                        // a parameter the grammar does not name
                    }
                }
            }
            if (!x.apn.isEmpty()) {
                apnSetBy = t.command().text();
            }
        }
        if (c.name().equals("+QIREGAPP") && (c.form() == CommandForm.WRITE || c.form() == CommandForm.EXECUTE)) {
            touched(foreground()).registered = true;
        } else if (c.name().equals("+QIREGAPP") && c.form() == CommandForm.READ) {
            for (Event r : t.informationLines()) {
                if (r.text().startsWith("+QIREGAPP:")) {
                    List<String> f = AtArguments.split(r.text().substring(10).strip());
                    if (!f.isEmpty() && !AtArguments.unquote(f.get(0)).isEmpty()) {
                        apnSetBy = t.command().text();
                    }
                }
            }
        }
    }
}
