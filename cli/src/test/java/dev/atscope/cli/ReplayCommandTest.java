package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.replay.FieldTraces;
import dev.atscope.core.trace.Trace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atscope replay against atscope mock on the loopback: the recorded host against the recorded module. */
class ReplayCommandTest {

    static final Path HTTPS = Path.of("../samples/traces/https-get.csv");

    static BackgroundCli mock(Path trace, String... more) {
        List<String> args = new ArrayList<>(List.of("mock", trace.toString(), "--listen", "tcp:127.0.0.1:0",
                "--latency-scale", "0.01", "--linger", "300"));
        args.addAll(List.of(more));
        return new BackgroundCli(args.toArray(String[]::new));
    }

    @Test
    void theSampleReplayedAgainstAMockOfItselfMatches(@TempDir Path dir) throws Exception {
        try (BackgroundCli mock = mock(HTTPS)) {
            Path recording = Files.copy(HTTPS, dir.resolve("https-get.csv"));
            Path out = dir.resolve("new.csv");
            Path diff = dir.resolve("diff.jsonl");
            CliRun r = CliRun.of("replay", recording.toString(), "--target", "tcp:127.0.0.1:" + mock.port(),
                    "--timing", "fast", "--out", out.toString(), "--diff", diff.toString(), "--out-dir", dir.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("  11  same         AT+QHTTPGET=60")
                    .contains("13 transactions: 13 same, 0 differ, 0 missing, 0 with other URCs");
            CliRun m = mock.finish();
            assertThat(m.code()).isZero();
            assertThat(m.out().replace("\n", " ")).contains("answered 13 of 13 recorded transactions to 13 host"
                    + " commands; the host followed the recording");
            // the new trace is a trace like any other: it decodes to the same 13 transactions
            CliRun decoded = CliRun.of("decode", out.toString());
            assertThat(decoded.out()).contains("13 transactions, 13 ok");
            assertThat(Trace.read(out).metadata().tags()).containsEntry("replay-timing", "fast");
            List<JsonNode> lines = jsonLines(diff);
            assertThat(lines).hasSize(15); // the URCs before the first command, 13 transactions, the summary
            // without --html, the page goes into --out-dir, named after the recording, and the run says where
            Path page = dir.resolve("https-get.replay.html");
            assertThat(r.out()).contains(page + " (both side by side)");
            assertThat(Files.readString(page)).contains("\"clean\":true");
            assertThat(lines.get(14).get("clean").asBoolean()).isTrue();
        }
    }

    @Test
    void againstTheFieldFailureTheExitCodeIsOneAndTheDiffNamesTheFailedTransactions(@TempDir Path dir)
            throws Exception {
        Path field = dir.resolve("field.csv");
        FieldTraces.failing().write(field);
        try (BackgroundCli mock = mock(field)) {
            Path diff = dir.resolve("diff.jsonl");
            Path page = dir.resolve("side-by-side.html");
            CliRun r = CliRun.of("replay", HTTPS.toString(), "--target", "tcp:127.0.0.1:" + mock.port(),
                    "--timing", "fast", "--out", dir.resolve("new.csv").toString(), "--diff", diff.toString(),
                    "--html", page.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("      " + page + " (both side by side)\n");
            // the page holds the recording's name, the target and both answers of AT+QHTTPGET
            String html = Files.readString(page);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("replay of https-get.csv")
                    .contains("\"target\":\"tcp:127.0.0.1:" + mock.port() + "\"")
                    .contains("[\"changed\",\"OK\",\"+CME ERROR: 3815\"]");
            assertThat(r.out()).contains("  11  differs      AT+QHTTPGET=60\n                  - OK\n"
                    + "                  + +CME ERROR: 3815\n")
                    .contains("13 transactions: 11 same, 2 differ, 0 missing, 0 with other URCs");
            List<JsonNode> lines = jsonLines(diff);
            List<String> differing = new ArrayList<>();
            for (JsonNode l : lines) {
                if (l.get("type").asText().equals("transaction") && !l.get("status").asText().equals("same")) {
                    differing.add(l.get("index").asInt() + " " + l.get("command").asText());
                }
            }
            assertThat(differing).containsExactly("11 AT+QHTTPGET=60", "12 AT+QHTTPREAD=30");
            JsonNode get = lines.stream().filter(l -> l.path("index").asInt() == 11).findFirst().orElseThrow();
            assertThat(get.get("replayed").get("result").asText()).isEqualTo("+CME ERROR: 3815");
            assertThat(get.get("lines").get(0).get("op").asText()).isEqualTo("changed");
            assertThat(lines.get(lines.size() - 1).get("differs").asInt()).isEqualTo(2);
            mock.finish();
        }
    }

    @Test
    void jsonOnStandardOutputAndTheBootLeftOut(@TempDir Path dir) throws Exception {
        // a module that is already up: the sample without its first five rows, RDY ... SMS Ready
        List<String> rows = new ArrayList<>(Files.readAllLines(HTTPS));
        int header = rows.indexOf("time_us,dir,kind,data");
        rows.subList(header + 1, header + 6).clear();
        Path up = dir.resolve("up.csv");
        Files.write(up, rows);
        try (BackgroundCli mock = mock(up)) {
            CliRun r = CliRun.of("replay", HTTPS.toString(), "--target", "tcp:127.0.0.1:" + mock.port(),
                    "--timing", "scaled:0.01", "--skip-boot", "--json", "--out", dir.resolve("new.csv").toString(),
                    "--diff", dir.resolve("diff.jsonl").toString(), "--html", dir.resolve("up.html").toString());
            assertThat(r.code()).as(r.err()).isZero();
            ObjectMapper m = new ObjectMapper();
            List<JsonNode> lines = new ArrayList<>();
            for (String l : r.out().split("\n")) {
                lines.add(m.readTree(l));
            }
            assertThat(lines).hasSize(14); // no slot for the boot: 13 transactions and the summary
            assertThat(lines.get(0).get("index").asInt()).isEqualTo(1);
            assertThat(lines.get(4).get("command").asText()).isEqualTo("AT+QILOCIP");
            assertThat(lines.get(13).get("same").asInt()).isEqualTo(13);
            assertThat(Files.readString(dir.resolve("diff.jsonl")).strip()).isEqualTo(r.out().strip());
            mock.finish();
        }
    }

    @Test
    void aStrictMockStopsAtTheFirstCommandTheRecordingDoesNotHave(@TempDir Path dir) throws Exception {
        try (BackgroundCli mock = mock(HTTPS)) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
                OutputStream o = s.getOutputStream();
                o.write("AT+QIFGCNT=0\rAT+CSQ\r".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                InputStream in = s.getInputStream();
                String heard = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(heard).contains("AT+QIFGCNT=0\r\r\nOK\r\n").doesNotContain("CSQ");
            }
            CliRun m = mock.finish();
            assertThat(m.code()).isEqualTo(1);
            assertThat(m.out().replace("\n", " ")).contains("stopped: host command 2 AT+CSQ diverges where the recording has"
                    + " AT+QICSGP=1,\"CMNET\" (transaction 2, trace line 18)");
        }
    }

    @Test
    void anUnknownTargetIsAUsageErrorThatListsTheKnownOnes(@TempDir Path dir) {
        CliRun r = CliRun.of("replay", HTTPS.toString(), "--target", "bluetooth:00:11", "--out-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--target bluetooth:00:11: unknown link; expected one of tcp:HOST:PORT");
    }

    @Test
    void badTimingAndBadPortsAreUsageErrors(@TempDir Path dir) {
        CliRun timing = CliRun.of("replay", HTTPS.toString(), "--target", "tcp:127.0.0.1:1", "--timing", "slow",
                "--out-dir", dir.toString());
        assertThat(timing.code()).isEqualTo(2);
        assertThat(timing.err()).contains("--timing slow: expected original, lockstep, fast or scaled:FACTOR");
        CliRun port = CliRun.of("replay", HTTPS.toString(), "--target", "tcp:127.0.0.1:http", "--out-dir",
                dir.toString());
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("expected tcp:HOST:PORT");
    }

    @Test
    void aMaskFileWithABadRuleNamesItsLine(@TempDir Path dir) throws Exception {
        Path masks = dir.resolve("masks.txt");
        Files.writeString(masks, "# cookies\ncookie: sid=[\n");
        CliRun r = CliRun.of("replay", HTTPS.toString(), "--target", "tcp:127.0.0.1:1", "--masks", masks.toString(),
                "--out-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(masks + ":2: expected NAME: REGEX");
    }

    static List<JsonNode> jsonLines(Path file) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(m.readTree(l));
        }
        return out;
    }
}
