package dev.atscope.core.check;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks a decoded trace as it streams past: every command against the grammar, every answer line
 * against the grammar's response lines, every failure explained, and the session rules of the
 * application note ({@link SessionRules}). Diagnostics about a transaction are handed to the sink
 * while that transaction is accepted, placed with {@link Where#at}; nothing proportional to the
 * trace is kept.
 *
 * <p>Not thread-safe: one checker per trace.
 */
public final class TraceChecker {

    private final ProtocolRegistry registry;
    private final Consumer<Diagnostic> sink;
    private final CommandValidator validator;
    private final SessionRules rules;
    /**
     * The trace uses the LTE modules' syntax (PROTOCOL-NOTES): the vendor library describes the
     * M-series, so its commands and session rules are left unchecked rather than flagged line by line.
     */
    private boolean otherDialect;
    /** The library whose commands another dialect makes unreliable: the one that defines AT+QICSGP. */
    private final String dialectLibrary;

    /**
     * @param registry the protocol libraries to check against
     * @param sink receives each diagnostic as soon as it is known
     */
    public TraceChecker(ProtocolRegistry registry, Consumer<Diagnostic> sink) {
        this.registry = registry;
        this.sink = sink;
        this.validator = new CommandValidator(registry);
        this.rules = new SessionRules(registry, sink);
        this.dialectLibrary = registry.libraryOf("+QICSGP");
    }

    /** Checks a whole decoded trace held in memory (small traces, tests). */
    public static List<Diagnostic> check(List<? extends Decoded> items, ProtocolRegistry registry) {
        List<Diagnostic> out = new ArrayList<>();
        TraceChecker checker = new TraceChecker(registry, out::add);
        for (Decoded d : items) {
            checker.accept(d);
        }
        checker.finish();
        return out;
    }

    /** URCs inside one answer from which a burst is worth a word. */
    static final int URC_BURST = 5;

    /** URC events since the last command line began: how many arrived while it waited. */
    private int urcsSinceCommand;

    /** Takes the next item the decoder handed out, in order. */
    public void accept(Decoded item) {
        if (item instanceof Transaction t) {
            transaction(t);
            urcsSinceCommand = 0;
        } else {
            Event e = (Event) item;
            if (e.kind() == EventKind.URC) {
                urcsSinceCommand++;
            } else if (e.kind() == EventKind.COMMAND) {
                urcsSinceCommand = 0;
            }
            rules.event(e);
        }
    }

    /** The end of the trace. */
    public void finish() {
        rules.finish();
    }

    private void transaction(Transaction t) {
        // the line as text only when a command does not start right after "AT" (several commands, spaces)
        String line = t.commands().size() > 1 || t.command().bytes().length != t.first().raw().length() + 2
                ? t.command().text() : null;
        boolean valid = true;
        for (AtCommand c : t.commands()) {
            if (!otherDialect && isOtherDialect(c)) {
                otherDialect = true;
                sink.accept(new Diagnostic("library.dialect", Severity.WARNING, t.command().text() + " is the syntax of Quectel's"
                        + " LTE modules (BG96, EC21, ...), not of the M-series modules that " + dialectLibrary
                        + " describes: that library's commands and the session rules are not checked in this trace",
                        "1.2, 3.3", Where.NONE.at(t)));
            }
            if (otherDialect && dialectLibrary != null && dialectLibrary.equals(registry.libraryOf(c.name()))) {
                continue;
            }
            int shift = line == null ? 0 : SessionRules.shift(line, c);
            for (Diagnostic d : validator.validate(c)) {
                valid &= d.severity() != Severity.ERROR;
                sink.accept(d.withWhere(d.where().shifted(shift).at(t)));
            }
        }
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.RESPONSE && !registry.responseSpecs(t.last()).isEmpty()) {
                String text = e.text();
                for (Diagnostic d : validator.validateResponse(owner(t, text), text)) {
                    sink.accept(d.withWhere(d.where().at(t, e)));
                }
            }
        }
        result(t, valid);
        if (urcsSinceCommand >= URC_BURST) {
            sink.accept(new Diagnostic("urc.burst", Severity.INFO, urcsSinceCommand
                    + " unsolicited result codes arrived while " + t.first().display() + " waited for its answer:"
                    + " a host that reads answers line by line must set them aside", null, Where.NONE.at(t)));
        }
        if (!otherDialect) {
            rules.transaction(t, valid);
        }
    }

    /**
     * AT+QICSGP with a context id before the type ({@code =1,1,"apn",...}) or AT+QIACT with a
     * context id: the LTE modules' forms (PROTOCOL-NOTES), where the M-series sends
     * {@code AT+QICSGP=1,"apn"} and {@code AT+QIACT}.
     */
    private static boolean isOtherDialect(AtCommand c) {
        if (c.form() != CommandForm.WRITE) {
            return false;
        }
        if (c.name().equals("+QIACT")) {
            return true;
        }
        if (c.name().equals("+QICSGP")) {
            List<String> p = c.params();
            return p.size() >= 2 && !p.get(1).isEmpty() && Character.isDigit(p.get(1).charAt(0));
        }
        return false;
    }

    /** The command of a line of several that an answer belongs to: the one whose prefix it carries. */
    private static AtCommand owner(Transaction t, String text) {
        if (t.commands().size() > 1) {
            for (AtCommand c : t.commands()) {
                if (c.name().startsWith("+") && text.startsWith(c.name() + ":")) {
                    return c;
                }
            }
        }
        return t.last();
    }

    /**
     * Every failure explained; AT+QIACT's failure has its own diagnostic that also walks the
     * checklist, and a command the validator refused needs no second word.
     */
    private void result(Transaction t, boolean valid) {
        AtCommand c = t.last();
        String what = t.command().text();
        String section = registry.command(c.name()).map(Grammar.CommandSpec::section).orElse(null);
        switch (t.outcome()) {
            case ERROR -> {
                if (c.name().equals("+QIACT") || !valid) {
                    return;
                }
                sink.accept(new Diagnostic("result.error", Severity.ERROR, what + " failed: " + explain(t)
                        + rules.errorHint(t, code(t)),
                        errorSection(t, section), Where.NONE.at(t)));
            }
            case NO_RESPONSE -> {
                long max = t.shape().maxResponseMillis();
                sink.accept(new Diagnostic("result.no-response", Severity.WARNING, what + " got no answer (waited "
                        + t.waitedMicros() / 1000 + " ms" + (max > 0 ? "; the module answers within " + max + " ms" : "")
                        + ")", section, Where.NONE.at(t)));
            }
            case INTERRUPTED -> sink.accept(new Diagnostic("result.interrupted", Severity.WARNING,
                    "the module restarted or powered down while " + what + " was waiting for its answer", section,
                    Where.NONE.at(t)));
            case OK -> {
                // an answer later than the grammar's response time: a host with that timeout gave up
                // (uploads and bodies take as long as their bytes, so only plain answers are timed)
                long max = t.shape().maxResponseMillis();
                if (max > 0 && t.payloads().isEmpty() && t.durationMicros() > max * 1000) {
                    sink.accept(new Diagnostic("result.slow", Severity.WARNING, what + " took "
                            + t.durationMicros() / 1000 + " ms; the module is expected to answer within " + max
                            + " ms, so a host that waits that long gives up first", section, Where.NONE.at(t)));
                }
            }
        }
    }

    /** A failure's result in words: the error code's meaning, or what to do to get one. */
    String explain(Transaction t) {
        String detail = t.errorDetail();
        if (detail == null) {
            String r = t.resultText();
            return r + ("ERROR".equals(r) && !rules.errorCodesOn()
                    ? " (no reason given: AT+CMEE=1 or AT+CMEE=2 makes the module say why)" : "");
        }
        int code = code(t);
        String meaning = code >= 0 ? registry.cmeMeaning(code) : null;
        if (meaning == null) {
            return t.resultText() + " (a code no loaded library explains)";
        }
        boolean verbose = t.errorCode() < 0;
        return t.resultText() + (verbose ? " (code " + code + ": " + meaning + ")" : ": " + meaning);
    }

    int code(Transaction t) {
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        return code;
    }

    private String errorSection(Transaction t, String section) {
        int code = code(t);
        String s = code >= 0 ? registry.cmeSection(code) : null;
        return s != null ? s : section;
    }

    /** Whether a transaction ended well. */
    static boolean ok(Transaction t) {
        return t.outcome() == Outcome.OK;
    }
}
