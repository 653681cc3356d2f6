package dev.atscope.core.trace.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What any reader must do with any input, checked on one input: read it whole or fail with the
 * documented {@link TraceFormatException} naming the file; hand out entries in time order, each
 * chunk with bytes, no more entries and bytes than the input can hold; and with {@code
 * --keep-going}, read a file that reads cleanly exactly as without it.
 */
final class ReadingChecks {

    /** The name the inputs are read under: every message must start with it. */
    static final String SOURCE = "fuzz.log";

    private ReadingChecks() {}

    /**
     * What one reading gave.
     *
     * @param entries everything handed out, in order
     * @param warnings the reader's warnings
     * @param failure the documented error that stopped it, or null when it read to the end
     */
    record Reading(List<TraceEntry> entries, List<String> warnings, TraceFormatException failure) {

        boolean clean() {
            return failure == null && entries.stream().noneMatch(e -> e instanceof Marker m && m.kind() == Marker.Kind.GAP);
        }
    }

    /** Reads {@code input} in the given format (null: detected) without and with keep-going, checking both. */
    static Reading readBothWays(byte[] input, TraceFormat format) {
        ImportOptions plain = ImportOptions.defaults().withFormat(format);
        Reading strict = read(input, plain);
        Reading going = read(input, plain.withKeepGoing(true));
        if (strict.failure() == null) {
            // nothing broken: keep-going changes nothing
            assertThat(going.failure()).isNull();
            assertThat(going.entries()).isEqualTo(strict.entries());
            assertThat(going.warnings()).isEqualTo(strict.warnings());
        }
        if (going.failure() != null) {
            assertThat(strict.failure()).as("keep-going failed where reading without it did not").isNotNull();
        }
        return strict;
    }

    /** Reads the whole input once, checking every entry and message on the way. */
    static Reading read(byte[] input, ImportOptions options) {
        List<TraceEntry> entries = new ArrayList<>();
        long lines = 1;
        for (byte b : input) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        long bytes = 0;
        long lastTime = 0;
        try (TraceReader r = TraceImports.open(new ByteArrayInputStream(input), SOURCE, options)) {
            assertThat(r.metadata()).isNotNull();
            TraceEntry e;
            while ((e = r.next()) != null) {
                entries.add(e);
                assertThat(e.timeMicros()).as("time of %s", e).isGreaterThanOrEqualTo(lastTime);
                lastTime = e.timeMicros();
                assertThat(e.line()).as("line of %s", e).isBetween(-1L, lines);
                if (e instanceof Chunk c) {
                    assertThat(c.data()).as("a chunk with no bytes").isNotEmpty();
                    bytes += c.data().length;
                }
                // a reader cannot make traffic out of nothing: each entry and byte needs input behind it
                assertThat(entries.size()).as("entries from %d bytes", input.length).isLessThanOrEqualTo(2 * input.length + 8);
                assertThat(bytes).as("bytes from %d bytes", input.length).isLessThanOrEqualTo(4L * input.length + 64);
            }
            assertThat(r.next()).as("the end stays the end").isNull();
            List<String> warnings = r.warnings();
            checkWarnings(warnings, lines);
            return new Reading(entries, warnings, null);
        } catch (TraceFormatException e) {
            assertThat(e.getMessage()).startsWith(SOURCE);
            assertThat(e.location().source()).isEqualTo(SOURCE);
            assertThat(e.location().line()).isBetween(-1L, lines);
            assertThat(e.problem()).isNotBlank();
            return new Reading(entries, List.of(), e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error other than the documented one: " + e, e);
        }
    }

    private static void checkWarnings(List<String> warnings, long lines) {
        assertThat((long) warnings.size()).as("warnings").isLessThanOrEqualTo(lines + 8);
        for (String w : warnings) {
            assertThat(w).startsWith(SOURCE);
        }
    }
}
