package dev.atscope.core.session;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;

/**
 * What one library's judge works with over one trace: the grammar in use and the module's state.
 *
 * @param library the id of the library the judge belongs to
 * @param selection the libraries the trace is read with
 * @param states the module's state before the item being judged
 */
public record JudgeContext(String library, LibrarySelection selection, ModuleStates states) {

    /** The grammar of the libraries the trace is read with. */
    public ProtocolRegistry registry() {
        return selection.view();
    }
}
