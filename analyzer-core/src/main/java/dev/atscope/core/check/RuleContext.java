package dev.atscope.core.check;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one library's session rules work with over one trace: the grammar in use, the module's
 * state, and where findings go. A vendor library's findings are kept only while the trace is
 * checked with that library ({@link LibrarySelection}); its state follows the trace all along.
 */
public final class RuleContext {

    private final String library;
    private final LibrarySelection selection;
    private final ModuleStates states;
    private final Consumer<Diagnostic> sink;

    RuleContext(String library, LibrarySelection selection, ModuleStates states, Consumer<Diagnostic> sink) {
        this.library = library;
        this.selection = selection;
        this.states = states;
        this.sink = sink;
    }

    /** The id of the library the rules belong to. */
    public String library() {
        return library;
    }

    /** The grammar of the libraries the trace is checked with. */
    public ProtocolRegistry registry() {
        return selection.view();
    }

    /** The module's state before the item being judged. */
    public ModuleStates states() {
        return states;
    }

    /** Whether the trace is checked with this library now: findings are dropped while it is not. */
    public boolean active() {
        return selection.active(library);
    }

    /** Reports a finding, if the library is in use. */
    public void report(Diagnostic d) {
        if (active()) {
            sink.accept(d);
        }
    }

    /** Where the i-th parameter of a command of the transaction is, for a caret under it. */
    public static Where param(Transaction t, AtCommand c, int index) {
        List<String> params = c.params();
        if (index >= params.size()) {
            return Where.NONE.at(t);
        }
        String display = c.display();
        int[] cols = CommandValidator.columns(c.args(), params, display.length() - c.args().length());
        return Where.column(cols[index], params.get(index).length()).shifted(shift(t.command().text(), c)).at(t);
    }

    /** The column of a command within its command line, minus the {@code AT} its display starts with. */
    static int shift(String line, AtCommand c) {
        if (c.raw().isEmpty()) {
            return 0;
        }
        int at = line.indexOf(c.raw(), 2);
        return at < 0 ? 0 : at - 2;
    }
}
