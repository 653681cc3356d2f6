package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a network namespace with nothing but loopback ({@code unshare -rn}, util-linux), when the
 * note's session, recorded against a server in the field, is replayed there against the emulator,
 * then it replays clean with its recorded origin, and against the live origin it cannot reach the
 * field: so a recorded-origin replay that needed anything beyond this machine would fail here.
 */
@Timeout(180)
class OfflineReplayTest {

    static final Path SAMPLE = Path.of("..", "samples", "traces", "https-get.csv").toAbsolutePath();

    /** The command line in a new JVM, in a namespace of its own whose only network is loopback. */
    static CliRun offline(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
                java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(new File(".")).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the replay in the namespace did not end: " + Files.readString(err));
        }
        return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static String[] replay(Path dir, String... more) {
        List<String> a = new ArrayList<>(List.of("replay", SAMPLE.toString(), "--target", "emulator", "--timing", "fast",
                "--out", dir.resolve("r.csv").toString(), "--diff", dir.resolve("r.jsonl").toString(), "--html",
                dir.resolve("r.html").toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void theRecordedOriginNeedsNothingButLoopback(@TempDir Path dir) throws Exception {
        CliRun r = offline(dir, replay(dir));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("13 transactions: 13 same, 0 differ");
        assertThat(r.err()).contains("-> 200, 1964 bytes (TLSv1.2");
    }

    @Test
    void theLiveOriginCannotReachTheFieldFromThere(@TempDir Path dir) throws Exception {
        CliRun r = offline(dir, replay(dir, "--origin", "live", "--system-dns"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("11\\s+differs\\s+AT\\+QHTTPGET=60\\n\\s+- OK\\n\\s+\\+ \\+CME ERROR: 3815");
        assertThat(r.err()).contains("cannot connect to 220.180.239.201:8417");
    }
}
