package dev.atscope.samples;

import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the sample traces of the note's documented procedures. Run it to regenerate {@code
 * samples/traces/} after a change to the scripts: {@code mvn -pl samples exec:java}.
 */
public final class SampleWriter {

    /** The samples: file name to the traffic that makes it. */
    public static final Map<String, Supplier<ScriptedTraffic>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("ssl-certificates-ram.csv", NoteExamples::certificatesInRam);
        SAMPLES.put("ssl-certificates-nvram.csv", NoteExamples::certificatesInNvram);
        SAMPLES.put("https-get.csv", NoteExamples::httpsGet);
    }

    /** The wall-clock start written into every sample. */
    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private SampleWriter() {}

    /** Writes one sample. */
    public static void write(String name, ScriptedTraffic traffic, Path file) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("device", "bench-m66");
        tags.put("procedure", name.replace(".csv", ""));
        TraceMetadata meta = new TraceMetadata("atscope samples: " + name, "host-uart", "m66-uart", 115200, START,
                false, tags);
        try (TraceWriter w = Traces.create(file, meta)) {
            for (TraceEntry e : traffic.entries()) {
                w.write(e);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "traces");
        Files.createDirectories(dir);
        for (var s : SAMPLES.entrySet()) {
            Path f = dir.resolve(s.getKey());
            write(s.getKey(), s.getValue().get(), f);
            System.out.println("wrote " + f);
        }
    }
}
