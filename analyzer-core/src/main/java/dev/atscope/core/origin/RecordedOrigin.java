package dev.atscope.core.origin;

import dev.atscope.core.emulator.ErrorSituation;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.emulator.Network;
import dev.atscope.core.emulator.Pki;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayNote;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers and the cellular network a recording reached, standing in for them on this machine,
 * so that a replay against the emulator needs nothing beyond it. Each origin (scheme, host, port) the
 * recording contacted gets a {@link StandIn} on 127.0.0.1 that answers what the module read back;
 * a name the recording never looked up does not resolve.
 *
 * <p>A recorded failure comes about in one of two ways. One that the recorded settings explain (a
 * protocol or cipher suites that current servers refuse, server authentication with no CA or with a
 * CA no recorded handshake verified the server with) happens for real: the stand-ins are current
 * servers, so the same settings fail the same way over real TLS, and an edit that removes the cause
 * makes the request work. One that they do not explain (a failed name lookup, a connection that
 * failed with settings a current server accepts, a time-out) is reproduced as recorded, and the
 * notes say so.
 *
 * <p>Where the recording cannot tell, the notes say what was assumed: the module reports no HTTP
 * status, so a request that worked is answered 200 and one that failed with an error status 500;
 * the recording holds no key, so the server's certificate is signed by a twin of the CA a recorded
 * handshake verified it with, and the module trusts the twin in that CA's place.
 */
public final class RecordedOrigin implements Network, AutoCloseable {

    private final Map<String, StandIn> standIns;
    private final Map<X509Certificate, X509Certificate> twins;
    private final CellularConditions cellular;
    private final List<ReplayNote> notes;

    private RecordedOrigin(Map<String, StandIn> standIns, Map<X509Certificate, X509Certificate> twins,
            CellularConditions cellular, List<ReplayNote> notes) {
        this.standIns = standIns;
        this.twins = twins;
        this.cellular = cellular;
        this.notes = List.copyOf(notes);
    }

    /** Reads a recording and starts a stand-in for each origin it contacted. */
    public static RecordedOrigin of(Recording recording, ProtocolRegistry registry) throws IOException {
        Map<String, RecordedExchanges.Host> hosts = RecordedExchanges.read(recording, registry);
        List<ReplayNote> notes = new ArrayList<>();
        Map<X509Certificate, Pki.Issued> twins = new HashMap<>();
        Pki.Issued stranger = null;
        Pki.Issued firstServer = null;
        Map<String, StandIn> standIns = new LinkedHashMap<>();
        try {
            for (RecordedExchanges.Host h : hosts.values()) {
                Pki.Issued identity = null;
                String name = h.exchanges.get(0).uri().getHost();
                if (h.origin.startsWith("https:")) {
                    Pki.Issued ca;
                    if (h.provenCa != null) {
                        ca = twins.computeIfAbsent(h.provenCa, Pki::twin);
                        notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, h.origin + ": the stand-in's certificate"
                                + " is signed by a twin of " + h.provenCa.getSubjectX500Principal().getName() + ", "
                                + h.provenCaWhere + "; the module trusts the twin in its place"));
                    } else {
                        stranger = stranger != null ? stranger : Pki.authority("atscope stand-in CA");
                        ca = stranger;
                        notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, h.origin + ": no recorded handshake"
                                + " verified the server's certificate, so the stand-in's comes from a CA the module was"
                                + " never given"));
                    }
                    Instant now = Instant.now();
                    identity = firstServer == null ? Pki.server(ca, name)
                            : Pki.server(ca, firstServer.keys(), now.minus(Duration.ofHours(1)),
                                    now.plus(Duration.ofDays(90)), name);
                    firstServer = firstServer == null ? identity : firstServer;
                    h.legacyVersions.forEach(v -> notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, h.origin
                            + ": the recorded server accepted " + RecordedExchanges.versions(v) + ", which this JDK does"
                            + " not speak: those handshakes are made with TLS 1.2 in its place")));
                    h.legacySuites.forEach(s -> notes.add(new ReplayNote(0, ReplayNote.Kind.ASSUMED, h.origin
                            + ": the recorded server accepted only cipher suites that this JDK refuses: those"
                            + " handshakes are made with its default suites in their place")));
                }
                standIns.put(h.origin, StandIn.start(h, identity));
                h.exchanges.forEach(x -> notes.add(note(x)));
            }
        } catch (IOException | RuntimeException e) {
            standIns.values().forEach(StandIn::close);
            throw e;
        }
        if (!hosts.isEmpty()) {
            notes.add(0, new ReplayNote(0, ReplayNote.Kind.ASSUMED, "the module reports no HTTP status: a stand-in"
                    + " answers 200 where the recorded request worked, with the body AT+QHTTPREAD read back (none"
                    + " when nothing was read)"));
        }
        CellularConditions cellular = CellularConditions.of(recording);
        notes.addAll(cellular.notes());
        Map<X509Certificate, X509Certificate> anchors = new HashMap<>();
        twins.forEach((original, twin) -> anchors.put(original, twin.certificate()));
        return new RecordedOrigin(standIns, anchors, cellular, notes);
    }

    private static ReplayNote note(RecordedExchange x) {
        String outcome = x.outcome();
        return switch (x.verdict().kind()) {
            case ANSWERED -> new ReplayNote(x.index(), ReplayNote.Kind.ASSUMED, "answered by the stand-in for "
                    + x.origin() + (x.body() == null ? ", with no body (none was read back)"
                            : " with the " + x.body().length + " bytes read back"));
            case SERVER_ERROR -> new ReplayNote(x.index(), ReplayNote.Kind.REPRODUCED, outcome + ": "
                    + x.verdict().why());
            case EXPLAINED -> new ReplayNote(x.index(), ReplayNote.Kind.EXPLAINED, outcome + " explained by the"
                    + " settings: " + x.verdict().why() + "; it happens for real against the stand-in, a current"
                    + " server" + (x.verdict().assumed() ? " (assumed: the recording does not say why)" : ""));
            case REPRODUCED -> new ReplayNote(x.index(), ReplayNote.Kind.REPRODUCED, outcome + " reproduced as recorded: "
                    + x.verdict().why() + ", which nothing the host sent explains");
        };
    }

    /** The cellular network as recorded, for the emulated module ({@link FaultProfile#NONE} when healthy). */
    public FaultProfile cellularNetwork() {
        return cellular.faults();
    }

    /** What was assumed, explained or reproduced, by recorded transaction (0: the replay as a whole). */
    public List<ReplayNote> notes() {
        return notes;
    }

    /** The origins it stands in for ({@code https://api.example.com:443}), in the recording's order. */
    public List<String> origins() {
        return List.copyOf(standIns.keySet());
    }

    @Override
    public synchronized Route route(Request r) {
        String key = RecordedExchange.origin(r.uri(), r.tls() != null);
        StandIn s = standIns.get(key);
        if (s == null) {
            return new Fail(ErrorSituation.NAME_NOT_RESOLVED, key + " is not an origin the recording contacted; the recorded origin stands in"
                    + " only for " + (standIns.isEmpty() ? "none" : String.join(", ", standIns.keySet())));
        }
        RecordedExchange x = s.next();
        if (x.verdict().kind() == RecordedExchange.Kind.REPRODUCED) {
            // a module that answered only ERROR (AT+CMEE=0) shows no code; any failure answers the same
            String why = "reproduced as recorded at transaction " + x.index() + ": " + x.verdict().why();
            return x.code() > 0 ? new Fail(x.code(), why) : new Fail(ErrorSituation.CONNECT_FAILED, why);
        }
        s.serve(x);
        List<String> protocols = List.of();
        List<String> suites = List.of();
        List<String> why = new ArrayList<>();
        why.add("the stand-in for " + key + " on " + s.address() + " answers as at transaction " + x.index());
        if (r.tls() != null && !CurrentServer.speaksAnyOf(r.tls()) && s.host.legacyVersions.contains(r.tls().version())) {
            protocols = List.of("TLSv1.2");
            why.add("TLS 1.2 in place of " + RecordedExchanges.versions(r.tls().version()) + ", which the recorded"
                    + " server accepted and this JDK does not speak");
        }
        if (r.tls() != null && !CurrentServer.acceptsAnyOf(r.tls()) && s.host.legacySuites.contains(r.tls().suites())) {
            suites = List.copyOf(CurrentServer.SUITES);
            why.add("the JDK's default cipher suites in place of those the recorded server accepted");
        }
        return new Connect(s.address(), protocols, suites, String.join("; ", why));
    }

    @Override
    public X509Certificate trustAnchor(X509Certificate uploaded) {
        return twins.getOrDefault(uploaded, uploaded);
    }

    @Override
    public void close() {
        standIns.values().forEach(StandIn::close);
    }
}
