package dev.atscope.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.Severity;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The real field logs of {@code samples/field-logs}, checked the way {@code atscope check FILE}
 * checks them (libraries chosen from each log's traffic): only the real failures are errors. An
 * error finding is about a command the module refused (its final result, or the line that
 * completes it, says so) and, for a log decoded as its reading says, that the person's reading
 * marks {@code error}; a finding about a command the module accepted is at most a warning. A log the importers cannot
 * read yet has nothing to check (the corpus test counts it).
 */
class FieldLogCheckTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** What checking one log gave. */
    record Checked(String vendor, List<Diagnostic> findings, Map<Long, Transaction> transactions,
            List<SessionSummary> sessions) {}

    static Checked check(Path log) throws IOException {
        try (TraceReader reader = Traces.open(log.toString(), ImportOptions.defaults().withModel(REGISTRY))) {
            LibrarySelection selection = new LibrarySelection(REGISTRY);
            List<Diagnostic> findings = new ArrayList<>();
            List<SessionSummary> sessions = new ArrayList<>();
            Map<Long, Transaction> transactions = new HashMap<>();
            SessionTracker tracker = new SessionTracker(selection, sessions::add);
            TraceChecker checker = new TraceChecker(selection, findings::add);
            TraceDecoding.decode(reader, selection, d -> {
                if (d instanceof Transaction t) {
                    transactions.put(t.id(), t);
                }
                tracker.accept(d);
                checker.accept(d);
            });
            checker.finish();
            tracker.finish();
            return new Checked(selection.vendor().map(ProtocolLibrary::id).orElse(null), findings, transactions,
                    sessions);
        }
    }

    @TestFactory
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> onlyTheRealFailuresOfEachLogAreErrors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path log : FieldLogCorpusTest.logs()) {
            String base = log.getFileName().toString().replaceFirst("\\.log$", "");
            FieldLogReading reading = FieldLogReading.parse(log.resolveSibling(base + ".reading"));
            Checked checked;
            try {
                checked = check(log);
            } catch (TraceFormatException e) {
                continue; // not read yet: FieldLogCorpusTest holds the reading to that
            }
            Checked c = checked;
            tests.add(DynamicTest.dynamicTest(base, () -> {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                for (Diagnostic d : c.findings()) {
                    if (d.severity() != Severity.ERROR) {
                        continue;
                    }
                    Transaction t = c.transactions().get(d.where().transactionId());
                    if (t == null) {
                        // a module's own report (a URC): the line it quotes is in the log
                        assertThat(text).as("%s (%s): %s", base, reading.header().get("source"), d)
                                .contains(d.message().replaceAll("^.*\\((\\+[^)]*)\\).*$", "$1"));
                        continue;
                    }
                    if (reading.knownWrong() != null) {
                        continue; // decoded unlike the reading: the checker sees what the decoder gave it
                    }
                    boolean refused = t.outcome() == Outcome.ERROR || d.ruleId().equals("result.completion");
                    assertThat(refused).as("%s (%s): an error about a command the module accepted: %s", base,
                            reading.header().get("source"), d).isTrue();
                    if (d.ruleId().equals("result.completion")) {
                        // accepted with OK, then failed: the reading names the line that says so
                        assertThat(reading.commands()).as("%s: the reading gives %s's failed completion", base,
                                t.command().text()).anySatisfy(e -> {
                                    assertThat(e.command()).isEqualToIgnoringCase(t.command().text());
                                    assertThat(e.facts()).anySatisfy(f -> {
                                        assertThat(f.getKey()).isEqualTo("completion");
                                        assertThat(d.message()).contains(f.getValue());
                                    });
                                });
                        continue;
                    }
                    assertThat(reading.commands()).as("%s: the reading marks %s a failure", base, t.command().text())
                            .anySatisfy(e -> {
                                assertThat(e.command()).isEqualToIgnoringCase(t.command().text());
                                assertThat(e.outcomes()).contains("error");
                            });
                }
                String module = reading.header().getOrDefault("module", "").toUpperCase(Locale.ROOT);
                if (module.matches(".*\\b(BG9[56]|EC2[15]|EG2[15]|BG77\\w*)\\b.*")) {
                    assertThat(c.vendor()).as("%s is an LTE module", base).isNotEqualTo("quectel-gsm-https");
                }
                if (module.contains("M-SERIES")) {
                    assertThat(c.vendor()).as("%s is an M-series module", base).isNotEqualTo("quectel-lte");
                }
            }));
        }
        assertThat(tests).as("logs the importers read").hasSizeGreaterThan(20);
        return tests.stream();
    }
}
