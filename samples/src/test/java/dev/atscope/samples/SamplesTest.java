package dev.atscope.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.Severity;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every trace under samples/traces decodes cleanly, and the committed files match their scripts. */
class SamplesTest {

    static final Path TRACES = Path.of("traces");

    static Stream<Path> sampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(TRACES)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    static List<Decoded> decode(Path file) throws IOException {
        List<Decoded> out = new ArrayList<>();
        try (TraceReader r = Traces.open(file)) {
            TraceDecoding.decode(r, ProtocolRegistry.loadDefault(), out::add);
            assertThat(r.warnings()).isEmpty();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void everySampleDecodesWithoutNoiseOrUnansweredCommands(Path file) throws IOException {
        List<Decoded> all = decode(file);
        assertThat(all).filteredOn(d -> d instanceof Event e && e.kind() == EventKind.NOISE).isEmpty();
        List<Transaction> tx = all.stream().filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
        assertThat(tx).isNotEmpty();
        assertThat(tx).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.OK));
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void everySampleChecksCleanButForTheTrueWarning(Path file) throws IOException {
        List<Diagnostic> findings = TraceChecker.check(decode(file), ProtocolRegistry.loadDefault()).stream()
                .filter(d -> d.severity() != Severity.INFO).toList();
        if (file.getFileName().toString().equals("https-get.csv")) {
            // section 3.3 sets security level 0: HTTPS without authenticating the server, rightly warned about
            assertThat(findings).singleElement().satisfies(d -> {
                assertThat(d.ruleId()).isEqualTo("security.no-auth");
                assertThat(d.severity()).isEqualTo(Severity.WARNING);
            });
        } else {
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void theThreeNoteExamplesAreThere() throws IOException {
        assertThat(sampleFiles().map(p -> p.getFileName().toString()))
                .contains("https-get.csv", "ssl-certificates-ram.csv", "ssl-certificates-nvram.csv");
        List<Transaction> https = decode(TRACES.resolve("https-get.csv")).stream()
                .filter(d -> d instanceof Transaction).map(d -> (Transaction) d).toList();
        assertThat(https).map(t -> t.first().name()).containsExactly("+QIFGCNT", "+QICSGP", "+QIREGAPP", "+QIACT",
                "+QILOCIP", "+QSSLCFG", "+QSSLCFG", "+QSSLCFG", "+QSSLCFG", "+QHTTPURL", "+QHTTPGET", "+QHTTPREAD",
                "+QIDEACT");
    }

    @Test
    void committedSamplesMatchTheirScripts(@TempDir Path tmp) throws IOException {
        for (var s : SampleWriter.SAMPLES.entrySet()) {
            Path fresh = tmp.resolve(s.getKey());
            SampleWriter.write(s.getKey(), s.getValue().get(), fresh);
            assertThat(fresh).as("regenerate with: mvn -pl samples exec:java").hasSameTextualContentAs(
                    TRACES.resolve(s.getKey()));
        }
    }
}
