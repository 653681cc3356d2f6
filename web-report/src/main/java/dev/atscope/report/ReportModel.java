package dev.atscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.check.TraceChecker;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.session.SessionTracker;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.report.ReportColumns.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The compact model the page needs, collected while the trace streams past once. Its layout, version
 * 2, is described field by field in {@code docs/report-data.md} and read by {@code report-data.js}:
 * one object of named columns (an array a field, one value a transaction, event, response or
 * payload), with repeated text written once in a string table. The big columns go to temporary files
 * as they come, so a trace of any size fits ({@link ReportColumns}, which also keeps the string
 * table); sessions, diagnostics and the command lines stay in memory ({@link ReportTables}). This
 * class decides what each row holds. Redaction is applied here, before anything is written.
 */
final class ReportModel implements AutoCloseable {

    /** The layout's version, {@code version} in the data; the page refuses another. */
    static final int VERSION = 2;

    private final ProtocolRegistry registry;
    private final ReportOptions options;
    private final Redactor redactor;
    private final SessionTracker sessions;
    private final TraceChecker checker;
    private final Map<Integer, String> errorMeanings = new TreeMap<>();
    /** The big columns and the string table. */
    private final ReportColumns columns = new ReportColumns();
    /** Sessions, diagnostics and command lines. */
    private final ReportTables tables;
    private final Column txId;
    private final Column txStart;
    private final Column txDuration;
    private final Column txOutcome;
    private final Column txCommand;
    private final Column txResult;
    private final Column txEcho;
    private final Column txResponses;
    private final Column txErrorAt;
    private final Column txErrorCode;
    private final Column txEchoTextAt;
    private final Column txEchoText;
    private final Column rKind;
    private final Column rDir;
    private final Column rTime;
    private final Column rText;
    private final Column pLength;
    private final Column pKept;
    private final Column pHidden;
    private final Column pCrc;
    private final Column pSumAt;
    private final Column pSumComputed;
    private final Column pSumReported;
    private final Column evKind;
    private final Column evTime;
    private final Column evDir;
    private final Column evText;
    private final Column evNoteAt;
    private final Column evNote;

    private long transactions;
    private long eventCount;
    private long payloadCount;
    private long payloadsCut;
    private long payloadBytesKept;
    private long lastTxId;
    /** True while every transaction's id is its position + 1: the id column is then left out. */
    private boolean idsAreSequential = true;
    private long lastTxStart;
    private long lastEventTime;
    private long firstMicros = -1;
    private long lastMicros;

    /** A model of one trace read with the given libraries, which the decoder shares. */
    ReportModel(LibrarySelection selection, ReportOptions options) throws IOException {
        this.registry = selection.all();
        this.options = options;
        this.redactor = new Redactor(options, registry);
        this.tables = new ReportTables(registry, redactor, columns);
        this.sessions = new SessionTracker(selection, tables.sessions()::add);
        this.checker = new TraceChecker(selection, tables.diagnostics()::add);
        try {
            txId = column("transactions.id");
            txStart = column("transactions.start");
            txDuration = column("transactions.duration");
            txOutcome = column("transactions.outcome");
            txCommand = column("transactions.command");
            txResult = column("transactions.result");
            txEcho = column("transactions.echo");
            txResponses = column("transactions.responses");
            txErrorAt = column("transactions.errorAt");
            txErrorCode = column("transactions.errorCode");
            txEchoTextAt = column("transactions.echoTextAt");
            txEchoText = column("transactions.echoText");
            rKind = column("responses.kind");
            rDir = column("responses.dir");
            rTime = column("responses.time");
            rText = column("responses.text");
            pLength = column("payloads.length");
            pKept = column("payloads.kept");
            pHidden = column("payloads.hidden");
            pCrc = column("payloads.crc32");
            pSumAt = column("payloads.uploadSumAt");
            pSumComputed = column("payloads.uploadSumComputed");
            pSumReported = column("payloads.uploadSumReported");
            evKind = column("events.kind");
            evTime = column("events.time");
            evDir = column("events.dir");
            evText = column("events.text");
            evNoteAt = column("events.noteAt");
            evNote = column("events.note");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Column column(String path) throws IOException {
        return columns.column(path);
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
        return tables.sessions();
    }

    /** Diagnostics so far. */
    List<Diagnostic> diagnostics() {
        return tables.diagnostics();
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

    private void text(Column c, String s) throws IOException {
        columns.text(c, s);
    }

    private void event(Event e) throws IOException {
        touch(e.startMicros(), e.endMicros());
        evKind.g.writeNumber(switch (e.kind()) {
            case URC -> 0;
            case NOISE -> 1;
            case MARKER -> 2;
            case ECHO -> 3;
            default -> 4;
        });
        evTime.g.writeNumber(e.startMicros() - lastEventTime);
        lastEventTime = e.startMicros();
        evDir.g.writeNumber(dir(e.direction()));
        text(evText, redactor.text(e.text()));
        if (e.note() != null) {
            evNoteAt.g.writeNumber(eventCount);
            text(evNote, e.note());
        }
        eventCount++;
    }

    private void transaction(Transaction t) throws IOException {
        touch(t.startMicros(), t.endMicros());
        long k = transactions++;
        txId.g.writeNumber(t.id() - lastTxId);
        idsAreSequential &= t.id() == k + 1;
        lastTxId = t.id();
        txStart.g.writeNumber(t.startMicros() - lastTxStart);
        lastTxStart = t.startMicros();
        txDuration.g.writeNumber(t.endMicros() - t.startMicros());
        txOutcome.g.writeNumber(t.outcome().ordinal());
        String line = redactor.commandLine(t.command().text(), t);
        txCommand.g.writeNumber(tables.command(line, t));
        text(txResult, t.resultText() == null ? null : redactor.text(t.resultText()));
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        if (code >= 0) {
            txErrorAt.g.writeNumber(k);
            txErrorCode.g.writeNumber(code);
            if (!errorMeanings.containsKey(code)) {
                String meaning = registry.cmeMeaning(code);
                if (meaning != null) {
                    errorMeanings.put(code, meaning);
                }
            }
        }
        if (t.echo() == null) {
            txEcho.g.writeNumber(-1);
        } else {
            txEcho.g.writeNumber(Math.max(0, t.echo().startMicros() - t.startMicros()));
            if (!t.echo().text().equals(t.command().text())) {
                txEchoTextAt.g.writeNumber(k);
                text(txEchoText, redactor.commandLine(t.echo().text(), t));
            }
        }
        txResponses.g.writeNumber(t.responses().size());
        responses(t);
    }

    private void responses(Transaction t) throws IOException {
        boolean hide = redactor.hidesPayloads(t);
        // an upload whose command reports a checksum (AT+QSECWRITE): the page recomputes it beside the module's
        ProtocolLibrary.UploadSum sum = null;
        for (Event r : t.responses()) {
            rKind.g.writeNumber(switch (r.kind()) {
                case PAYLOAD -> 2;
                case INTERMEDIATE -> 1;
                default -> 0;
            });
            rDir.g.writeNumber(dir(r.direction()));
            rTime.g.writeNumber(r.startMicros() - t.startMicros());
            if (r.kind() == EventKind.PAYLOAD) {
                rText.g.writeNumber(payloadCount);
                byte[] b = r.bytes();
                int limit = payloadBytesKept < options.payloadBudget() ? options.payloadBytes()
                        : Math.min(options.payloadBytes(), ReportOptions.CUT_PAYLOAD_BYTES);
                int n = hide ? 0 : Math.min(b.length, limit);
                if (!hide && n < b.length) {
                    payloadsCut++;
                }
                payloadBytesKept += n;
                pLength.g.writeNumber(b.length);
                String kept = redactor.text(new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                if (n < b.length) {
                    pKept.g.writeString(kept); // a cut payload is the start of one seen once: not worth sharing
                } else {
                    text(pKept, kept);
                }
                pHidden.g.writeNumber(hide ? 1 : 0);
                CRC32 crc = new CRC32();
                crc.update(b);
                pCrc.g.writeNumber(crc.getValue());
                if (r.direction() == Direction.HOST_TO_MODULE) {
                    if (sum == null) {
                        sum = registry.uploadSum(t).orElse(null);
                    }
                    if (sum != null) {
                        pSumAt.g.writeNumber(payloadCount);
                        pSumComputed.g.writeString(sum.computed());
                        pSumReported.g.writeString(sum.reported());
                    }
                }
                payloadCount++;
            } else {
                text(rText, redactor.text(r.text()));
            }
        }
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
        // the small tables first: their texts join the string table, which is written after them
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        try (JsonGenerator s = ReportJson.generator(small)) {
            s.writeStartObject();
            tables.write(s);
            s.writeEndObject();
        }

        JsonGenerator g = ReportJson.generator(out);
        g.writeStartObject();
        g.writeNumberField("version", VERSION);
        meta(g, name, meta, warnings);
        columns.writeStrings(g);
        // sessions, diagnostics, commands: the fields of the small object, without its braces
        g.writeRaw(',');
        g.flush();
        byte[] fields = small.toByteArray();
        out.write(fields, 1, fields.length - 2);
        columns.writeColumns(g, out, idsAreSequential ? txId : null);
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
        g.writeNumberField("payloads", payloadCount);
        g.writeBooleanField("redacted", redactor.active());
        g.writeNumberField("payloadBytes", options.payloadBytes());
        g.writeNumberField("payloadBudget", options.payloadBudget());
        g.writeNumberField("payloadBytesAfterBudget", Math.min(options.payloadBytes(), ReportOptions.CUT_PAYLOAD_BYTES));
        g.writeNumberField("payloadsCut", payloadsCut);
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

    @Override
    public void close() throws IOException {
        columns.close();
    }
}
