package dev.atscope.cli;

import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.LocalNetwork;
import dev.atscope.core.origin.RecordedOrigin;
import dev.atscope.core.origin.UserServer;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayNote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code atscope replay --origin}: what an emulated module reaches in place of the recording's
 * servers, with what the replay must say about it. {@code recorded} (the default) stands in for them
 * on this machine; {@code local:URL} sends every request to a server of the user's; {@code live}
 * reaches the recording's real hosts, only with {@code --system-dns}.
 *
 * @param around what the emulated module finds around it
 * @param notes what the replay assumed, explained or reproduced
 * @param standIns the recorded origin whose stand-ins close with it, or null
 * @param log the emulated module's log lines, as they come
 */
record ReplayOrigin(EmulatedTarget.Surroundings around, List<ReplayNote> notes, RecordedOrigin standIns,
        List<String> log)
        implements AutoCloseable {

    /** The choices, for messages. */
    static final String FORMS = "recorded, local:URL or live";

    /**
     * Chooses the origin of a replay.
     *
     * @param origin what {@code --origin} says, or null when it was not given
     * @param systemDns whether {@code --system-dns} was given
     * @param target what {@code --target} says
     */
    static ReplayOrigin choose(String origin, boolean systemDns, String target, Recording recording,
            ProtocolRegistry registry) throws IOException {
        boolean boot = !recording.preamble().isEmpty();
        if (!LinkSpecs.isEmulator(target)) {
            if (origin != null || systemDns) {
                throw new AbstractCommand.UsageException((origin != null ? "--origin" : "--system-dns")
                        + " is for --target emulator: a module on " + target + " reaches its own network");
            }
            return new ReplayOrigin(EmulatedTarget.Surroundings.BENCH, List.of(), null, List.of());
        }
        String o = origin == null ? "recorded" : origin;
        if (systemDns != o.equals("live")) {
            throw new AbstractCommand.UsageException(systemDns ? "--system-dns is for --origin live: the recorded"
                    + " origin and a local server need no name lookups" : "--origin live reaches the recording's real"
                    + " servers over the network: add --system-dns to let the emulator look their names up and leave"
                    + " this machine");
        }
        List<ReplayNote> notes = new ArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        boolean profile = target.startsWith("emulator:");
        if (o.equals("recorded")) {
            RecordedOrigin recorded = RecordedOrigin.of(recording, registry);
            notes.addAll(recorded.notes());
            if (profile && !recorded.cellularNetwork().equals(FaultProfile.NONE)) {
                notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, "the fault profile " + target.substring(9)
                        + " takes the place of the cellular network the recording shows"));
            }
            return new ReplayOrigin(new EmulatedTarget.Surroundings(recorded, recorded.cellularNetwork(), boot, log::add),
                    notes, recorded, log);
        }
        if (o.equals("live")) {
            notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, "the recording's hosts, reached over the network:"
                    + " what they answer today is compared with what they answered then"));
            return new ReplayOrigin(new EmulatedTarget.Surroundings(new LocalNetwork(Map.of(), true), FaultProfile.NONE,
                    boot, log::add), notes, null, log);
        }
        if (o.startsWith("local:")) {
            try {
                UserServer server = UserServer.at(o.substring(6));
                return new ReplayOrigin(new EmulatedTarget.Surroundings(server, FaultProfile.NONE, boot, log::add),
                        server.notes(), null, log);
            } catch (IllegalArgumentException e) {
                throw new AbstractCommand.UsageException("--origin " + o + ": " + e.getMessage());
            }
        }
        throw new AbstractCommand.UsageException("--origin " + o + ": expected " + FORMS);
    }

    @Override
    public void close() {
        if (standIns != null) {
            standIns.close();
        }
    }
}
