package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commands that answered {@code OK} and wait for the line that completes them ({@code
 * AT+QIOPEN} for {@code +QIOPEN: 0,0}, {@code AT+QHTTPGET} for {@code +QHTTPGET: 0,200,1024}), as
 * the grammar's completions describe them: part of every trace's state, so that the checker and
 * the session tracker pair a completion with its command alike.
 */
public final class PendingCompletions implements ModuleState {

    /** Commands remembered per completion at most: a host waits for a few at once (one per socket). */
    private static final int MAX_PENDING = 16;

    /**
     * A completion line paired with its command.
     *
     * @param t the transaction of the command it completes
     * @param completion what the line says
     */
    public record Done(Transaction t, Completion completion) {}

    private final Supplier<ProtocolRegistry> view;
    private final Map<String, Deque<Transaction>> pending = new HashMap<>();

    PendingCompletions(Supplier<ProtocolRegistry> view) {
        this.view = view;
    }

    /**
     * What a module line completes, without forgetting it: the transaction whose completion prefix
     * it carries, the one whose first field (a socket or client id) it names when several wait.
     */
    public Optional<Done> match(String line) {
        for (Map.Entry<String, Deque<Transaction>> e : pending.entrySet()) {
            if (!line.startsWith(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            Transaction t = owner(e.getValue(), line, e.getKey());
            Optional<Completion> c = view.get().completion(t.last(), line);
            if (c.isPresent()) {
                return Optional.of(new Done(t, c.get()));
            }
        }
        return Optional.empty();
    }

    private Transaction owner(Deque<Transaction> waiting, String line, String prefix) {
        if (waiting.size() > 1) {
            List<String> fields = AtArguments.split(line.substring(prefix.length()).strip());
            for (Transaction t : waiting) {
                Grammar.CompletionSpec spec = view.get().completionSpec(t.last()).orElse(null);
                if (spec != null && !spec.params().isEmpty() && !fields.isEmpty()
                        && fields.get(0).equals(param(t.last(), spec.params().get(0).name()))) {
                    return t;
                }
            }
        }
        return waiting.peekFirst();
    }

    private String param(AtCommand c, String name) {
        for (NamedParam p : view.get().parameters(c)) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    @Override
    public void apply(Transaction t) {
        if (t.outcome() != Outcome.OK) {
            return;
        }
        view.get().completionSpec(t.last()).ifPresent(spec -> {
            Deque<Transaction> q = pending.computeIfAbsent(spec.prefix(), k -> new ArrayDeque<>());
            if (q.size() >= MAX_PENDING) {
                q.removeFirst();
            }
            q.addLast(t);
        });
    }

    @Override
    public void event(Event e) {
        if (e.kind() == EventKind.URC) {
            match(e.text()).ifPresent(d -> pending.get(d.completion().spec().prefix()).remove(d.t()));
        }
    }

    @Override
    public void restart() {
        pending.clear();
    }
}
