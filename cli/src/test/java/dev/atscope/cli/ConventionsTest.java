package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's conventions, tested once for every command that reads traces: a folder, standard
 * input, an existing output, an output that is an input, a missing output folder, NO_COLOR and 80
 * columns. A new command is covered by adding a row to {@link #readers()}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConventionsTest {

    static final Path SAMPLES = Path.of("../samples/traces");

    /**
     * How a command that reads traces is run.
     *
     * @param command its name
     * @param many whether it reads several traces (else one, and a folder is refused)
     * @param output the option naming its output file, or null
     * @param extension the extension of the outputs it writes into a folder
     * @param extra what else it needs ({@code --to pcapng}); {@code DIR} stands for a scratch folder
     */
    record Reader(String command, boolean many, String output, String extension, List<String> extra) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Reader> readers() {
        return Stream.of(
                new Reader("decode", true, null, null, List.of()),
                new Reader("check", true, null, null, List.of()),
                new Reader("index", true, null, null, List.of("--index", "DIR/idx")),
                new Reader("report", true, "-o", ".html", List.of()),
                new Reader("import", true, "-o", ".csv", List.of()),
                new Reader("export", true, "-o", ".pcapng", List.of("--to", "pcapng")),
                new Reader("replay", false, "--out", ".csv", List.of("--target", "emulator", "--timing", "fast",
                        "--out-dir", "DIR")),
                new Reader("mock", false, null, null, List.of("--listen", "tcp:127.0.0.1:0", "--linger", "0")));
    }

    @TempDir
    Path dir;

    @AfterEach
    void environmentBack() {
        Screen.environment = System.getenv();
    }

    /** Runs a command on traces with more arguments; mock is given a host that connects and leaves. */
    private CliRun run(Reader r, List<String> traces, String... more) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(r.command());
        args.addAll(traces);
        for (String e : r.extra()) {
            args.add(e.replace("DIR", dir.toString()));
        }
        args.addAll(List.of(more));
        if (!r.command().equals("mock")) {
            return CliRun.of(args.toArray(String[]::new));
        }
        BackgroundCli mock = new BackgroundCli(args.toArray(String[]::new));
        int port;
        try {
            port = mock.port();
        } catch (AssertionError ended) {
            return mock.finish();
        }
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return mock.finish();
    }

    /** Exit codes that mean "read it": ok, or findings (a replay that differs, a mock's host that left). */
    private static boolean read(CliRun r) {
        return r.code() == 0 || r.code() == 1;
    }

    private Path copy(String sample) throws Exception {
        return Files.copy(SAMPLES.resolve(sample), dir.resolve(sample));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aFolderIsReadRecursivelyOrRefusedByACommandThatReadsOne(Reader r) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs/bench"));
        Files.copy(SAMPLES.resolve("https-get.csv"), logs.resolve("https-get.csv"));
        Files.copy(SAMPLES.resolve("ssl-certificates-ram.csv"), dir.resolve("logs/ssl-certificates-ram.csv"));
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> more = r.output() == null || !r.many() ? List.of() : List.of(r.output(), out.toString());
        CliRun run = run(r, List.of(dir.resolve("logs").toString()), more.toArray(String[]::new));
        if (!r.many()) {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("atscope: " + dir.resolve("logs") + ": is a folder; " + r.command()
                    + " reads one trace\n");
            return;
        }
        assertThat(run.code()).as(run.err()).isZero();
        if (r.output() != null) {
            // one output each, beside where its input sat below the folder
            assertThat(out.resolve("bench/https-get" + r.extension())).isNotEmptyFile();
            assertThat(out.resolve("ssl-certificates-ram" + r.extension())).isNotEmptyFile();
        } else if (!r.command().equals("index")) {
            assertThat(run.out()).contains("https-get.csv").contains("ssl-certificates-ram.csv");
        } else {
            assertThat(run.out()).startsWith("indexed 2 files, 16 transactions");
        }
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aDashIsStandardInput(Reader r) throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(SAMPLES.resolve("https-get.csv"))));
            String[] more = r.output() == null ? new String[0] : new String[] {r.output(), dir.resolve("o" + r.extension()).toString()};
            CliRun run = run(r, List.of("-"), more);
            assertThat(read(run)).as(run.out() + run.err()).isTrue();
            assertThat(run.err()).doesNotContain("no such file");
            if (r.command().equals("decode") || r.command().equals("index")) {
                assertThat(run.out()).contains("13 transactions");
            }
        } finally {
            System.setIn(saved);
        }
    }

    @ParameterizedTest
    @MethodSource("readers")
    void anExistingOutputIsKeptUnlessForced(Reader r) throws Exception {
        if (r.output() == null) {
            return; // reads only
        }
        Path trace = copy("https-get.csv");
        Path out = dir.resolve("mine" + r.extension());
        Files.writeString(out, "a file of the user's\n");
        CliRun refused = run(r, List.of(trace.toString()), r.output(), out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("atscope: " + out + ": exists; give --force to replace it\n");
        assertThat(Files.readString(out)).isEqualTo("a file of the user's\n");
        CliRun forced = run(r, List.of(trace.toString()), r.output(), out.toString(), "--force");
        assertThat(read(forced)).as(forced.err()).isTrue();
        assertThat(Files.readAllBytes(out)).isNotEqualTo("a file of the user's\n".getBytes());
    }

    @ParameterizedTest
    @MethodSource("readers")
    void anOutputThatIsAnInputIsRefusedEvenWhenForced(Reader r) throws Exception {
        if (r.output() == null) {
            return;
        }
        Path trace = copy("https-get.csv");
        byte[] before = Files.readAllBytes(trace);
        CliRun run = run(r, List.of(trace.toString()), r.output(), trace.toString(), "--force");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("atscope: " + trace + ": is also an input; write the output elsewhere\n");
        assertThat(Files.readAllBytes(trace)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("readers")
    void aMissingOutputFolderIsOneMessageBeforeAnythingStarts(Reader r) throws Exception {
        Path missing = dir.resolve("missing/deeper");
        String option = r.output() != null ? r.output() : r.command().equals("index") ? "--index" : null;
        if (option == null) {
            return;
        }
        Path out = missing.resolve("x" + (r.extension() == null ? "" : r.extension()));
        String trace = SAMPLES.resolve("https-get.csv").toString();
        CliRun run = r.command().equals("index") ? CliRun.of("index", trace, "--index", out.toString())
                : run(r, List.of(trace), option, out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("atscope: " + out + ": the folder " + missing + " does not exist\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("readers")
    void underNoColorAtEightyColumnsNothingIsColouredAndNoLineIsWider(Reader r) throws Exception {
        Screen.environment = Map.of("NO_COLOR", "1", "TERM", "xterm-256color");
        Path trace = copy("https-get.csv");
        String[] more = r.output() == null ? new String[0] : new String[] {r.output(), dir.resolve("o" + r.extension()).toString()};
        CliRun run = run(r, List.of(trace.toString()), more);
        assertThat(read(run)).as(run.err()).isTrue();
        assertThat(run.out() + run.err()).doesNotContain("\u001b");
        for (String line : run.out().split("\n")) {
            assertThat(line).as("no trailing space").doesNotEndWith(" ");
            if (!line.contains(dir.toString())) { // a file's name is never cut
                assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            }
        }
    }

    /** The summary line each command prints after its work. */
    private static final Map<String, String> SUMMARY = Map.of("decode", "13 transactions, 13 ok", "check",
            ": 1 session, 0 errors, 1 warning", "index", "indexed 1 file", "report", ": 13 transactions, 1 session",
            "import", "imported ", "export", "exported ", "replay", "wrote ", "mock", "answered ");

    @ParameterizedTest
    @MethodSource("readers")
    void quietDropsTheSummary(Reader r) throws Exception {
        Path trace = copy("https-get.csv");
        String[] more = r.output() == null ? new String[0] : new String[] {r.output(), dir.resolve("o" + r.extension()).toString()};
        CliRun loud = run(r, List.of(trace.toString()), more);
        assertThat(loud.out()).as(loud.err()).contains(SUMMARY.get(r.command()));
        Files.deleteIfExists(dir.resolve("o" + r.extension()));
        for (String f : new String[] {"https-get.replay-diff.jsonl", "https-get.replay.html"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        List<String> quietMore = new ArrayList<>(List.of(more));
        quietMore.add("--quiet");
        CliRun quiet = run(r, List.of(trace.toString()), quietMore.toArray(String[]::new));
        assertThat(read(quiet)).as(quiet.err()).isTrue();
        assertThat(quiet.out()).doesNotContain(SUMMARY.get(r.command()));
    }

    @Test
    void searchPrintsNoColourIntoAPipeEvenForBoldMatches() throws Exception {
        Path idx = dir.resolve("idx");
        assertThat(CliRun.of("index", SAMPLES.toString(), "--index", idx.toString()).code()).isZero();
        CliRun plain = CliRun.of("search", "--index", idx.toString(), "3815", "OR", "cmnet");
        assertThat(plain.out()).doesNotContain("\u001b").contains("CMNET");
        CliRun asked = CliRun.of("search", "--index", idx.toString(), "--color", "always", "cmnet");
        assertThat(asked.out()).contains("\u001b[1mCMNET\u001b[0m");
    }

    @Test
    void captureSaysAMissingOutputFolderBeforeItOpensAnything() {
        Path out = dir.resolve("cap/x.csv");
        CliRun run = CliRun.of("capture", "--bridge", "/dev/nonexistent-port", "-o", out.toString(), "--live");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("atscope: " + out + ": the folder " + dir.resolve("cap") + " does not exist\n");
        assertThat(run.out()).isEmpty();
    }
}
