package dev.atscope.core.protocol.basic;

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
import dev.atscope.core.protocol.SettingFacts;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module's network side as the 3GPP TS 27.007 commands show it: the SIM, the registration of
 * each domain (+CREG, +CGREG, +CEREG, from read answers and URCs) and how each is reported (their
 * {@code <n>}), packet attach, the active PDP contexts, the signal, and whether errors come with
 * codes (+CMEE). The vendor libraries build on it. A restart forgets all of it.
 */
public final class NetworkState implements ModuleState {

    /** PDP context ids remembered at most; modules keep a handful, this only bounds a broken trace. */
    private static final int MAX_CIDS = 64;

    /**
     * One registration report.
     *
     * @param command {@code +CREG}, {@code +CGREG} or {@code +CEREG}
     * @param stat the {@code <stat>} value
     * @param meaning its meaning from the grammar's table, or null
     * @param rejectCause the {@code <reject_cause>} the report carries (AT+CxREG=3), or null
     * @param line the answer or URC line it came from
     */
    public record Registration(String command, String stat, String meaning, String rejectCause, String line) {

        /** Registered, home network (1) or roaming (5), as 27.007 7.2 numbers them for every domain. */
        public boolean registered() {
            return stat.equals("1") || stat.equals("5");
        }

        /**
         * Not registered (0), searching (2) or denied (3); {@code unknown} (4) and the special
         * states (emergency only, SMS only) say neither.
         */
        public boolean notRegistered() {
            return stat.equals("0") || stat.equals("2") || stat.equals("3");
        }

        /** Registration denied (3): the network refused the module. */
        public boolean denied() {
            return stat.equals("3");
        }
    }

    private final ProtocolRegistry registry;
    private final Registrations.Reader reader = new Registrations.Reader();
    private final Map<String, Registration> registrations = new HashMap<>();
    /** The {@code <n>} of each registration command, as its write set it or its read answer showed it. */
    private final Map<String, String> reportModes = new HashMap<>(4);
    private Registration lastRegistration;
    private String attach;
    private final Set<String> activeCids = new LinkedHashSet<>();
    private boolean errorCodesOn;
    private String sim;
    private String rssi;

    /** A state that reads value meanings from the registry's grammar. */
    public NetworkState(ModuleStates states) {
        this.registry = states.registry();
    }

    /** The last registration report of a domain ({@code +CGREG}), or null. */
    public Registration registration(String command) {
        return registrations.get(command);
    }

    /** The last registration report of any domain, or null. */
    public Registration lastRegistration() {
        return lastRegistration;
    }

    /** Whether the last registration report says registered; null when none came. */
    public Boolean registered() {
        return lastRegistration == null ? null : lastRegistration.registered();
    }

    /**
     * Whether the module is registered in some domain by the last report of each (an LTE-M module
     * may report +CREG 0,2 while +CEREG says registered): true when one says registered, false
     * when none does and one says not registered, null when the reports say neither.
     */
    public Boolean registeredAnywhere() {
        if (registrations.values().stream().anyMatch(Registration::registered)) {
            return true;
        }
        return registrations.values().stream().anyMatch(Registration::notRegistered) ? false : null;
    }

    /**
     * How a domain's registration is reported ({@code <n>} of AT+CREG, AT+CGREG, AT+CEREG): as a
     * write set it or a read answer showed it, else the grammar's initial value.
     */
    public String reportMode(String command) {
        String n = reportModes.get(command);
        return n != null ? n : SettingFacts.initial(registry, command, "n");
    }

    /**
     * Whether a command the module accepted takes every PDP context down: a detach (AT+CGATT=0,
     * 27.007 10.1.9) or the radio off (AT+CFUN with a {@code <fun>} other than 1, full
     * functionality; 8.2).
     */
    public static boolean dropsContexts(AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return false;
        }
        String first = c.params().get(0).strip();
        return switch (c.name()) {
            case "+CGATT" -> first.equals("0");
            case "+CFUN" -> !first.isEmpty() && !first.equals("1");
            default -> false;
        };
    }

    /** The attach state AT+CGATT last showed or set ({@code 1}, {@code 0}), or null. */
    public String attach() {
        return attach;
    }

    /** The PDP contexts AT+CGACT activated and nothing deactivated since. */
    public Set<String> activeCids() {
        return java.util.Collections.unmodifiableSet(activeCids);
    }

    /** Whether AT+CMEE=1 or 2 is in effect: the module gives error codes where it can. */
    public boolean errorCodesOn() {
        return errorCodesOn;
    }

    /** What {@code +CPIN:} last said ({@code READY}, {@code SIM PIN}, {@code NOT INSERTED}), or null. */
    public String sim() {
        return sim;
    }

    /**
     * Whether a {@code +CPIN:} value asks for a PIN or PUK before the SIM can be used ({@code SIM
     * PIN}, {@code SIM PUK}, {@code PH-NET PIN}...; 27.007 8.3). {@code SIM PIN2} and {@code SIM
     * PUK2} only follow a command that needed them, and {@code NOT READY} is a SIM still starting.
     */
    public static boolean waitsForPin(String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        return (v.contains("PIN") || v.contains("PUK")) && !v.endsWith("PIN2") && !v.endsWith("PUK2");
    }

    /** The last {@code <rssi>} of AT+CSQ ({@code 99}: not known or not detectable), or null. */
    public String rssi() {
        return rssi;
    }

    /** Every PDP context is down (a network deactivation the vendor's URC reports). */
    public void deactivateAll() {
        activeCids.clear();
    }

    @Override
    public void apply(Transaction t) {
        boolean ok = t.outcome() == Outcome.OK;
        List<AtCommand> commands = t.commands();
        for (int i = 0; i < commands.size(); i++) { // by index: no iterator for every transaction
            AtCommand c = commands.get(i);
            switch (c.name()) {
                case "+CREG", "+CGREG", "+CEREG" -> {
                    if (c.form() == CommandForm.READ) {
                        String line = answer(t, c.name());
                        if (line != null) {
                            register(c.name(), line, false);
                            List<String> f = fieldsOf(line);
                            if (f.size() >= 2) {
                                reportModes.put(c.name(), f.get(0)); // the read answer starts with <n>
                            }
                        }
                    } else if (ok && c.form() == CommandForm.WRITE) {
                        String n = c.params().isEmpty() ? "" : c.params().get(0).strip();
                        reportModes.put(c.name(), n.isEmpty() ? defaultMode(c.name()) : n);
                    }
                }
                case "+CGATT" -> {
                    if (c.form() == CommandForm.READ) {
                        String a = answer(t, c.name());
                        if (a != null) {
                            List<String> f = fieldsOf(a);
                            attach = f.isEmpty() ? null : f.get(0);
                        }
                    } else if (c.form() == CommandForm.WRITE && ok && !c.params().isEmpty()) {
                        attach = c.params().get(0);
                    }
                    if (ok && dropsContexts(c)) {
                        activeCids.clear();
                    }
                }
                case "+CFUN" -> {
                    if (ok && dropsContexts(c)) {
                        activeCids.clear();
                    }
                }
                case "+CGACT" -> {
                    if (ok && c.form() == CommandForm.WRITE && c.params().size() >= 2) {
                        List<String> cids = c.params().subList(1, c.params().size());
                        if (c.params().get(0).equals("1")) {
                            cids.stream().filter(x -> activeCids.size() < MAX_CIDS).forEach(activeCids::add);
                        } else {
                            cids.forEach(activeCids::remove);
                        }
                    }
                }
                case "+CMEE" -> {
                    if (ok && c.form() == CommandForm.WRITE) {
                        errorCodesOn = !c.args().equals("0");
                    }
                }
                case "+CPIN" -> {
                    String a = c.form() == CommandForm.READ ? answer(t, c.name()) : null;
                    if (a != null) {
                        sim = a.substring(a.indexOf(':') + 1).strip();
                    } else if (ok && c.form() == CommandForm.WRITE) {
                        sim = "READY";
                    }
                }
                case "+CSQ" -> {
                    String a = answer(t, c.name());
                    List<String> f = a == null ? List.of() : fieldsOf(a);
                    if (!f.isEmpty()) {
                        rssi = f.get(0);
                    }
                }
                default -> {
                    // no state to keep
                }
            }
        }
    }

    @Override
    public void event(Event e) {
        if (e.kind() != EventKind.URC) {
            return;
        }
        String text = e.text();
        for (String command : Registrations.COMMANDS) {
            if (text.startsWith(command) && text.startsWith(":", command.length())) {
                register(command, text, true);
                return;
            }
        }
        if (text.startsWith("+CPIN:")) {
            sim = text.substring(6).strip();
        }
    }

    @Override
    public void restart() {
        registrations.clear();
        reportModes.clear();
        lastRegistration = null;
        attach = null;
        activeCids.clear();
        errorCodesOn = false;
        sim = null;
        rssi = null;
    }

    private void register(String command, String line, boolean urc) {
        Registration r = reader.parse(registry, command, line, urc);
        if (r != null) {
            registrations.put(command, r);
            lastRegistration = r;
        }
    }

    /** What {@code AT+CREG=} with {@code <n>} left out sets: the grammar's default. */
    private String defaultMode(String command) {
        String d = SettingFacts.param(registry, command, "n").map(Grammar.ParamSpec::defaultValue).orElse(null);
        return d != null ? d : reportMode(command);
    }

    /** The first information line of the transaction that carries the command's prefix. */
    static String answer(Transaction t, String command) {
        int n = command.length();
        for (Event r : t.responses()) {
            if (r.kind() != EventKind.RESPONSE) {
                continue;
            }
            String text = r.text();
            if (text.length() > n && text.charAt(n) == ':' && text.regionMatches(true, 0, command, 0, n)) {
                return text;
            }
        }
        return null;
    }

    /** The fields after the colon of an answer line. */
    static List<String> fieldsOf(String line) {
        int colon = line.indexOf(':');
        String body = colon < 0 ? line : line.substring(colon + 1);
        return AtArguments.split(body.strip());
    }
}
