package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given the picocli annotations, the pages of docs/commands/ are what they generate: one per
 * subcommand, nothing stale. Run with {@code -Datscope.docs.update=true} to write them instead.
 */
class CommandPagesTest {

    static final Path FOLDER = Path.of("..").resolve(CommandPages.FOLDER);
    static final String REGENERATE = "regenerate them with mvn -B -o -pl cli -am test -Dtest=CommandPagesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Datscope.docs.update=true";

    @Test
    void everyCommandPageIsWhatTheAnnotationsGenerate() throws Exception {
        Map<String, String> pages = CommandPages.pages();
        if (Boolean.getBoolean("atscope.docs.update")) {
            CommandPages.main(new String[] {FOLDER.toString()});
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path stale : files.filter(f -> !pages.containsKey(f.getFileName().toString())).toList()) {
                    Files.delete(stale);
                }
            }
        }
        TreeSet<String> present;
        try (Stream<Path> files = Files.list(FOLDER)) {
            present = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(present).as("the pages of %s: %s", CommandPages.FOLDER, REGENERATE)
                .isEqualTo(new TreeSet<>(pages.keySet()));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            assertThat(Files.readString(FOLDER.resolve(page.getKey()), StandardCharsets.UTF_8))
                    .as("%s/%s is out of date: %s", CommandPages.FOLDER, page.getKey(), REGENERATE)
                    .isEqualTo(page.getValue());
        }
    }

    @Test
    void aPageShowsEveryOptionWithItsDefaultAsTheHelpDoes() {
        String check = CommandPages.pages().get("check.md");
        assertThat(check).startsWith(CommandPages.GENERATED).contains("# atscope check")
                .contains("| `--fail-on ").contains("| `--library ID` |");
        String replay = CommandPages.pages().get("replay.md");
        assertThat(replay).contains("`--timing").contains("`lockstep`");
        assertThat(CommandPages.pages().get("README.md")).contains("[`atscope decode`](decode.md)")
                .doesNotContain("help.md");
    }
}
