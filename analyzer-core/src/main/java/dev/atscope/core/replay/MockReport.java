package dev.atscope.core.replay;

import java.util.List;

/**
 * What a module-side mock session came to.
 *
 * @param recorded transactions in the recording
 * @param answered recorded transactions answered (retries counted once)
 * @param hostCommands command lines the host sent
 * @param divergences where the host did something else than the recorded host, in order
 * @param stoppedEarly true when a strict mock stopped at an unexpected command
 */
public record MockReport(int recorded, int answered, int hostCommands, List<Divergence> divergences,
        boolean stoppedEarly) {

    public MockReport {
        divergences = List.copyOf(divergences);
    }

    /** True when the host sent exactly the recorded commands, all of them. */
    public boolean followedTheRecording() {
        return divergences.stream().allMatch(d -> d.kind() == Divergence.Kind.RETRY);
    }
}
