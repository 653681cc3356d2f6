package dev.atscope.core.trace.imports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.trace.FuzzWarmUp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the pattern file for home-grown logs ({@code --patterns FILE}): any
 * content is either refused with a message naming the file, or gives patterns tried before the
 * built-in ones, with which a home-grown log reads as any log must ({@link ReadingChecks}).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PatternFileFuzzTest {

    /** Lines of a home-grown log, in the layouts the built-in patterns and the example of docs/field-logs.md know. */
    private static final byte[] LOG = ("[2026-11-23 10:00:00.000] >> AT+CGMI\n[2026-11-23 10:00:00.020] << Quectel\n"
            + "<< OK\nTX: AT+CGMR\\r\nRX: \\r\\nM95\\r\\n\ngsm: out | AT+CSQ\ngsm: in | +CSQ: 20,0\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    static {
        FuzzWarmUp.run(PatternFileFuzzTest.class, input -> new PatternFileFuzzTest().anyPatternFile(input));
    }

    @FuzzTest
    void anyPatternFile(byte[] input) throws IOException {
        Path file = Files.createTempFile("patterns", ".json");
        try {
            Files.write(file, input);
            PrefixPatterns patterns;
            try {
                patterns = PrefixPatterns.withFile(file);
            } catch (IOException e) {
                if (!e.getMessage().startsWith(file.toString())) {
                    throw new AssertionError("a refusal that does not name the file: " + e.getMessage(), e);
                }
                return;
            }
            List<String> builtIn = PrefixPatterns.builtIn().names();
            List<String> names = patterns.names();
            if (!names.subList(Math.max(0, names.size() - builtIn.size()), names.size()).equals(builtIn)) {
                throw new AssertionError("the built-in patterns are not tried last: " + names);
            }
            ReadingChecks.read(LOG, new ImportOptions(TraceFormat.PREFIXED, false, patterns));
            ReadingChecks.read(LOG, new ImportOptions(TraceFormat.PREFIXED, true, patterns));
        } finally {
            Files.delete(file);
        }
    }
}
