package dev.atscope.core.check;

import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.Event;
import dev.atscope.core.protocol.Completion;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.KnownError;
import dev.atscope.core.protocol.PendingCompletions;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The findings about how a transaction ended: a failure explained with its error code's meaning
 * (and what the libraries in use add), no answer, an answer cut off by a restart, an answer later
 * than the grammar's response time.
 */
final class ResultFindings {

    private final Supplier<ProtocolRegistry> registry;
    private final Consumer<Diagnostic> sink;
    private final BiFunction<Transaction, Integer, String> hints;
    private final Predicate<Transaction> explainedElsewhere;

    /**
     * @param registry the grammar in use
     * @param sink where findings go
     * @param hints what the libraries' rules add to a failure's explanation
     * @param explainedElsewhere failures that a session rule gives a finding of its own
     */
    ResultFindings(Supplier<ProtocolRegistry> registry, Consumer<Diagnostic> sink,
            BiFunction<Transaction, Integer, String> hints, Predicate<Transaction> explainedElsewhere) {
        this.registry = registry;
        this.sink = sink;
        this.hints = hints;
        this.explainedElsewhere = explainedElsewhere;
    }

    /** Every failure explained, unless the validator already refused the command or a session rule explains it. */
    void result(Transaction t, boolean valid) {
        ProtocolRegistry r = registry.get();
        switch (t.outcome()) {
            case ERROR -> {
                if (!valid || explainedElsewhere.test(t)) {
                    return;
                }
                String what = t.command().text();
                String section = section(r, t);
                KnownError known = r.error(t.resultText()).orElse(null);
                String codeSection = known == null ? null : known.section();
                sink.accept(CheckRule.RESULT_ERROR.at(what + " failed: " + explain(t, known)
                        + hints.apply(t, r.errorCode(t)), codeSection != null ? codeSection : section, Where.NONE.at(t)));
            }
            case NO_RESPONSE -> {
                String what = t.command().text();
                String section = section(r, t);
                long max = t.shape().maxResponseMillis();
                sink.accept(CheckRule.RESULT_NO_RESPONSE.at(what + " got no answer (waited " + t.waitedMicros() / 1000
                        + " ms" + (max > 0 ? "; the module answers within " + max + " ms" : "") + ")", section,
                        Where.NONE.at(t)));
            }
            case INTERRUPTED -> sink.accept(CheckRule.RESULT_INTERRUPTED.at("the module restarted or powered down"
                    + " while " + t.command().text() + " was waiting for its answer", section(r, t), Where.NONE.at(t)));
            case OK -> {
                // an answer later than the grammar's response time: a host with that timeout gave up
                // (uploads and bodies take as long as their bytes, so only plain answers are timed)
                long max = t.shape().maxResponseMillis();
                if (max > 0 && t.payloads().isEmpty() && t.durationMicros() > max * 1000) {
                    sink.accept(CheckRule.RESULT_SLOW.at(t.command().text() + " took " + t.durationMicros() / 1000
                            + " ms; the module is expected to answer within " + max + " ms, so a host that waits that"
                            + " long gives up first", section(r, t), Where.NONE.at(t)));
                }
            }
        }
    }

    /** The section of the grammar that documents the transaction's (last) command, or null. */
    private static String section(ProtocolRegistry r, Transaction t) {
        Grammar.CommandSpec spec = r.spec(t.last());
        return spec == null ? null : spec.section();
    }

    /** A completion line that says its command failed, explained with its value's meaning. */
    void completion(PendingCompletions.Done done, Event line) {
        Completion c = done.completion();
        if (c.ok()) {
            return;
        }
        KnownError e = c.error();
        String meaning = e == null || e.text() == null ? "a value no loaded library explains" : e.text();
        String section = e != null && e.section() != null ? e.section() : c.spec().section();
        sink.accept(CheckRule.RESULT_COMPLETION.at(done.t().command().text() + " failed: " + line.text().strip() + " ("
                + c.field() + " " + c.value() + ": " + meaning + ")", section, Where.NONE.at(done.t(), line)));
    }

    /** A failure's result in words: the error code's meaning; a bare result as it is (the rules' hints say more). */
    private static String explain(Transaction t, KnownError known) {
        if (t.errorDetail() == null) {
            return t.resultText();
        }
        if (known == null) {
            return t.resultText() + " (a code no loaded library explains)";
        }
        boolean verbose = t.errorCode() < 0;
        return t.resultText() + (verbose ? " (code " + known.code() + ": " + known.text() + ")" : ": " + known.text());
    }
}
