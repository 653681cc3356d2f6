package dev.atscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact model the page needs, collected while the trace streams past once: transactions and
 * stand-alone events go to temporary files as they come (so a trace of any size fits), sessions and
 * diagnostics stay in memory. Redaction is applied here, before anything is written. The layout of
 * every array is described in {@code report.js}, where it is read.
 */
final class ReportModel implements AutoCloseable {

    private final ProtocolRegistry registry;
    private final ReportOptions options;
    private final Redactor redactor;
    private final SessionTracker sessions;
    private final TraceChecker checker;
    private final List<SessionSummary> sessionList = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Command lines seen, each written once with its parsed commands; rows point at them. */
    private final Map<String, Integer> commandIndex = new HashMap<>();
    private final List<String> commandLines = new ArrayList<>();
    private final List<List<AtCommand>> commandParsed = new ArrayList<>();
    private final Map<Integer, String> errorMeanings = new TreeMap<>();

    private final Path txFile;
    private final Path eventFile;
    private final JsonGenerator tx;
    private final JsonGenerator events;
    private final OutputStream txOut;
    private final OutputStream eventOut;
    private long transactions;
    private long eventCount;
    private long firstMicros = -1;
    private long lastMicros;

    /** A model of one trace read with the given libraries, which the decoder shares. */
    ReportModel(LibrarySelection selection, ReportOptions options) throws IOException {
        this.registry = selection.all();
        this.options = options;
        this.redactor = new Redactor(options, registry);
        this.sessions = new SessionTracker(selection, sessionList::add);
        this.checker = new TraceChecker(selection, diagnostics::add);
        this.txFile = Files.createTempFile("atscope-report-tx", ".json");
        this.eventFile = Files.createTempFile("atscope-report-ev", ".json");
        this.txOut = new BufferedOutputStream(Files.newOutputStream(txFile), 1 << 16);
        this.eventOut = new BufferedOutputStream(Files.newOutputStream(eventFile), 1 << 16);
        this.tx = ReportJson.generator(txOut);
        this.events = ReportJson.generator(eventOut);
        tx.writeStartArray();
        events.writeStartArray();
    }

    /** Feeds one decoded item, in trace order. */
    void accept(Decoded d) {
        sessions.accept(d);
        checker.accept(d);
        try {
            if (d instanceof Transaction t) {
                transaction(t);
            } else if (d instanceof Event e && standalone(e)) {
                event(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of the trace as the page may show it: with the user's patterns masked. */
    String shown(String text) {
        return redactor.text(text);
    }

    /** Transactions collected so far. */
    long transactions() {
        return transactions;
    }

    /** Sessions closed so far (all of them after {@link #writeJson}). */
    List<SessionSummary> sessions() {
        return sessionList;
    }

    /** Diagnostics so far. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Events that belong to no transaction: URCs, noise, markers, orphan echoes and results. */
    private static boolean standalone(Event e) {
        return switch (e.kind()) {
            case URC, NOISE, MARKER -> true;
            case ECHO, FINAL -> e.note() != null;
            default -> false;
        };
    }

    private void touch(long from, long to) {
        if (firstMicros < 0 || from < firstMicros) {
            firstMicros = from;
        }
        lastMicros = Math.max(lastMicros, to);
    }

    // row: [kind, time_us, dir, text, note]; kind u urc, n noise, m marker, e orphan echo, f orphan result
    private void event(Event e) throws IOException {
        touch(e.startMicros(), e.endMicros());
        events.writeStartArray();
        events.writeString(switch (e.kind()) {
            case URC -> "u";
            case NOISE -> "n";
            case MARKER -> "m";
            case ECHO -> "e";
            default -> "f";
        });
        events.writeNumber(e.startMicros());
        events.writeNumber(dir(e.direction()));
        events.writeString(redactor.text(e.text()));
        if (e.note() != null) {
            events.writeString(e.note());
        }
        events.writeEndArray();
        eventCount++;
    }

    // row: [id, start_us, end_us, outcome, command, result, error_code, echo, responses]
    private void transaction(Transaction t) throws IOException {
        touch(t.startMicros(), t.endMicros());
        transactions++;
        tx.writeStartArray();
        tx.writeNumber(t.id());
        tx.writeNumber(t.startMicros());
        tx.writeNumber(t.endMicros());
        tx.writeNumber(t.outcome().ordinal());
        String line = redactor.commandLine(t.command().text(), t);
        tx.writeNumber(command(line, t));
        tx.writeString(redactor.text(t.resultText()));
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        tx.writeNumber(code);
        if (code >= 0 && !errorMeanings.containsKey(code)) {
            String meaning = registry.cmeMeaning(code);
            if (meaning != null) {
                errorMeanings.put(code, meaning);
            }
        }
        // the echo: 0 when none; else its delay after the command in microseconds, as [delay] when it
        // repeats the command (the usual case, kept small) or [delay, text] when it differs
        if (t.echo() == null) {
            tx.writeNumber(0);
        } else {
            tx.writeStartArray();
            tx.writeNumber(Math.max(0, t.echo().startMicros() - t.startMicros()));
            if (!t.echo().text().equals(t.command().text())) {
                tx.writeString(redactor.commandLine(t.echo().text(), t));
            }
            tx.writeEndArray();
        }
        responses(t);
        tx.writeEndArray();
    }

    // each: [kind, dir, time_us, text] and for payloads also [..., length, hidden, computed, reported]
    private void responses(Transaction t) throws IOException {
        tx.writeStartArray();
        boolean hide = redactor.hidesPayloads(t);
        // an upload whose command reports a checksum (AT+QSECWRITE): the page recomputes it beside the module's
        ProtocolLibrary.UploadSum sum = registry.uploadSum(t).orElse(null);
        for (Event r : t.responses()) {
            tx.writeStartArray();
            tx.writeString(switch (r.kind()) {
                case PAYLOAD -> "p";
                case INTERMEDIATE -> "c";
                default -> "r";
            });
            tx.writeNumber(dir(r.direction()));
            tx.writeNumber(r.startMicros());
            if (r.kind() == EventKind.PAYLOAD) {
                byte[] b = r.bytes();
                String kept = hide ? "" : new String(b, 0, Math.min(b.length, options.payloadBytes()),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                tx.writeString(redactor.text(kept));
                tx.writeNumber(b.length);
                tx.writeNumber(hide ? 1 : 0);
                if (sum != null && r.direction() == Direction.HOST_TO_MODULE) {
                    tx.writeString(sum.computed());
                    if (sum.reported() != null) {
                        tx.writeString(sum.reported());
                    }
                }
            } else {
                tx.writeString(redactor.text(r.text()));
            }
            tx.writeEndArray();
        }
        tx.writeEndArray();
    }

    private int command(String line, Transaction t) {
        Integer i = commandIndex.get(line);
        if (i == null) {
            i = commandLines.size();
            commandIndex.put(line, i);
            commandLines.add(line);
            commandParsed.add(t.commands());
        }
        return i;
    }

    private static int dir(Direction d) {
        return d == null ? -1 : d == Direction.HOST_TO_MODULE ? 0 : 1;
    }

    /**
     * Ends the trace and writes the whole model as one JSON object.
     *
     * @param name what the page calls the trace (its file name)
     * @param warnings problems the reader reported without stopping
     */
    void writeJson(OutputStream out, String name, TraceMetadata meta, List<String> warnings) throws IOException {
        sessions.finish();
        checker.finish();
        tx.writeEndArray();
        tx.close();
        txOut.close();
        events.writeEndArray();
        events.close();
        eventOut.close();

        JsonGenerator g = ReportJson.generator(out);
        g.writeStartObject();
        g.writeNumberField("version", 1);
        meta(g, name, meta, warnings);
        g.writeArrayFieldStart("sessions");
        for (SessionSummary s : sessionList) {
            g.writeStartArray();
            g.writeNumber(s.index());
            g.writeNumber(s.startMicros());
            g.writeNumber(s.endMicros());
            g.writeString(s.outcome().word());
            g.writeString(redactor.text(s.detail()));
            g.writeNumber(s.transactions());
            g.writeNumber(s.failed());
            g.writeString(s.endedBy());
            g.writeArray(s.deciding().stream().mapToLong(Long::longValue).toArray(), 0, s.deciding().size());
            g.writeEndArray();
        }
        g.writeEndArray();
        // each: [transaction_id, severity, rule, message, section, column, length, time_us]
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : diagnostics) {
            g.writeStartArray();
            g.writeNumber(d.where().transactionId());
            g.writeNumber(d.severity().ordinal());
            g.writeString(d.ruleId());
            g.writeString(redactor.text(d.message()));
            g.writeString(d.section());
            g.writeNumber(d.where().column());
            g.writeNumber(d.where().length());
            g.writeNumber(d.where().timeMicros());
            g.writeEndArray();
        }
        g.writeEndArray();
        commands(g);
        // the two big arrays are copied as they were streamed; an empty raw value keeps the generator's count
        g.writeFieldName("events");
        g.writeRawValue("");
        g.flush();
        Files.copy(eventFile, out);
        g.writeFieldName("transactions");
        g.writeRawValue("");
        g.flush();
        Files.copy(txFile, out);
        g.writeEndObject();
        g.close();
        out.flush();
    }

    private void meta(JsonGenerator g, String name, TraceMetadata meta, List<String> warnings) throws IOException {
        g.writeObjectFieldStart("meta");
        // the user's patterns reach the trace's own description too (a device id in a tag or a port name)
        g.writeStringField("name", redactor.text(name));
        g.writeStringField("source", meta.source() == null ? null : redactor.text(meta.source()));
        g.writeStringField("start", meta.start() == null ? null : meta.start().toString());
        g.writeStringField("hostPort", meta.hostPort() == null ? null : redactor.text(meta.hostPort()));
        g.writeStringField("modulePort", meta.modulePort() == null ? null : redactor.text(meta.modulePort()));
        g.writeNumberField("baud", meta.baudRate());
        g.writeBooleanField("synthetic", meta.synthetic());
        g.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> e : meta.tags().entrySet()) {
            g.writeStringField(e.getKey(), redactor.text(e.getValue()));
        }
        g.writeEndObject();
        g.writeNumberField("firstUs", Math.max(0, firstMicros));
        g.writeNumberField("lastUs", lastMicros);
        g.writeNumberField("transactions", transactions);
        g.writeNumberField("events", eventCount);
        g.writeBooleanField("redacted", redactor.active());
        g.writeNumberField("payloadBytes", options.payloadBytes());
        g.writeArrayFieldStart("warnings");
        for (String w : warnings) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("errorMeanings");
        for (Map.Entry<Integer, String> e : errorMeanings.entrySet()) {
            g.writeStringField(Integer.toString(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    // each: [line, [[name, form, title, section, [[parameter, value, meaning], ...]], ...]]
    private void commands(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("commands");
        for (int i = 0; i < commandLines.size(); i++) {
            g.writeStartArray();
            g.writeString(commandLines.get(i));
            g.writeStartArray();
            for (AtCommand c : commandParsed.get(i)) {
                g.writeStartArray();
                g.writeString(c.name());
                g.writeString(c.form().word());
                Grammar.CommandSpec spec = registry.command(c.name()).orElse(null);
                g.writeString(spec == null ? null : spec.title());
                g.writeString(spec == null ? null : spec.section());
                g.writeStartArray();
                for (NamedParam p : registry.parameters(c)) {
                    g.writeStartArray();
                    g.writeString(p.name());
                    g.writeString(redactor.parameter(c, p));
                    g.writeString(p.meaning());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        try {
            tx.close();
            events.close();
            txOut.close();
            eventOut.close();
        } finally {
            Files.deleteIfExists(txFile);
            Files.deleteIfExists(eventFile);
        }
    }
}
