package dev.atscope.core.session;

import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every session outcome the tracker and the loaded libraries can decide, by who decides it (the
 * tracker's own under {@link #TRACKER}): the single definition the outcomes table is made from.
 */
public final class OutcomeCatalogue {

    /** The name the tracker's own outcomes are listed under. */
    public static final String TRACKER = "tracker";

    /** What the tracker decides itself, whatever the libraries: no failure, no answer, an unexplained error, a restart during a request. */
    static final List<SessionOutcome> TRACKER_OUTCOMES = List.of(SessionOutcome.OK, SessionOutcome.UNKNOWN,
            SessionOutcome.NO_RESPONSE, SessionOutcome.RESET_DURING_REQUEST);

    private OutcomeCatalogue() {}

    /** The tracker's outcomes, then each library's that names any, base libraries first. */
    public static Map<String, List<SessionOutcome>> of(ProtocolRegistry registry) {
        Map<String, List<SessionOutcome>> m = new LinkedHashMap<>();
        m.put(TRACKER, TRACKER_OUTCOMES);
        for (ProtocolLibrary lib : registry.basesFirst()) {
            if (lib instanceof LibraryOutcomes o && !o.outcomes().isEmpty()) {
                m.put(lib.id(), List.copyOf(o.outcomes()));
            }
        }
        return m;
    }
}
