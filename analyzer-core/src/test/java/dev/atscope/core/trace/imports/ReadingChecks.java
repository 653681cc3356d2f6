package dev.atscope.core.trace.imports;

import static dev.atscope.core.trace.FuzzProperty.expect;

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
            expect(going.failure() == null, "keep-going failed where reading without it did not: %s", going.failure());
            expect(going.entries().equals(strict.entries()), "keep-going read a clean file differently");
            expect(going.warnings().equals(strict.warnings()), "keep-going warned differently: %s", going.warnings());
        }
        if (going.failure() != null) {
            expect(strict.failure() != null, "keep-going failed where reading without it did not: %s",
                    going.failure());
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
            expect(r.metadata() != null, "no metadata");
            TraceEntry e;
            while ((e = r.next()) != null) {
                entries.add(e);
                expect(e.timeMicros() >= lastTime, "%s goes back in time from %d", e, lastTime);
                lastTime = e.timeMicros();
                expect(e.line() >= -1 && e.line() <= lines, "%s is at a line the input has not", e);
                if (e instanceof Chunk c) {
                    expect(c.data().length > 0, "a chunk with no bytes: %s", c);
                    bytes += c.data().length;
                }
                // a reader cannot make traffic out of nothing: each entry and byte needs input behind it
                expect(entries.size() <= 2 * input.length + 8, "%d entries from %d bytes", entries.size(), input.length);
                expect(bytes <= 4L * input.length + 64, "%d bytes of traffic from %d bytes", bytes, input.length);
            }
            expect(r.next() == null, "the end did not stay the end");
            List<String> warnings = r.warnings();
            checkWarnings(warnings, lines);
            return new Reading(entries, warnings, null);
        } catch (TraceFormatException e) {
            expect(e.getMessage().startsWith(SOURCE) && SOURCE.equals(e.location().source()),
                    "an error that does not name the file: %s", e.getMessage());
            expect(e.location().line() >= -1 && e.location().line() <= lines, "an error at a line the input has not: %s",
                    e.getMessage());
            expect(!e.problem().isBlank(), "an error that says nothing: %s", e.getMessage());
            return new Reading(entries, List.of(), e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error other than the documented one: " + e, e);
        }
    }

    private static void checkWarnings(List<String> warnings, long lines) {
        expect(warnings.size() <= lines + 8, "%d warnings about %d lines", warnings.size(), lines);
        for (String w : warnings) {
            expect(w.startsWith(SOURCE), "a warning that does not name the file: %s", w);
        }
    }

}
