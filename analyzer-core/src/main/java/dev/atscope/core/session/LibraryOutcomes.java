package dev.atscope.core.session;

import java.util.List;

/**
 * What a protocol library that names session outcomes implements beside {@link
 * dev.atscope.core.protocol.ProtocolLibrary}: the outcomes it can decide and a fresh judge for each
 * trace. The session tracker finds it on the library itself, so a library stays one plugin.
 */
public interface LibraryOutcomes {

    /** Every outcome the library's judge can decide; deciding another is a programming error. */
    List<SessionOutcome> outcomes();

    /** The library's judge for one trace. */
    OutcomeJudge newJudge(JudgeContext context);
}
