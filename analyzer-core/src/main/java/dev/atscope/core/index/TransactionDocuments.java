package dev.atscope.core.index;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.index.TraceDocument.Kind;
import java.util.Locale;

/**
 * Turns decoded transactions into index documents: the one place their fields, points and facets
 * are defined, whichever back end writes them (the local index, a Solr collection).
 */
final class TransactionDocuments {

    /** Payload bytes kept in the raw text of a document (URLs, the start of a body). */
    private static final int PAYLOAD_TEXT = 1024;

    private final ProtocolRegistry registry;
    private final boolean storeSecrets;

    TransactionDocuments(ProtocolRegistry registry, boolean storeSecrets) {
        this.registry = registry;
        this.storeSecrets = storeSecrets;
    }

    /** The fields every document of a file carries. */
    static void common(TraceDocument d, String type, String key, String file, String device, long timeMicros) {
        long timeMillis = Math.floorDiv(timeMicros, 1000);
        d.add(IndexFields.TYPE, Kind.EXACT, type);
        d.add(IndexFields.KEY, Kind.ID, key);
        d.add(IndexFields.FILE, Kind.EXACT, file);
        d.add(IndexFields.DEVICE, Kind.KEYWORD_STORED, device);
        // points for ranges, doc values for sorting by time, stored to show it
        d.add(IndexFields.TIME, Kind.SORTED_NUMBER, timeMillis);
        d.add(IndexFields.TIME_US, Kind.STORED, timeMicros);
    }

    /** The trace's tags every document of it carries, to count hits by device and firmware. */
    static TraceDocument tagged(TraceDocument d, String device, String firmware) {
        if (!device.isEmpty()) {
            d.add(IndexFields.FACET_DEVICE, Kind.FACET, device);
        }
        if (firmware != null && !firmware.isBlank()) {
            d.add(IndexFields.FIRMWARE, Kind.KEYWORD, firmware);
            d.add(IndexFields.FACET_FIRMWARE, Kind.FACET, firmware);
        }
        return d;
    }

    /** The duration: milliseconds for queries, microseconds stored for output. */
    private static void duration(TraceDocument d, long micros) {
        d.add(IndexFields.DURATION, Kind.NUMBER, micros / 1000);
        d.add(IndexFields.DURATION_US, Kind.STORED, micros);
    }

    /**
     * A transaction with its commands, parameters by grammar name, result, error and the rule ids
     * of the checker's findings about it.
     */
    TraceDocument of(Transaction t, String file, String device, long startMillis, int session,
            java.util.Collection<String> rules) {
        TraceDocument d = new TraceDocument();
        common(d, TraceSearch.Scope.TRANSACTIONS.type(), file + "#" + t.id(), file, device, startMillis * 1000 + t.startMicros());
        d.add(IndexFields.SESSION, Kind.EXACT, Integer.toString(session));
        d.add(IndexFields.TX_ID, Kind.STORED, t.id());
        d.add(IndexFields.OFFSET, Kind.STORED, t.command().startOffset());
        duration(d, t.durationMicros());
        String commandText = ByteEscaper.escape(t.command().bytes());
        d.add(IndexFields.COMMAND_TEXT, Kind.STORED, commandText);
        for (AtCommand c : t.commands()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            d.add(IndexFields.COMMAND, Kind.KEYWORD, name);
            if (name.startsWith("+")) {
                d.add(IndexFields.COMMAND, Kind.KEYWORD, name.substring(1));
            }
            d.add(IndexFields.FACET_COMMAND, Kind.FACET, c.name());
            parameters(d, c);
        }
        d.add(IndexFields.RESULT, Kind.KEYWORD_STORED, t.resultText());
        d.add(IndexFields.OUTCOME, Kind.EXACT, t.outcome().word());
        d.add(IndexFields.FACET_OUTCOME, Kind.FACET, t.outcome().word());
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        if (code >= 0) {
            d.add(IndexFields.ERROR, Kind.NUMBER, (long) code);
            d.add(IndexFields.FACET_ERROR, Kind.FACET, Integer.toString(code));
            String meaning = registry.cmeMeaning(code);
            if (meaning != null) {
                d.add(IndexFields.ERROR_MEANING, Kind.TEXT, meaning);
            }
        }
        for (String rule : rules) {
            d.add(IndexFields.RULE, Kind.KEYWORD, rule.toLowerCase(Locale.ROOT));
            d.add(IndexFields.FACET_RULE, Kind.FACET, rule);
        }
        d.add(IndexFields.RAW, Kind.TEXT, raw(t, commandText));
        return d;
    }

    /** A session with its outcome and the transactions that decided it. */
    TraceDocument of(SessionSummary s, String file, String device, long startMillis) {
        TraceDocument d = new TraceDocument();
        common(d, TraceSearch.Scope.SESSIONS.type(), file + "#s" + s.index(), file, device, startMillis * 1000 + s.startMicros());
        d.add(IndexFields.SESSION, Kind.EXACT, Integer.toString(s.index()));
        duration(d, s.endMicros() - s.startMicros());
        d.add(IndexFields.OUTCOME, Kind.EXACT, s.outcome().word());
        d.add(IndexFields.FACET_OUTCOME, Kind.FACET, s.outcome().word());
        d.add(IndexFields.COMMAND_TEXT, Kind.STORED, "session " + s.index() + " (" + s.transactions()
                + " transactions, ended by " + s.endedBy() + ")");
        if (!s.deciding().isEmpty()) {
            d.add(IndexFields.TX_ID, Kind.STORED, (long) s.deciding().get(0));
        }
        if (s.errorCode() >= 0) {
            d.add(IndexFields.ERROR, Kind.NUMBER, (long) s.errorCode());
            d.add(IndexFields.FACET_ERROR, Kind.FACET, Integer.toString(s.errorCode()));
        }
        d.add(IndexFields.RESULT, Kind.KEYWORD_STORED, s.outcome().word());
        d.add(IndexFields.RAW, Kind.TEXT, s.outcome().word() + "\n" + s.detail());
        return d;
    }

    /**
     * Each parameter as a field named after it in the grammar ({@code sslversion:0}, {@code
     * apn:cmnet}); the value that selects a subcommand goes to {@code subcommand}.
     */
    private void parameters(TraceDocument d, AtCommand c) {
        if (c.args().isEmpty()) {
            return;
        }
        boolean selector = registry.hasSubcommands(c);
        for (NamedParam p : registry.parameters(c)) {
            String v = p.value().toLowerCase(Locale.ROOT);
            if (selector) {
                d.add(IndexFields.SUBCOMMAND, Kind.KEYWORD, v);
                selector = false;
                continue;
            }
            if (!v.isEmpty()) {
                d.add(p.name().toLowerCase(Locale.ROOT), Kind.KEYWORD, v);
            }
        }
    }

    private String raw(Transaction t, String commandText) {
        StringBuilder sb = new StringBuilder(commandText);
        for (Event e : t.responses()) {
            sb.append('\n');
            if (e.kind() == EventKind.PAYLOAD) {
                if (!storeSecrets && isSecretUpload(t)) {
                    sb.append("<").append(e.bytes().length).append(" bytes not stored>");
                } else {
                    int n = Math.min(PAYLOAD_TEXT, e.bytes().length);
                    sb.append(ByteEscaper.escape(e.bytes(), 0, n));
                }
            } else {
                sb.append(ByteEscaper.escape(e.bytes()));
            }
        }
        if (t.result() != null && t.result().kind() == EventKind.FINAL) {
            sb.append('\n').append(ByteEscaper.escape(t.result().bytes()));
        }
        return sb.toString();
    }

    /** Certificate and key uploads: their payloads are secrets, as the grammar marks them. */
    boolean isSecretUpload(Transaction t) {
        for (AtCommand c : t.commands()) {
            if (registry.secretPayload(c)) {
                return true;
            }
        }
        return false;
    }
}
