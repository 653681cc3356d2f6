package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session tracker and the checker of one trace share one model of the module (the selection's
 * {@link LibrarySelection#states()}), each item applied once after both judged it. What they find
 * must be what each finds alone with a model of its own: the same findings, the same sessions and
 * outcomes, over the recorded traces, the field logs of public threads and generated traffic of
 * both shapes, fed in the order {@code check} and {@code index} feed them (sessions first).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedStatesTest {

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    static Path generated;

    static Stream<Path> traces() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(SAMPLES.resolve("traces"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(all::add);
        }
        try (Stream<Path> s = Files.list(SAMPLES.resolve("field-logs"))) {
            s.filter(p -> p.toString().endsWith(".log")).sorted().forEach(all::add);
        }
        for (TraceGenerator.Profile p : TraceGenerator.Profile.values()) {
            Path file = generated.resolve(p.name().toLowerCase() + ".csv");
            try (TraceWriter w = Traces.create(file, TraceMetadata.EMPTY)) {
                new TraceGenerator(7, p).write(w, 300_000);
            }
            all.add(file);
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void sharedStatesFindWhatSeparateOnesFind(Path trace) throws IOException {
        List<TraceEntry> entries = entries(trace);

        List<String> findingsAlone = new ArrayList<>();
        LibrarySelection forChecker = new LibrarySelection(REGISTRY);
        TraceChecker checkerAlone = new TraceChecker(forChecker, d -> findingsAlone.add(d.toString()));
        TraceDecoding.decode(entries, forChecker).forEach(checkerAlone::accept);
        checkerAlone.finish();

        List<String> sessionsAlone = new ArrayList<>();
        LibrarySelection forSessions = new LibrarySelection(REGISTRY);
        SessionTracker trackerAlone = new SessionTracker(forSessions, s -> sessionsAlone.add(s.toString()));
        TraceDecoding.decode(entries, forSessions).forEach(trackerAlone::accept);
        trackerAlone.finish();

        List<String> findings = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        LibrarySelection shared = new LibrarySelection(REGISTRY);
        SessionTracker tracker = new SessionTracker(shared, s -> sessions.add(s.toString()));
        TraceChecker checker = new TraceChecker(shared, d -> findings.add(d.toString()));
        for (Decoded d : TraceDecoding.decode(entries, shared)) {
            tracker.accept(d);
            checker.accept(d);
        }
        checker.finish();
        tracker.finish();

        assertThat(checker.states()).isSameAs(shared.states());
        assertThat(findings).as("findings of %s", trace).isEqualTo(findingsAlone);
        assertThat(sessions).as("sessions of %s", trace).isEqualTo(sessionsAlone);
    }

    private static List<TraceEntry> entries(Path trace) throws IOException {
        List<TraceEntry> out = new ArrayList<>();
        try (TraceReader r = Traces.open(trace)) {
            TraceEntry e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
        }
        return out;
    }
}
