package dev.atscope.core.protocol;

import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The states of all libraries for one trace, applied together. A library's state may build on
 * another's (the Quectel models read the 27.007 registration): {@link #require} gives every
 * library the same instance of a shared part.
 *
 * <p>A restart or power-down is applied when the next item comes that is not a transaction it
 * interrupted: the decoder hands those out right after the restart's URC, and they are judged with
 * the state from before it.
 */
public final class ModuleStates {

    private final ProtocolRegistry registry;
    private final Supplier<ProtocolRegistry> view;
    private final Map<Class<?>, ModuleState> byType = new LinkedHashMap<>();
    private final Map<String, ModuleState> byLibrary = new LinkedHashMap<>();
    /** Every distinct state, in the order they were made (shared parts before those that build on them). */
    private final List<ModuleState> all = new ArrayList<>();
    private final PendingCompletions completions;
    private boolean restartPending;
    /** The item its readers have judged and not yet applied ({@link #defer}); null when none. */
    private dev.atscope.core.decode.Decoded deferred;

    /** The states of the registry's libraries, for a trace read with all of them. */
    public ModuleStates(ProtocolRegistry registry) {
        this(registry, () -> registry);
    }

    /**
     * The states of the registry's libraries: those every trace uses first, then the vendors'.
     *
     * @param view the libraries the trace is read with now (a vendor's, once the traffic chose it)
     */
    public ModuleStates(ProtocolRegistry registry, Supplier<ProtocolRegistry> view) {
        this.registry = registry;
        this.view = view;
        this.completions = new PendingCompletions(view);
        remember(completions);
        for (ProtocolLibrary lib : registry.basesFirst()) {
            ModuleState s = lib.newState(this);
            if (s != null) {
                byLibrary.put(lib.id(), s);
                remember(s);
            }
        }
    }

    /** The registry whose libraries these states model. */
    public ProtocolRegistry registry() {
        return registry;
    }

    /**
     * The grammar a library's state reads its commands with: the base libraries and that library,
     * so that another vendor's command of the same name (AT+QSSLCFG) does not stand in for its own.
     * The library is found by its id, so that one wrapped in another (a grammar changed for a test)
     * reads with its registry's grammar.
     */
    public ProtocolRegistry viewOf(ProtocolLibrary library) {
        List<String> ids = new ArrayList<>();
        registry.libraries().stream().filter(l -> l.base() || l.id().equals(library.id())).forEach(l -> ids.add(l.id()));
        return registry.select(ids);
    }

    /** The commands that wait for the line that completes them. */
    public PendingCompletions completions() {
        return completions;
    }

    /** The state of that type, made with {@code make} the first time any library asks for it. */
    public <S extends ModuleState> S require(Class<S> type, Function<ModuleStates, S> make) {
        ModuleState s = byType.get(type);
        if (s == null) {
            s = make.apply(this);
            remember(s);
        }
        return type.cast(s);
    }

    /** The state of that type; fails when no library made one. */
    public <S extends ModuleState> S get(Class<S> type) {
        ModuleState s = byType.get(type);
        if (s == null) {
            throw new IllegalStateException("no loaded protocol library keeps a " + type.getSimpleName());
        }
        return type.cast(s);
    }

    /** The state a library made, or null when it keeps none. */
    public ModuleState of(String libraryId) {
        return byLibrary.get(libraryId);
    }

    private void remember(ModuleState s) {
        if (!byType.containsKey(s.getClass())) {
            byType.put(s.getClass(), s);
            all.add(s);
        }
    }

    /**
     * Brings a pending restart in before the next item is judged, unless the item is a transaction
     * the restart interrupted. Call it before the rules look at the item.
     */
    public void settle(dev.atscope.core.decode.Decoded next) {
        if (restartPending && !(next instanceof Transaction t && t.outcome() == Outcome.INTERRUPTED)) {
            restart();
        }
    }

    /**
     * Applies a restart now, for a reader that learns of one otherwise than by its URC (a recording
     * that shows AT+CFUN=1,1 answered but no boot).
     */
    public void restart() {
        restartPending = false;
        all.forEach(ModuleState::restart);
    }

    /**
     * For the readers of a trace that share these states (its session tracker and its checker):
     * the item each has judged is applied once, when one of them takes the next item ({@link
     * #before}), so that every reader judges an item against the states from before it. Calling
     * it again with the same item does nothing.
     */
    public void defer(dev.atscope.core.decode.Decoded item) {
        if (item != deferred) {
            before(item);
            deferred = item;
        }
    }

    /**
     * Applies the item deferred before {@code next}, unless it is {@code next} itself: a reader
     * calls it first when it takes an item, and with null at the end of the trace.
     */
    public void before(dev.atscope.core.decode.Decoded next) {
        dev.atscope.core.decode.Decoded d = deferred;
        if (d != null && d != next) {
            deferred = null;
            if (d instanceof Transaction t) {
                apply(t);
            } else {
                event((Event) d);
            }
        }
    }

    /** Applies a transaction to every state. */
    public void apply(Transaction t) {
        for (ModuleState s : all) {
            s.apply(t);
        }
    }

    /** Applies an event to every state; a restart or power-down URC is kept pending (see {@link #settle}). */
    public void event(Event e) {
        if (e.kind() == EventKind.URC) {
            UrcKind kind = registry.urcKind(e.text());
            if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
                restartPending = true;
                return;
            }
        }
        for (ModuleState s : all) {
            s.event(e);
        }
    }
}
