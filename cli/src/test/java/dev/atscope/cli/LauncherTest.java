package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
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
 * The launcher ({@code ./atscope}) chooses the JVM's settings by command and input: the JIT's first
 * compiler alone for a streaming command with under 8 MB of input (the second one's compilations
 * cost more than they save there) and for a search; both for standard input, long inputs and serve,
 * the second inlining less than its defaults in the streaming commands (least in check and index).
 * Its dry run prints the java command line it would run, without building or running anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherTest {

    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;

    @Test
    void aShortInputRunsWithTheFirstCompilerAloneALongOneWithBoth() throws Exception {
        Path small = Files.writeString(dir.resolve("small.csv"), "time,direction,data\n");
        Path large = sparse(dir.resolve("large.pcapng"), 9L << 20);
        assertThat(launch("decode", small.toString())).contains(C1_ONLY).endsWith("decode", small.toString());
        assertThat(launch("check", "--json", small.toString())).contains(C1_ONLY);
        assertThat(launch("check", large.toString())).doesNotContain(C1_ONLY)
                .contains("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500");
        assertThat(launch("index", "--index", dir.resolve("i").toString(), large.toString()))
                .contains("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500");
        assertThat(launch("decode", "--json", large.toString())).doesNotContain(C1_ONLY)
                .contains("-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000");
        assertThat(launch("decode", small.toString())).noneMatch(a -> a.startsWith("-XX:FreqInlineSize"));
        assertThat(launch("check", small.toString(), large.toString())).as("the inputs' total").doesNotContain(C1_ONLY);
        // standard input: its size is unknown
        assertThat(launch("check", "-")).doesNotContain(C1_ONLY);
        assertThat(launch("check")).doesNotContain(C1_ONLY);
    }

    @Test
    void aFolderCountsWhatItHoldsAndWhereOutputGoesDoesNotCount() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("traces"));
        Files.writeString(folder.resolve("a.csv"), "time,direction,data\n");
        assertThat(launch("index", folder.toString(), "--index", dir.resolve("index").toString())).contains(C1_ONLY);
        Path index = Files.createDirectories(dir.resolve("big-index"));
        sparse(index.resolve("_0.cfs"), 40L << 20);
        assertThat(launch("index", folder.toString(), "--index", index.toString())).contains(C1_ONLY);
        Path out = sparse(dir.resolve("out.pcapng"), 40L << 20);
        assertThat(launch("export", folder.resolve("a.csv").toString(), "--to", "pcapng", "-o", out.toString()))
                .contains(C1_ONLY);
        sparse(folder.resolve("b.pcapng"), 20L << 20);
        assertThat(launch("check", folder.toString())).doesNotContain(C1_ONLY);
    }

    @Test
    void searchRunsWithTheFirstCompilerServeWithBothAndTheParallelCollector() throws Exception {
        assertThat(launch("search", "--index", dir.toString(), "error:3815")).contains(C1_ONLY, "-XX:+UseSerialGC");
        List<String> serve = launch("serve", "--index", dir.toString());
        assertThat(serve).contains("-XX:+UseParallelGC").doesNotContain(C1_ONLY, "-XX:+UseSerialGC")
                .noneMatch(a -> a.startsWith("-XX:FreqInlineSize"));
        assertThat(serve.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")))
                .singleElement().asString().endsWith("atscope-index.jsa");
        assertThat(launch("decode", "x").stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).toList())
                .allMatch(a -> a.endsWith("atscope-stream.jsa"));
    }

    @Test
    void theUsersOptionsComeLastSoTheyOverride() throws Exception {
        Path small = Files.writeString(dir.resolve("small.csv"), "time,direction,data\n");
        List<String> line = launch(List.of("ATSCOPE_JAVA_OPTS=-XX:TieredStopAtLevel=4 -Xmx1g"), "decode", small.toString());
        assertThat(line.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(line.indexOf(C1_ONLY));
        assertThat(line.indexOf("-Xmx1g")).isGreaterThan(line.indexOf("-Xmx200m"));
        assertThat(line.get(line.indexOf("-jar") + 1)).endsWith("atscope-cli.jar");
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private static List<String> launch(String... args) throws Exception {
        return launch(List.of(), args);
    }

    /** The launcher's command line for these arguments, one element an argument. */
    private static List<String> launch(List<String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "atscope").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("ATSCOPE_JAVA_OPTS");
        pb.environment().put("ATSCOPE_LAUNCHER_DRY_RUN", "1");
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> line = out.lines().toList();
        assertThat(line.get(0)).as(out).isEqualTo("java");
        return line;
    }
}
