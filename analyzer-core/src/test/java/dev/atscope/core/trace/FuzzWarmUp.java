package dev.atscope.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Before fuzzing (JAZZER_FUZZ set), runs a fuzz target once on each of its class's shared inputs,
 * so that the classes it uses are loaded and instrumented before the fuzzer's clock starts: the
 * first run of a cold JVM under instrumentation can take longer than the 1 s that counts as a hang.
 */
public final class FuzzWarmUp {

    /** The target's work on one input. */
    public interface Target {
        void run(byte[] input) throws Exception;
    }

    private FuzzWarmUp() {}

    /** Runs the target on every file in {@code <Class>Inputs/} when fuzzing; failures are the fuzzer's to find. */
    public static void run(Class<?> fuzzTests, Target target) {
        if (System.getenv("JAZZER_FUZZ") == null) {
            return;
        }
        URL dir = fuzzTests.getResource(fuzzTests.getSimpleName() + "Inputs");
        if (dir == null || !"file".equals(dir.getProtocol())) {
            return;
        }
        try (var files = Files.list(Path.of(dir.toURI()))) {
            List<Path> inputs = files.filter(Files::isRegularFile).sorted().toList();
            for (int round = 0; round < 3; round++) {
                for (Path p : inputs) {
                    try {
                        target.run(Files.readAllBytes(p));
                    } catch (Exception | AssertionError e) {
                        // the fuzzer runs these inputs again and reports what fails
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
