package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's traces are read side by side, one a processor, and what each printed comes out in the
 * order of the files, whole: the same as each file on its own, one after the other.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FolderOrderTest {

    @TempDir
    Path dir;

    /** The sample traces and field logs (real logs from public issue threads), copied in a known order. */
    private List<Path> folder() throws Exception {
        List<Path> from = new ArrayList<>();
        try (var s = Files.list(Path.of("../samples/traces"))) {
            s.sorted().forEach(from::add);
        }
        try (var s = Files.list(Path.of("../samples/field-logs"))) {
            s.filter(p -> p.toString().endsWith(".log")).sorted().limit(12).forEach(from::add);
        }
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            Path to = dir.resolve(String.format("%02d-%s", i, from.get(i).getFileName()));
            Files.copy(from.get(i), to, StandardCopyOption.REPLACE_EXISTING);
            copies.add(to);
        }
        return copies;
    }

    @Test
    void checkPrintsEachFileWholeInTheFilesOrder() throws Exception {
        List<Path> files = folder();
        CliRun all = CliRun.of("check", "--json", dir.toString());
        StringBuilder oneByOne = new StringBuilder();
        for (Path f : files) {
            oneByOne.append(CliRun.of("check", "--json", f.toString()).out());
        }
        assertThat(all.out()).isNotEmpty().isEqualTo(oneByOne.toString());
        CliRun text = CliRun.of("check", dir.toString());
        List<String> summaries = text.out().lines().filter(l -> l.matches("\\S+: \\d+ sessions?, .*")).toList();
        assertThat(summaries).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            assertThat(summaries.get(i)).startsWith(files.get(i).toString());
        }
        assertThat(text.out()).endsWith(files.size() + " files: " + summaries.stream().mapToInt(FolderOrderTest::errors).sum()
                + " errors, " + summaries.stream().mapToInt(FolderOrderTest::warnings).sum() + " warnings\n");
    }

    @Test
    void decodeJsonPrintsEachFileWholeInTheFilesOrder() throws Exception {
        List<Path> files = folder();
        StringBuilder oneByOne = new StringBuilder();
        StringBuilder warnings = new StringBuilder();
        for (Path f : files) {
            CliRun r = CliRun.of("decode", "--json", f.toString());
            oneByOne.append(r.out());
            warnings.append(r.err());
        }
        CliRun all = CliRun.of("decode", "--json", dir.toString());
        assertThat(all.out().lines().count()).isGreaterThan(100);
        assertThat(all.out()).isEqualTo(oneByOne.toString());
        assertThat(all.err()).isEqualTo(warnings.toString());
    }

    @Test
    void aSpoolPastItsMemoryGoesToAFileAndComesBackTheSame() throws Exception {
        Spool spool = new Spool();
        PrintWriter p = spool.printer();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; expected.length() <= 3 * Spool.IN_MEMORY; i++) {
            String line = "line " + i + " \u00e9\u4e2d " + "x".repeat(i % 97);
            p.println(line);
            expected.append(line).append(System.lineSeparator());
        }
        p.flush();
        java.io.StringWriter back = new java.io.StringWriter();
        spool.drainTo(new PrintWriter(back));
        assertThat(back.toString()).isEqualTo(expected.toString());
    }

    private static int errors(String summary) {
        return count(summary, "error");
    }

    private static int warnings(String summary) {
        return count(summary, "warning");
    }

    private static int count(String summary, String word) {
        var m = java.util.regex.Pattern.compile("(\\d+) " + word).matcher(summary);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
