package dev.atscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.replay.AnswerRow;
import dev.atscope.core.replay.CommandEdit;
import dev.atscope.core.replay.MaskRule;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.ReplaySummary;
import dev.atscope.core.replay.ResponseDiffer;
import dev.atscope.core.replay.TransactionDiff;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the self-contained HTML page of a replay: the recording and the replay side by side, one
 * row per transaction, what the recorded module answered beside what the replayed module answered,
 * line by line, the lines that differ highlighted.
 *
 * <p>Data layout (read by {@code replay-main.js}):
 *
 * <pre>
 * meta: {recording, target, timing, masks: [name], waits: [text], edits: [spec],
 *        notes: [{kind, text}], log: [text],
 *        summary: {transactions, same, differs, missing, urcsDiffer, edited, clean}}
 * rows: [{index, status, command, sent | null, recorded: {result, outcome} | null, replayed: ... | null,
 *         lines: [[op, recorded | null, replayed | null]], missingUrcs: [text], extraUrcs: [text],
 *         notes: [{kind, text}]}]
 *   op: same, changed, missing, extra, edited; texts with the masks applied
 *   kind: assumed, explained, reproduced
 * </pre>
 */
public final class ReplayPage {

    private final String recording;
    private final String target;
    private final ReplayOptions options;
    private final List<ReplayNote> notes;
    private final List<String> moduleLog;

    /**
     * A page for replays of one recording against one target.
     *
     * @param recording what the page calls the recording (its file name)
     * @param target the module it was replayed against ({@code tcp:127.0.0.1:5000})
     * @param options how it was replayed: the timing and the masks
     */
    public ReplayPage(String recording, String target, ReplayOptions options) {
        this(recording, target, options, List.of(), List.of());
    }

    /**
     * A page that also shows what the replay assumed, explained or reproduced, and what an emulated
     * module logged (where each request went, why it failed).
     *
     * @param notes remarks on transactions (by their index) and on the replay as a whole (index 0)
     * @param moduleLog the emulated module's log lines, or none for another target
     */
    public ReplayPage(String recording, String target, ReplayOptions options, List<ReplayNote> notes,
            List<String> moduleLog) {
        this.recording = recording;
        this.target = target;
        this.options = options;
        this.notes = List.copyOf(notes);
        this.moduleLog = List.copyOf(moduleLog);
    }

    /** Writes the page to {@code html}, replacing it only once it is complete. */
    public void write(ReplayResult result, Path html) throws IOException {
        HtmlPage.toFile(html, out -> {
            write(result, out);
            return null;
        });
    }

    /** Writes the page to {@code out}. */
    public void write(ReplayResult result, OutputStream out) throws IOException {
        HtmlPage.write(out, HtmlPage.REPLAY, "replay of " + recording, o -> writeJson(result, o));
    }

    private void writeJson(ReplayResult result, OutputStream out) throws IOException {
        ResponseDiffer differ = new ResponseDiffer(options.masks());
        try (JsonGenerator g = ReportJson.generator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("meta");
            g.writeStringField("recording", recording);
            g.writeStringField("target", target);
            g.writeStringField("timing", options.timing().toString());
            Set<String> maskNames = new LinkedHashSet<>();
            for (MaskRule r : options.masks().rules()) {
                maskNames.add(r.name());
            }
            strings(g, "masks", List.copyOf(maskNames));
            strings(g, "waits", result.waits());
            strings(g, "edits", options.edits().stream().map(CommandEdit::spec).toList());
            notes(g, 0);
            strings(g, "log", moduleLog);
            ReplaySummary s = result.summary();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("transactions", s.transactions());
            g.writeNumberField("same", s.same());
            g.writeNumberField("differs", s.differs());
            g.writeNumberField("missing", s.missing());
            g.writeNumberField("urcsDiffer", s.urcsDiffer());
            g.writeNumberField("edited", s.edited());
            g.writeBooleanField("clean", s.clean());
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (TransactionDiff d : result.diffs()) {
                g.writeStartObject();
                g.writeNumberField("index", d.index());
                g.writeStringField("status", d.status().word());
                g.writeStringField("command", d.command());
                g.writeStringField("sent", d.sent());
                side(g, "recorded", d.recorded());
                side(g, "replayed", d.replayed());
                g.writeArrayFieldStart("lines");
                if (d.recorded() != null) {
                    for (AnswerRow r : differ.sideBySide(d)) {
                        g.writeStartArray();
                        g.writeString(r.same() ? "same" : r.op().word());
                        g.writeString(r.recorded());
                        g.writeString(r.replayed());
                        g.writeEndArray();
                    }
                }
                g.writeEndArray();
                strings(g, "missingUrcs", d.missingUrcs());
                strings(g, "extraUrcs", d.extraUrcs());
                if (d.index() > 0) {
                    notes(g, d.index());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void notes(JsonGenerator g, int index) throws IOException {
        g.writeArrayFieldStart("notes");
        for (ReplayNote n : notes) {
            if (n.index() == index) {
                g.writeStartObject();
                g.writeStringField("kind", n.kind().word());
                g.writeStringField("text", n.text());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void side(JsonGenerator g, String name, Transaction t) throws IOException {
        if (t == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("result", t.resultText());
        g.writeStringField("outcome", t.outcome().word());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
