package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user can point atscope at that is not a plain trace: a FIFO, a folder, a dangling link, a
 * file named with terminal escapes, a ticket's attachments. Each gets one clear line naming it, and
 * nothing waits for ever.
 */
class BadInputPathsTest {

    static final Path HTTPS = Path.of("../samples/traces/https-get.csv");

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path f = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", f.toString()).start();
        assertThat(p.waitFor()).isZero();
        return f;
    }

    /** What a file without AT traffic gets, in one line. */
    static final String NO_TRAFFIC = "no AT traffic in it (no command line such as AT+CGMI, no result such as OK); the"
            + " nearest layout is transcript (line 1: no AT command line; expected a transcript with commands such as"
            + " AT+CGMI) (--verbose says what each format found)";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoWithoutWriterIsRefusedAtOnceUnlessAFormatIsNamed() throws Exception {
        Path f = fifo("uart.fifo");
        // no writer: detection would block opening it, and then read its start twice
        CliRun r = CliRun.of("decode", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: " + f + ": not a regular file (a FIFO, socket or device): its format"
                + " cannot be detected, as that reads the start twice; name the format with --format to stream it\n");
        // with --format, it is streamed as a writer feeds it
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write(Files.readAllBytes(HTTPS));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun streamed = CliRun.of("decode", "--format", "native", f.toString());
        writer.get(30, TimeUnit.SECONDS);
        assertThat(streamed.code()).as(streamed.err()).isZero();
        assertThat(streamed.out()).contains("13 transactions, 13 ok");
    }

    @Test
    void aFolderGivenToACommandThatReadsOneTraceIsNamed() throws Exception {
        CliRun r = CliRun.of("replay", dir.toString(), "--target", "emulator", "--out-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: " + dir + ": is a folder; replay reads one trace\n");
        CliRun m = CliRun.of("mock", dir.toString(), "--listen", "tcp:127.0.0.1:0");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).isEqualTo("atscope: " + dir + ": is a folder; mock reads one trace\n");
    }

    @Test
    void anEmptyFolderIsAWrongFolderForEveryCommandThatReadsFolders() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve(".hidden.log"), "AT\r\nOK\r\n");
        for (List<String> args : List.of(List.of("decode", empty.toString()), List.of("check", empty.toString()),
                List.of("index", empty.toString(), "--index", dir.resolve("idx").toString()),
                List.of("report", empty.toString(), "-o", dir.resolve("out").toString()))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("atscope: " + empty
                    + ": no files in this folder; expected traces or logs in it or below it\n");
        }
        Files.copy(HTTPS, empty.resolve("uart.csv"));
        CliRun filtered = CliRun.of("check", empty.toString(), "--include", "*.log");
        assertThat(filtered.code()).isEqualTo(2);
        assertThat(filtered.err()).isEqualTo("atscope: " + empty + ": no files in this folder that --include and"
                + " --exclude let through; expected traces or logs in it or below it\n");
        assertThat(CliRun.of("check", empty.toString()).code()).isZero();
    }

    @Test
    void searchingAFolderThatHoldsNoIndexSaysSo() throws Exception {
        CliRun r = CliRun.of("search", "AT", "--index", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: " + dir + ": no atscope index here; create one with atscope index\n");
    }

    @Test
    void indexGivesTheReasonAFileCannotBeRead() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.copy(HTTPS, logs.resolve("good.csv"));
        Files.createSymbolicLink(logs.resolve("gone.csv"), dir.resolve("deleted.csv"));
        CliRun r = CliRun.of("index", logs.toString(), "--index", dir.resolve("idx").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: skipped " + logs.resolve("gone.csv") + ": a link to "
                + dir.resolve("deleted.csv") + ", which does not exist\n");
        assertThat(r.out()).startsWith("indexed 1 file, 13 transactions").contains("; 1 file skipped");
        // the reasons the file system gives are named, not left as the bare file name
        assertThat(TraceInputOptions.message(new AccessDeniedException("/logs/secret.csv"), false))
                .isEqualTo("/logs/secret.csv: permission denied");
    }

    @Test
    void aFileNameWithTerminalEscapesIsPrintedEscaped() throws Exception {
        Path evil = dir.resolve("log\u001b]0;pwned\u0007\u001b[2J.csv");
        Files.writeString(evil, "not a trace at all\n");
        CliRun r = CliRun.of("check", evil.toString(), HTTPS.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("log\\e]0;pwned\\x07\\e[2J.csv: ");
        assertThat(r.out()).doesNotContain("\u001b");
        CliRun decoded = CliRun.of("decode", "--format", "transcript", evil.toString());
        assertThat(decoded.err() + decoded.out()).doesNotContain("\u001b");
    }

    @Test
    void aTicketFolderGetsOneLinePerSkippedFileAndTheFormatsTriedOnlyWhenVerbose() throws Exception {
        Path ticket = Files.createDirectory(dir.resolve("ticket-4711"));
        Files.copy(HTTPS, ticket.resolve("uart.csv"));
        Files.writeString(ticket.resolve("mail.html"), "<html><body><p>see the attached log</p></body></html>\n");
        Files.write(ticket.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Files.createFile(ticket.resolve("empty.log"));
        CliRun r = CliRun.of("index", ticket.toString(), "--index", dir.resolve("idx").toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).containsExactlyInAnyOrder(
                "atscope: skipped " + ticket.resolve("empty.log") + ": an empty file",
                "atscope: skipped " + ticket.resolve("mail.html") + ": " + NO_TRAFFIC,
                "atscope: skipped " + ticket.resolve("photo.png") + ": " + NO_TRAFFIC);
        CliRun verbose = CliRun.of("index", "--verbose", ticket.toString(), "--index", dir.resolve("idx").toString());
        assertThat(verbose.err()).contains("; tried:").contains("  transcript: ");
        // --exclude leaves them out, and then nothing is wrong
        CliRun clean = CliRun.of("index", ticket.toString(), "--exclude", "*.html", "--exclude", "*.png", "--include",
                "*.csv", "--index", dir.resolve("idx").toString());
        assertThat(clean.code()).as(clean.err()).isZero();
        assertThat(clean.out()).startsWith("indexed 1 file, 13 transactions");
    }

    @Test
    void checkOfTwoFilesReportsTheBadOneInOneLineAndStillChecksTheOther() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "# atscope-trace: 1\ntime_us,dir,kind,data\n10,H>M,data,AT\\r\n5,M>H,data,OK\n");
        CliRun r = CliRun.of("check", "--fail-on", "warning", bad.toString(), HTTPS.toString());
        assertThat(r.err()).isEqualTo("atscope: " + bad + ":4: time goes backwards: 5 after 10; expected rows in time order\n");
        assertThat(r.out()).contains("security.no-auth").contains("2 files: 0 errors, 1 warning");
        assertThat(r.code()).as("the worst seen: a file not read").isEqualTo(2);
        CliRun good = CliRun.of("check", "--fail-on", "warning", HTTPS.toString());
        assertThat(good.code()).as("a warning with --fail-on warning").isEqualTo(1);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void wrappingATwoMegabyteLineIsLinear() {
        StringBuilder words = new StringBuilder();
        while (words.length() < 2_000_000) {
            words.append("AT+QHTTPGET ");
        }
        words.append("end");
        StringWriter out = new StringWriter();
        new FindingPrinter(new PrintWriter(out), false, 80).wrap("      ", words.toString());
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(2_000_000 / 80).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(words.toString());
        // a word longer than the line stands alone, whole
        StringWriter one = new StringWriter();
        new FindingPrinter(new PrintWriter(one), false, 80).wrap("  ", "x".repeat(2_000_000) + " tail");
        assertThat(one.toString().lines().toList()).containsExactly("  " + "x".repeat(2_000_000), "  tail");
    }
}
