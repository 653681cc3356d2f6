package dev.atscope.capture;

import dev.atscope.core.text.Durations;
import dev.atscope.core.trace.TraceRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a capture recorded, for the lines printed when it stops.
 *
 * @param files the trace files written, in order
 * @param stats bytes and chunks per direction, gaps and duration
 * @param lineErrors line errors the drivers reported
 * @param droppedToModule bytes from the host that could not be forwarded because the module side was gone
 * @param droppedToHost bytes from the module that could not be forwarded because the host side was gone
 */
public record CaptureSummary(List<Path> files, TraceRecorder.Stats stats, long lineErrors, long droppedToModule,
        long droppedToHost) {

    public CaptureSummary {
        files = List.copyOf(files);
    }

    /** The summary as lines for a person. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String where = files.size() == 1 ? files.get(0).toString()
                : files.size() + " files, " + files.get(0) + " to " + files.get(files.size() - 1).getFileName();
        out.add("recorded " + Durations.format(stats.durationMicros()) + " into " + where);
        out.add(String.format("  H>M  %,d bytes in %,d %s", stats.hostBytes(), stats.hostChunks(),
                stats.hostChunks() == 1 ? "chunk" : "chunks"));
        out.add(String.format("  M>H  %,d bytes in %,d %s", stats.moduleBytes(), stats.moduleChunks(),
                stats.moduleChunks() == 1 ? "chunk" : "chunks"));
        String faults = String.format("  %d %s, %d line %s", stats.gaps(), stats.gaps() == 1 ? "gap" : "gaps",
                lineErrors, lineErrors == 1 ? "error" : "errors");
        if (droppedToModule + droppedToHost > 0) {
            faults += String.format("; not forwarded while a side was gone: %,d bytes H>M, %,d bytes M>H",
                    droppedToModule, droppedToHost);
        }
        out.add(faults);
        return out;
    }
}
