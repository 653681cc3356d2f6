package dev.atscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report data's small tables, held in memory while the trace goes by and written whole at its
 * end: the sessions, the diagnostics and the distinct command lines with their parsed commands (a
 * transaction points at its line by index). Their short texts join the string table.
 */
final class ReportTables {

    private final ProtocolRegistry registry;
    private final Redactor redactor;
    private final ReportColumns columns;
    private final List<SessionSummary> sessions = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Command lines seen, each written once with its parsed commands; rows point at them. */
    private final Map<String, Integer> commandIndex = new HashMap<>();
    private final List<String> commandLines = new ArrayList<>();
    private final List<List<AtCommand>> commandParsed = new ArrayList<>();

    ReportTables(ProtocolRegistry registry, Redactor redactor, ReportColumns columns) {
        this.registry = registry;
        this.redactor = redactor;
        this.columns = columns;
    }

    /** Sessions closed so far; the session tracker adds to it. */
    List<SessionSummary> sessions() {
        return sessions;
    }

    /** Diagnostics so far; the checker adds to it. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The index of a (redacted) command line in the table, added with the transaction's commands when new. */
    int command(String line, Transaction t) {
        Integer i = commandIndex.get(line);
        if (i == null) {
            i = commandLines.size();
            commandIndex.put(line, i);
            commandLines.add(line);
            commandParsed.add(t.commands());
        }
        return i;
    }

    /** Writes the three tables as the fields {@code sessions}, {@code diagnostics} and {@code commands}. */
    void write(JsonGenerator g) throws IOException {
        sessions(g);
        diagnostics(g);
        commands(g);
    }

    private void sessions(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("sessions");
        ReportColumns.longs(g, "index", sessions.stream().mapToLong(SessionSummary::index).toArray());
        ReportColumns.longs(g, "start", sessions.stream().mapToLong(SessionSummary::startMicros).toArray());
        ReportColumns.longs(g, "end", sessions.stream().mapToLong(SessionSummary::endMicros).toArray());
        columns.texts(g, "outcome", sessions.stream().map(s -> s.outcome().word()).toList());
        columns.texts(g, "detail", sessions.stream().map(s -> s.detail() == null ? null : redactor.text(s.detail())).toList());
        ReportColumns.longs(g, "transactions", sessions.stream().mapToLong(SessionSummary::transactions).toArray());
        ReportColumns.longs(g, "failed", sessions.stream().mapToLong(SessionSummary::failed).toArray());
        columns.texts(g, "endedBy", sessions.stream().map(SessionSummary::endedBy).toList());
        g.writeArrayFieldStart("deciding");
        for (SessionSummary s : sessions) {
            long[] ids = s.deciding().stream().mapToLong(Long::longValue).toArray();
            g.writeArray(ids, 0, ids.length);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void diagnostics(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("diagnostics");
        ReportColumns.longs(g, "transaction", diagnostics.stream().mapToLong(d -> d.where().transactionId()).toArray());
        ReportColumns.longs(g, "severity", diagnostics.stream().mapToLong(d -> d.severity().ordinal()).toArray());
        columns.texts(g, "rule", diagnostics.stream().map(Diagnostic::ruleId).toList());
        columns.texts(g, "message", diagnostics.stream().map(d -> redactor.text(d.message())).toList());
        columns.texts(g, "section", diagnostics.stream().map(Diagnostic::section).toList());
        ReportColumns.longs(g, "column", diagnostics.stream().mapToLong(d -> d.where().column()).toArray());
        ReportColumns.longs(g, "length", diagnostics.stream().mapToLong(d -> d.where().length()).toArray());
        ReportColumns.longs(g, "time", diagnostics.stream().mapToLong(d -> d.where().timeMicros()).toArray());
        g.writeEndObject();
    }

    private void commands(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("commands");
        for (int i = 0; i < commandLines.size(); i++) {
            g.writeStartObject();
            g.writeStringField("line", commandLines.get(i));
            g.writeArrayFieldStart("parsed");
            for (AtCommand c : commandParsed.get(i)) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("form", c.form().word());
                Grammar.CommandSpec spec = registry.command(c.name()).orElse(null);
                if (spec != null) {
                    g.writeStringField("title", spec.title());
                    g.writeStringField("section", spec.section());
                }
                g.writeArrayFieldStart("params");
                for (NamedParam p : registry.parameters(c)) {
                    g.writeStartObject();
                    g.writeStringField("name", p.name());
                    g.writeStringField("value", redactor.parameter(c, p));
                    if (p.meaning() != null) {
                        g.writeStringField("meaning", p.meaning());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
