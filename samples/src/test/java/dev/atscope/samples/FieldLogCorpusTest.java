package dev.atscope.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The corpus of real field logs under {@code samples/field-logs}: each log is read the way
 * {@code atscope decode FILE} reads it (format detected from the content), decoded, and compared
 * with the person's reading beside it. A reading marked {@code right} must match; one marked
 * {@code wrong: <reason>} must still differ, so that a reader that learns to read it forces the mark
 * off. The score is printed and written to {@code target/field-log-score.txt}, every log's
 * comparison line by line to {@code target/field-log-differences.txt}.
 */
class FieldLogCorpusTest {

    static final Path CORPUS = Path.of("field-logs");
    static final Path SCORE = Path.of("target", "field-log-score.txt");
    static final Path DIFFERENCES = Path.of("target", "field-log-differences.txt");
    /**
     * The score the corpus has reached: logs right, commands matched, outcomes agreeing. The test
     * fails when any of them falls below; raise them as the readers get better (and the README's
     * score table with them), never lower them to let a change through.
     */
    static final FieldLogScore.Totals FLOOR = new FieldLogScore.Totals(47, 369, 369);
    /** Generous: the largest log decodes in well under a second; some readers have hung on odd input. */
    static final Duration DECODE_LIMIT = Duration.ofSeconds(60);

    @TestFactory
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> everyLogReadsAsItsReadingSays() throws IOException {
        List<FieldLogVerdict> verdicts = new ArrayList<>();
        for (Path log : logs()) {
            Path readingFile = log.resolveSibling(baseName(log) + ".reading");
            assertThat(readingFile).as("the reading of " + log).exists();
            FieldLogReading reading = FieldLogReading.parse(readingFile);
            verdicts.add(FieldLogVerdict.of(reading, decodeWithin(log, DECODE_LIMIT)));
        }
        String score = FieldLogScore.of(verdicts);
        System.out.print(score);
        Files.createDirectories(SCORE.getParent());
        Files.writeString(SCORE, score, StandardCharsets.UTF_8);
        StringBuilder differences = new StringBuilder();
        for (FieldLogVerdict v : verdicts) {
            differences.append("== ").append(v.reading().name()).append(v.right() ? " (right)" : " (wrong)").append('\n');
            v.lines().forEach(l -> differences.append(l).append('\n'));
        }
        Files.writeString(DIFFERENCES, differences, StandardCharsets.UTF_8);
        FieldLogScore.Totals totals = FieldLogScore.totals(verdicts);
        DynamicTest floor = DynamicTest.dynamicTest("the score does not fall", () -> assertThat(totals.atLeast(FLOOR))
                .as("the corpus's score %s is below the floor %s:%n%s", totals, FLOOR, score).isTrue());
        return Stream.concat(Stream.of(floor),
                verdicts.stream().map(v -> DynamicTest.dynamicTest(v.reading().name(), () -> check(v))));
    }

    @TestFactory
    Stream<DynamicTest> theReadmeNamesEveryLogWithItsSource() throws IOException {
        String readme = Files.readString(CORPUS.resolve("README.md"), StandardCharsets.UTF_8);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path log : logs()) {
            FieldLogReading reading = FieldLogReading.parse(log.resolveSibling(baseName(log) + ".reading"));
            String row = "| `" + log.getFileName() + "` | " + reading.header().get("source") + " |";
            tests.add(DynamicTest.dynamicTest(reading.name(), () -> assertThat(readme.contains(row))
                    .as("field-logs/README.md has a row starting %s", row).isTrue()));
        }
        return tests.stream();
    }

    private static void check(FieldLogVerdict v) {
        String differences = String.join("\n", v.lines());
        if (v.reading().right()) {
            assertThat(v.right()).as("%s decodes as its reading says; line by line:%n%s", v.reading().name(), differences)
                    .isTrue();
        } else {
            assertThat(v.right()).as("%s is marked 'wrong: %s' but now decodes as its reading says:"
                    + " change its status to 'right'", v.reading().name(), v.reading().knownWrong()).isFalse();
        }
    }

    static List<Path> logs() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    private static String baseName(Path log) {
        String n = log.getFileName().toString();
        return n.substring(0, n.length() - ".log".length());
    }

    /**
     * Imports and decodes a log on a thread of its own, giving up after the limit: a reader that
     * loops on odd input must not hang the build. The abandoned thread is a daemon.
     */
    static FieldLogVerdict.Decoding decodeWithin(Path log, Duration limit) {
        FutureTask<FieldLogVerdict.Decoding> task = new FutureTask<>(() -> decode(log));
        Thread thread = new Thread(task, "decode " + log.getFileName());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return FieldLogVerdict.Decoding.failed("hangs: no end after " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String first = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return FieldLogVerdict.Decoding.failed(cause instanceof TraceFormatException
                    ? "refused: " + first
                    : "crashes: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FieldLogVerdict.Decoding.failed("interrupted");
        }
    }

    private static FieldLogVerdict.Decoding decode(Path log) throws IOException {
        List<Transaction> transactions = new ArrayList<>();
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        try (TraceReader reader = Traces.open(log, ImportOptions.defaults().withModel(registry))) {
            // read before the first entry, as atscope decode prints it in its header
            boolean synthetic = reader.metadata().synthetic();
            // the vendor library chosen from the traffic, as atscope decode chooses it
            TraceDecoding.decode(reader, new LibrarySelection(registry, null), d -> {
                if (d instanceof Transaction t) {
                    transactions.add(t);
                }
            });
            return new FieldLogVerdict.Decoding(transactions, synthetic, null);
        }
    }
}
