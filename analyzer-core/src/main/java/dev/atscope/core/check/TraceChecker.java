package dev.atscope.core.check;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks a decoded trace as it streams past: every command against the grammar, every answer line
 * against the grammar's response lines, every failure explained, and the session rules of the
 * libraries in use ({@link LibraryRules}), which read one model of the module's state. Diagnostics
 * about a transaction are handed to the sink while that transaction is accepted, placed with
 * {@link Where#at}; nothing proportional to the trace is kept.
 *
 * <p>Not thread-safe: one checker per trace.
 */
public final class TraceChecker {

    /** URCs inside one answer from which a burst is worth a word. */
    static final int URC_BURST = 5;

    private final LibrarySelection selection;
    private final Consumer<Diagnostic> sink;
    private final Map<ProtocolRegistry, CommandValidator> validators = new HashMap<>();
    private final ModuleStates states;
    /** Each library's rule set with its context, the base libraries' first. */
    private final List<RuleSet> ruleSets = new ArrayList<>();
    private final RuleCatalogue catalogue;
    private final ResultFindings results;
    private boolean mixAnnounced;
    /** URC events since the last command line began: how many arrived while it waited. */
    private int urcsSinceCommand;

    private record RuleSet(RuleContext context, SessionRuleSet rules) {}

    /**
     * @param registry the protocol libraries to check against, chosen from the traffic
     * @param sink receives each diagnostic as soon as it is known
     */
    public TraceChecker(ProtocolRegistry registry, Consumer<Diagnostic> sink) {
        this(new LibrarySelection(registry), sink);
    }

    /**
     * @param selection the libraries to check against; share it with the decoder and the session
     *     tracker of the same trace so that all three read the trace with the same libraries
     * @param sink receives each diagnostic as soon as it is known
     */
    public TraceChecker(LibrarySelection selection, Consumer<Diagnostic> sink) {
        this.selection = selection;
        this.catalogue = RuleCatalogue.of(selection.all());
        this.sink = d -> {
            assert catalogue.defines(d) : "a finding of a rule no library lists as such: " + d;
            sink.accept(d);
        };
        this.states = selection.states();
        this.results = new ResultFindings(selection::view, this.sink, this::hints, this::explainedByRules);
        for (ProtocolLibrary lib : selection.all().basesFirst()) {
            if (lib instanceof LibraryRules r) {
                RuleContext context = new RuleContext(lib.id(), selection, states, this.sink);
                ruleSets.add(new RuleSet(context, r.newRules(context)));
            }
        }
    }

    /** Checks a whole decoded trace held in memory (small traces, tests). */
    public static List<Diagnostic> check(List<? extends Decoded> items, ProtocolRegistry registry) {
        List<Diagnostic> out = new ArrayList<>();
        TraceChecker checker = new TraceChecker(registry, out::add);
        for (Decoded d : items) {
            checker.accept(d);
        }
        checker.finish();
        return out;
    }

    /** Takes the next item the decoder handed out, in order. */
    public void accept(Decoded item) {
        states.before(item); // what was judged before it is applied now, once for all readers
        if (item instanceof Transaction t) {
            selection.observe(t);
            if (selection.mixed().isPresent() && (selection.mixed().get().command() == null
                    || t.commands().stream().anyMatch(selection.mixed().get()::madeBy))) {
                announce(Where.NONE.at(t));
            }
            states.settle(t);
            transaction(t);
            states.defer(t);
            urcsSinceCommand = 0;
            return;
        }
        Event e = (Event) item;
        if (e.kind() == EventKind.URC) {
            urcsSinceCommand++;
            selection.observeUrc(e.text());
            if (selection.mixed().isPresent() && selection.mixed().get().command() == null) {
                announce(Where.of(e));
            }
            states.completions().match(e.text()).ifPresent(done -> results.completion(done, e));
        } else if (e.kind() == EventKind.COMMAND) {
            urcsSinceCommand = 0;
        }
        states.settle(e);
        for (RuleSet r : ruleSets) {
            r.rules().event(e);
        }
        states.defer(e);
    }

    /** The end of the trace. */
    public void finish() {
        states.before(null);
        for (RuleSet r : ruleSets) {
            r.rules().finish();
        }
    }

    /** Says once that the trace mixes two vendors' command sets. */
    private void announce(Where where) {
        if (!mixAnnounced && selection.mixed().isPresent()) {
            mixAnnounced = true;
            LibrarySelection.Mix m = selection.mixed().get();
            sink.accept(CheckRule.LIBRARY_MIXED.at("this trace mixes two vendors' command sets: " + m.otherBy()
                    + ", but it is checked with " + m.chosen().id() + " (" + m.chosenBy() + "); lines that only "
                    + m.other().id() + " accepts are not checked line by line", where));
        }
    }

    /** The module's state as the trace so far shows it: the model the rules judge against. */
    public ModuleStates states() {
        return states;
    }

    /** The libraries the trace is checked with, and what chose them. */
    public LibrarySelection selection() {
        return selection;
    }

    private CommandValidator validator() {
        return validators.computeIfAbsent(selection.view(), CommandValidator::new);
    }

    private void transaction(Transaction t) {
        ProtocolRegistry registry = selection.view();
        CommandValidator validator = validator();
        // the line as text only when a command does not start right after "AT" (several commands, spaces)
        String line = t.commands().size() > 1 || t.command().bytes().length != t.first().raw().length() + 2
                ? t.command().text() : null;
        boolean valid = true;
        for (AtCommand c : t.commands()) {
            if (selection.belongsToOther(c)) {
                continue;
            }
            int shift = line == null ? 0 : RuleContext.shift(line, c);
            for (Diagnostic d : validator.validate(c)) {
                if (d.ruleId().equals(CheckRule.COMMAND_FORM.rule().id()) && t.outcome() == Outcome.OK) {
                    // the grammar holds the documented forms; a module that takes another one extends them
                    d = CheckRule.COMMAND_EXTENSION.at(d.message() + ", but the module answered OK: a form beyond"
                            + " the documented ones", d.section(), d.where());
                }
                valid &= d.severity() != Severity.ERROR;
                sink.accept(d.withWhere(d.where().shifted(shift).at(t)));
            }
        }
        List<Event> responses = t.responses();
        for (int i = 0; i < responses.size(); i++) { // by index: no iterator for every transaction
            Event e = responses.get(i);
            if (e.kind() == EventKind.RESPONSE && !registry.responseSpecs(t.last()).isEmpty()) {
                String text = e.text();
                for (Diagnostic d : validator.validateResponse(owner(t, text), text)) {
                    sink.accept(d.withWhere(d.where().at(t, e)));
                }
            }
        }
        results.result(t, valid);
        if (urcsSinceCommand >= URC_BURST) {
            sink.accept(CheckRule.URC_BURST.at(urcsSinceCommand + " unsolicited result codes arrived while "
                    + t.first().display() + " waited for its answer: a host that reads answers line by line must"
                    + " set them aside", Where.NONE.at(t)));
        }
        for (RuleSet r : ruleSets) {
            r.rules().transaction(t, valid);
        }
    }

    /** The hints the libraries in use add to the explanation of a failure. */
    private String hints(Transaction t, int code) {
        StringBuilder sb = new StringBuilder();
        for (RuleSet r : ruleSets) {
            if (r.context().active()) {
                sb.append(r.rules().errorHint(t, code));
            }
        }
        return sb.toString();
    }

    private boolean explainedByRules(Transaction t) {
        for (RuleSet r : ruleSets) {
            if (r.context().active() && r.rules().explainsFailure(t)) {
                return true;
            }
        }
        return false;
    }

    /** The command of a line of several that an answer belongs to: the one whose prefix it carries. */
    private static AtCommand owner(Transaction t, String text) {
        if (t.commands().size() > 1) {
            for (AtCommand c : t.commands()) {
                if (c.name().startsWith("+") && text.startsWith(c.name() + ":")) {
                    return c;
                }
            }
        }
        return t.last();
    }
}
