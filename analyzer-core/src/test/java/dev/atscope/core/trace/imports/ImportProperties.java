package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, opening and reading them in any format (detected or forced) ends either
 * with entries that keep the readers' contract or with the documented {@link TraceFormatException}
 * naming the file, never with another exception: random bytes, and valid files of every format cut
 * at a random place or with a random byte changed.
 */
class ImportProperties {

    static final String[] FIXTURES = {"socat-x.log", "socat-v.log", "interceptty.log", "slsnif.log",
        "slsnif-times.log", "jpnevulator.txt", "jpnevulator-timing.txt", "umockdev.script", "modemmanager.log",
        "mbed.log", "chat.log", "prefixed-arrows.log", "prefixed-txrx.log", "trace.jsonl", "minicom.cap",
        "putty.log", "tio.log", "ticket.txt", "native.csv"};

    @Property(tries = 25)
    void randomBytesFailOnlyWithTheDocumentedError(@ForAll @Size(max = 600) byte[] bytes) {
        readEveryWay(bytes);
    }

    @Property(tries = 40)
    void cutOrDamagedFilesFailOnlyWithTheDocumentedError(@ForAll("fixtures") String name,
            @ForAll("fractions") double cut, @ForAll("fractions") double at, @ForAll byte replacement)
            throws IOException {
        byte[] all = Files.readAllBytes(FixtureImportTest.fixture(name));
        byte[] cutShort = Arrays.copyOf(all, (int) (all.length * cut));
        readEveryWay(cutShort);
        byte[] damaged = all.clone();
        damaged[(int) ((all.length - 1) * at)] = replacement;
        readEveryWay(damaged);
    }

    @Property(tries = 40)
    void cutOrDamagedCapturesFailOnlyWithTheDocumentedError(@ForAll("fractions") double cut,
            @ForAll("fractions") double at, @ForAll byte replacement) throws IOException {
        byte[] all = capture();
        readEveryWay(Arrays.copyOf(all, (int) (all.length * cut)));
        byte[] damaged = all.clone();
        damaged[(int) ((all.length - 1) * at)] = replacement;
        readEveryWay(damaged);
    }

    /** The session as pcapng, as the writer makes it. */
    private static byte[] capture() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (PcapngTraceWriter w = new PcapngTraceWriter(out, dev.atscope.core.trace.TraceMetadata.EMPTY)) {
            for (dev.atscope.core.trace.TraceEntry e : ShortSession.traffic()) {
                w.write(e);
            }
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of(FIXTURES);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    /**
     * Detected and forced into every format, without and with keep-going: {@link ReadingChecks} checks
     * each reading (entries in time order at lines the input has, no traffic made out of nothing,
     * errors and warnings that name the file, keep-going that changes nothing on a clean read).
     */
    private static void readEveryWay(byte[] bytes) {
        ReadingChecks.readBothWays(bytes, null);
        for (TraceFormat f : TraceFormat.values()) {
            ReadingChecks.readBothWays(bytes, f);
        }
    }
}
