package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher's class-data archives are only as good as their training runs: given the sample
 * trace, every trained command works (a renamed option would leave its classes out of the archive
 * without a word), and the training leaves nothing behind.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArchiveTrainingTest {

    @Test
    void everyTrainedCommandWorksOnTheSampleAndNothingIsLeft() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        for (String group : new String[] {"stream", "index"}) {
            assertThat(ArchiveTraining.train(group, "../samples/traces/https-get.csv")).as(group).isEmpty();
        }
        assertThat(leftovers(tmp)).isEqualTo(before);
        // a trace that is not there is a failure the launcher sees (it then keeps no archive)
        assertThat(ArchiveTraining.train("stream", "../samples/traces/no-such.csv")).isNotEmpty();
    }

    private static long leftovers(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("atscope-archive-")).count();
        }
    }
}
