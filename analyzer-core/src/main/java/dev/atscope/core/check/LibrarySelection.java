package dev.atscope.core.check;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which libraries a trace is read with, decided from its traffic as it streams past. The base
 * libraries (V.250, 27.007) always apply; of the vendor libraries at most one does, because two
 * vendors' command sets may spell the same command differently (the M-series' {@code
 * AT+QICSGP=1,"apn"} is the LTE modules' {@code AT+QICSGP=1,1,"apn",...}).
 *
 * <p>What decides, strongest first: an identification answer (ATI, AT+CGMM) naming a model that
 * one library lists; a command that several vendor libraries define and only one's grammar
 * accepts; a URC that only one vendor library knows. Until one of those comes, the first vendor
 * command seen chooses tentatively: the library whose grammar accepts it (the first in priority
 * order when several do). A firm choice is kept: a later line that only another library accepts
 * makes the trace mixed, which {@link #mixed()} tells once. {@code --library} forces the choice.
 *
 * <p>It is also the {@link ResponseModel} the decoder reads, so that a trace is decoded with the
 * libraries it is checked with. One per trace; not thread-safe.
 */
public final class LibrarySelection implements ResponseModel {

    /** Commands whose evidence is remembered; a trace repeats a handful of distinct commands. */
    private static final int CACHE = 512;

    /** What {@link #key} keeps with a command. */
    private static final Object KEY = new Object();

    /** How a line points at a library. */
    private enum Strength { TENTATIVE, FIRM }

    /**
     * What a line says about the vendor libraries.
     *
     * @param library the library it points at
     * @param strength how firmly
     * @param why the line and why, for a reader
     * @param command the command, or null for a URC or an identification answer
     * @param fits the libraries whose grammar accepts the command (empty for other lines)
     */
    private record Evidence(ProtocolLibrary library, Strength strength, String why, AtCommand command,
            List<ProtocolLibrary> fits) {}

    /**
     * A trace with lines of two vendor libraries.
     *
     * @param chosen the library the trace stays checked with
     * @param chosenBy the line that chose it, and why
     * @param other the library that a later line fits instead
     * @param otherBy that line, and why
     * @param command the command that fits the other library, or null when a URC or an
     *     identification answer showed it
     */
    public record Mix(ProtocolLibrary chosen, String chosenBy, ProtocolLibrary other, String otherBy,
            AtCommand command) {

        /** Whether this is the command that made the trace mixed. */
        public boolean madeBy(AtCommand c) {
            return command != null && command.name().equals(c.name()) && command.form() == c.form()
                    && command.args().equals(c.args());
        }
    }

    private final ProtocolRegistry all;
    private final List<String> baseIds = new ArrayList<>();

    private final List<ProtocolLibrary> vendors = new ArrayList<>();
    private final Map<String, List<ProtocolLibrary>> vendorsByCommand = new HashMap<>();
    private final Map<ProtocolLibrary, CommandValidator> validators = new HashMap<>();
    private final Map<ProtocolLibrary, ProtocolRegistry> alone = new HashMap<>();
    /**
     * Per vendor library: the distinct commands its grammar accepted minus those it knows and
     * refused; while nothing decided firmly, the library with the highest is the tentative choice.
     */
    private final Map<ProtocolLibrary, Integer> score = new HashMap<>();
    private final Map<String, Evidence> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Evidence> eldest) {
            return size() > CACHE;
        }
    };
    private final boolean forced;
    private ProtocolLibrary chosen;
    private boolean firm;
    private String chosenBy;
    private Mix mix;
    private ProtocolRegistry view;
    private int version;
    /** The command observed last, while nothing was taken since: observing it again changes nothing. */
    private AtCommand lastObserved;
    /** The transaction observed last: observing it again changes nothing (see {@link #observe(AtCommand)}). */
    private Transaction lastTransaction;
    /** The module's states for this trace, made on first use ({@link #states}). */
    private ModuleStates states;

    /** A selection among the registry's libraries, decided from the traffic. */
    public LibrarySelection(ProtocolRegistry registry) {
        this(registry, null);
    }

    /**
     * A selection among the registry's libraries.
     *
     * @param forcedLibrary the id of the vendor library to use whatever the traffic shows, or null
     *     to decide from the traffic
     * @throws IllegalArgumentException when {@code forcedLibrary} is not a loaded vendor library
     */
    public LibrarySelection(ProtocolRegistry registry, String forcedLibrary) {
        this.all = registry;
        for (ProtocolLibrary lib : registry.libraries()) {
            if (lib.base()) {
                baseIds.add(lib.id());
            } else {
                vendors.add(lib);
                for (var c : lib.grammar().commands()) {
                    vendorsByCommand.computeIfAbsent(c.name().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(lib);
                }
            }
        }
        this.view = registry;
        this.forced = forcedLibrary != null;
        if (forced) {
            ProtocolLibrary lib = vendors.stream().filter(l -> l.id().equals(forcedLibrary)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no vendor library '" + forcedLibrary
                            + "'; expected one of " + String.join(", ", vendorIds())));
            choose(lib, true, "--library " + forcedLibrary);
        }
    }

    /** The ids of the loaded vendor libraries, the values {@code --library} takes. */
    public List<String> vendorIds() {
        return vendors.stream().map(ProtocolLibrary::id).toList();
    }

    /** Every loaded library, whether in use or not. */
    public ProtocolRegistry all() {
        return all;
    }

    /**
     * The states of the module this trace drives, read with the libraries in use: one model for
     * the trace, which its session tracker and its checker share (each applies an item after
     * judging it with {@link ModuleStates#defer}, so the item is applied once).
     */
    public ModuleStates states() {
        if (states == null) {
            states = new ModuleStates(all, this::view);
        }
        return states;
    }

    /** The libraries in use: the base ones and the chosen vendor's; all of them while none is chosen. */
    public ProtocolRegistry view() {
        return view;
    }

    /** The vendor library the trace is read with, if one is chosen. */
    public Optional<ProtocolLibrary> vendor() {
        return Optional.ofNullable(chosen);
    }

    /** Whether the vendor library was chosen by a line only it accepts, an identification answer, or {@code --library}. */
    public boolean firm() {
        return firm;
    }

    /** The line that chose the vendor library, and why; null while none is chosen. */
    public String chosenBy() {
        return chosenBy;
    }

    /** Counts the changes of the chosen library, so that a reader can tell when it changed. */
    public int version() {
        return version;
    }

    /** The first line that fitted another vendor library than the firmly chosen one, if any. */
    public Optional<Mix> mixed() {
        return Optional.ofNullable(mix);
    }

    /**
     * Whether a command of a mixed trace fits only the other vendor's grammar: the checker says so
     * once ({@link #mixed()}) instead of flagging each such line.
     */
    public boolean belongsToOther(AtCommand c) {
        if (mix == null || !vendorsByCommand.containsKey(c.name())) {
            return false;
        }
        Evidence e = seen.get(key(c));
        return e != null && e.strength() == Strength.FIRM && e.library() == mix.other();
    }

    /** Whether a library's rules and outcomes apply now: a base library always, a vendor library while chosen. */
    public boolean active(String libraryId) {
        // asked for every judge and rule set on every transaction: the ids passed are the libraries' own
        // strings, so a comparison of references answers before any comparison of text
        for (int i = 0; i < baseIds.size(); i++) {
            if (baseIds.get(i) == libraryId) {
                return true;
            }
        }
        if (chosen != null && chosen.id() == libraryId) {
            return true;
        }
        return baseIds.contains(libraryId) || chosen != null && chosen.id().equals(libraryId);
    }

    @Override
    public ResponseShape shape(AtCommand command) {
        observe(command);
        return view.shape(command);
    }

    @Override
    public UrcKind urcKind(String line) {
        return view.urcKind(line);
    }

    @Override
    public dev.atscope.core.decode.Outcome resultOutcome(String line, boolean numeric) {
        return view.resultOutcome(line, numeric);
    }

    @Override
    public boolean connect(String line, boolean numeric) {
        return view.connect(line, numeric);
    }

    /** Those of every library: a text log is read before its library is chosen. */
    @Override
    public java.util.Set<String> finalTexts() {
        return all.finalTexts();
    }

    /** Takes what a transaction shows: its commands, and a model named by an identification answer. */
    public void observe(Transaction t) {
        if (t == lastTransaction) {
            return; // the session tracker and the checker each show the same transaction: once is enough
        }
        lastTransaction = t;
        for (AtCommand c : t.commands()) {
            observe(c);
        }
        if (forced || firm && mix != null || anyVendorCommand(t)) {
            return;
        }
        for (Event r : t.informationLines()) {
            ProtocolLibrary lib = modelLibrary(r.text());
            if (lib != null) {
                take(new Evidence(lib, Strength.FIRM, t.command().text() + " answers " + r.text().strip()
                        + ", a model of " + lib.id(), null, List.of()));
                return;
            }
        }
    }

    /** Whether a vendor library knows one of the transaction's commands (a loop: this runs for every transaction). */
    private boolean anyVendorCommand(Transaction t) {
        for (AtCommand c : t.commands()) {
            if (vendorsByCommand.containsKey(c.name())) {
                return true;
            }
        }
        return false;
    }

    /** Takes a URC: one that only one vendor library knows chooses it. */
    public void observeUrc(String line) {
        if (forced || firm && mix != null) {
            return;
        }
        ProtocolLibrary only = null;
        for (ProtocolLibrary lib : vendors) {
            if (alone(lib).urc(line).isPresent()) {
                if (only != null) {
                    return;
                }
                only = lib;
            }
        }
        if (only != null) {
            take(new Evidence(only, Strength.FIRM, line.strip() + " is a URC only " + only.id() + " knows", null, List.of()));
        }
    }

    /** Takes a command: see the class comment for what it decides. */
    public void observe(AtCommand c) {
        if (forced || c == lastObserved) {
            return; // the decoder, the sessions and the checker each show the same command: once is enough
        }
        List<ProtocolLibrary> knownBy = vendorsByCommand.get(c.name());
        if (knownBy == null) {
            return;
        }
        String key = key(c);
        Evidence e = seen.get(key);
        if (e == null) {
            e = evidence(c, knownBy);
            seen.put(key, e);
            for (ProtocolLibrary lib : knownBy) {
                score.merge(lib, e.fits().contains(lib) ? 1 : -1, Integer::sum);
            }
        }
        if (mix == null) {
            take(e);
        }
        lastObserved = c;
    }

    /** The key of a command's evidence: its name, form and arguments, made once per command. */
    private static String key(AtCommand c) {
        return c.derived(KEY, k -> k.name() + k.form().suffix() + k.args());
    }

    private Evidence evidence(AtCommand c, List<ProtocolLibrary> knownBy) {
        List<ProtocolLibrary> fits = new ArrayList<>();
        for (ProtocolLibrary lib : knownBy) {
            if (fits(lib, c)) {
                fits.add(lib);
            }
        }
        String line = c.display();
        if (knownBy.size() >= 2 && fits.size() == 1) {
            List<String> others = knownBy.stream().filter(l -> l != fits.get(0)).map(ProtocolLibrary::id).toList();
            return new Evidence(fits.get(0), Strength.FIRM, line + " fits the grammar of " + fits.get(0).id()
                    + ", not that of " + String.join(", ", others), c, fits);
        }
        ProtocolLibrary first = fits.isEmpty() ? knownBy.get(0) : fits.get(0);
        return new Evidence(first, Strength.TENTATIVE, line + (knownBy.size() == 1 ? " is a command of " + first.id()
                : " is a command of " + first.id() + " (and of others)"), c, fits);
    }

    private boolean fits(ProtocolLibrary lib, AtCommand c) {
        CommandValidator v = validators.computeIfAbsent(lib, l -> new CommandValidator(libraryView(l)));
        for (Diagnostic d : v.problems(c)) { // asked once per command: seen remembers the evidence
            if (d.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    private ProtocolRegistry libraryView(ProtocolLibrary lib) {
        List<String> ids = new ArrayList<>(baseIds);
        ids.add(lib.id());
        return all.select(ids);
    }

    private ProtocolRegistry alone(ProtocolLibrary lib) {
        return alone.computeIfAbsent(lib, l -> all.select(List.of(l.id())));
    }

    private void take(Evidence e) {
        lastObserved = null; // what is taken may change what the next observation decides
        if (e.strength() == Strength.TENTATIVE) {
            if (!firm) {
                ProtocolLibrary best = best(e.library());
                if (best != chosen) {
                    choose(best, false, best == e.library() ? e.why() : e.why() + "; more of this trace's commands fit "
                            + best.id());
                }
            }
            return;
        }
        if (e.library() == chosen && firm) {
            return;
        }
        if (chosen == null || !firm) {
            choose(e.library(), true, e.why());
        } else if (mix == null) {
            mix = new Mix(chosen, chosenBy, e.library(), e.why(), e.command());
        }
    }

    /** The library with the highest score, the current choice or else {@code fallback} on a tie, then priority. */
    private ProtocolLibrary best(ProtocolLibrary fallback) {
        ProtocolLibrary best = chosen != null ? chosen : fallback;
        for (ProtocolLibrary lib : vendors) {
            if (score.getOrDefault(lib, Integer.MIN_VALUE) > score.getOrDefault(best, Integer.MIN_VALUE)) {
                best = lib;
            }
        }
        return best;
    }

    private void choose(ProtocolLibrary lib, boolean isFirm, String why) {
        if (lib != chosen) {
            version++;
        }
        chosen = lib;
        firm = isFirm;
        chosenBy = why;
        view = libraryView(lib);
    }

    /** The vendor library that lists a model named in an identification answer line, or null. */
    private ProtocolLibrary modelLibrary(String line) {
        if (line.startsWith("+")) {
            return null;
        }
        for (String token : line.split("[^A-Za-z0-9]+")) {
            for (ProtocolLibrary lib : vendors) {
                for (String model : lib.models()) {
                    if (names(token, model)) {
                        return lib;
                    }
                }
            }
        }
        return null;
    }

    /** {@code BG96} names BG96, and so does a revision {@code BG96MAR02A07M1G}: the model followed by letters. */
    private static boolean names(String token, String model) {
        if (!token.regionMatches(true, 0, model, 0, model.length())) {
            return false;
        }
        return token.length() == model.length() || Character.isLetter(token.charAt(model.length()));
    }
}
