package dev.atscope.core.index;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.SessionSummary;
import dev.atscope.core.trace.ByteEscaper;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/** Turns decoded transactions into index documents; the field types are chosen for their queries. */
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
    static void common(Document d, String type, String key, String file, String device, long timeMicros) {
        long timeMillis = Math.floorDiv(timeMicros, 1000);
        d.add(new StringField(IndexFields.TYPE, type, Field.Store.YES));
        d.add(new StringField(IndexFields.KEY, key, Field.Store.YES));
        d.add(new StringField(IndexFields.FILE, file, Field.Store.YES));
        d.add(new StringField(IndexFields.DEVICE, device.toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new StoredField(IndexFields.DEVICE, device));
        // points for ranges, doc values for sorting by time, stored to show it
        d.add(new LongPoint(IndexFields.TIME, timeMillis));
        d.add(new NumericDocValuesField(IndexFields.TIME, timeMillis));
        d.add(new StoredField(IndexFields.TIME, timeMillis));
        d.add(new StoredField(IndexFields.TIME_US, timeMicros));
    }

    /** The duration: milliseconds for queries, microseconds stored for output. */
    private static void duration(Document d, long micros) {
        long millis = micros / 1000;
        d.add(new LongPoint(IndexFields.DURATION, millis));
        d.add(new StoredField(IndexFields.DURATION, millis));
        d.add(new StoredField(IndexFields.DURATION_US, micros));
    }

    /**
     * A transaction with its commands, parameters by grammar name, result, error and the rule ids
     * of the checker's findings about it.
     */
    Document of(Transaction t, String file, String device, long startMillis, int session,
            java.util.Collection<String> rules) {
        Document d = new Document();
        common(d, "transaction", file + "#" + t.id(), file, device, startMillis * 1000 + t.startMicros());
        d.add(new StringField(IndexFields.SESSION, Integer.toString(session), Field.Store.YES));
        d.add(new StoredField(IndexFields.TX_ID, t.id()));
        d.add(new StoredField(IndexFields.OFFSET, t.command().startOffset()));
        duration(d, t.durationMicros());
        d.add(new StoredField(IndexFields.COMMAND_TEXT, ByteEscaper.escape(t.command().bytes())));
        for (AtCommand c : t.commands()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            d.add(new StringField(IndexFields.COMMAND, name, Field.Store.NO));
            if (name.startsWith("+")) {
                d.add(new StringField(IndexFields.COMMAND, name.substring(1), Field.Store.NO));
            }
            d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_COMMAND, c.name()));
            parameters(d, c);
        }
        d.add(new StringField(IndexFields.RESULT, t.resultText().toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new StoredField(IndexFields.RESULT, t.resultText()));
        d.add(new StringField(IndexFields.OUTCOME, t.outcome().word(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_OUTCOME, t.outcome().word()));
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        if (code >= 0) {
            d.add(new LongPoint(IndexFields.ERROR, code));
            d.add(new StoredField(IndexFields.ERROR, code));
            d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_ERROR, Integer.toString(code)));
            String meaning = registry.cmeMeaning(code);
            if (meaning != null) {
                d.add(new TextField(IndexFields.ERROR_MEANING, meaning, Field.Store.YES));
            }
        }
        for (String rule : rules) {
            d.add(new StringField(IndexFields.RULE, rule.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_RULE, rule));
        }
        d.add(new TextField(IndexFields.RAW, raw(t), Field.Store.YES));
        return d;
    }

    /** A session with its outcome and the transactions that decided it. */
    Document of(SessionSummary s, String file, String device, long startMillis) {
        Document d = new Document();
        common(d, "session", file + "#s" + s.index(), file, device, startMillis * 1000 + s.startMicros());
        d.add(new StringField(IndexFields.SESSION, Integer.toString(s.index()), Field.Store.YES));
        duration(d, s.endMicros() - s.startMicros());
        d.add(new StringField(IndexFields.OUTCOME, s.outcome().word(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_OUTCOME, s.outcome().word()));
        d.add(new StoredField(IndexFields.COMMAND_TEXT, "session " + s.index() + " (" + s.transactions()
                + " transactions, ended by " + s.endedBy() + ")"));
        if (!s.deciding().isEmpty()) {
            d.add(new StoredField(IndexFields.TX_ID, s.deciding().get(0)));
        }
        if (s.errorCode() >= 0) {
            d.add(new LongPoint(IndexFields.ERROR, s.errorCode()));
            d.add(new StoredField(IndexFields.ERROR, s.errorCode()));
            d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_ERROR, Integer.toString(s.errorCode())));
        }
        d.add(new StringField(IndexFields.RESULT, s.outcome().word(), Field.Store.YES));
        d.add(new TextField(IndexFields.RAW, s.outcome().word() + "\n" + s.detail(), Field.Store.YES));
        return d;
    }

    /**
     * Each parameter as a field named after it in the grammar ({@code sslversion:0}, {@code
     * apn:cmnet}); the value that selects a subcommand goes to {@code subcommand}.
     */
    private void parameters(Document d, AtCommand c) {
        if (c.args().isEmpty()) {
            return;
        }
        boolean selector = registry.hasSubcommands(c);
        for (NamedParam p : registry.parameters(c)) {
            String v = p.value().toLowerCase(Locale.ROOT);
            if (selector) {
                d.add(new StringField(IndexFields.SUBCOMMAND, v, Field.Store.NO));
                selector = false;
                continue;
            }
            if (!v.isEmpty()) {
                d.add(new StringField(p.name().toLowerCase(Locale.ROOT), v, Field.Store.NO));
            }
        }
    }

    private String raw(Transaction t) {
        StringBuilder sb = new StringBuilder(ByteEscaper.escape(t.command().bytes()));
        boolean secret = isSecretUpload(t);
        for (Event e : t.responses()) {
            sb.append('\n');
            if (e.kind() == EventKind.PAYLOAD) {
                if (secret && !storeSecrets) {
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
        return t.commands().stream().anyMatch(registry::secretPayload);
    }
}
