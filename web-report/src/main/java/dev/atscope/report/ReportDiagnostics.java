package dev.atscope.report;

import dev.atscope.core.check.CommandValidator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.Severity;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.Locale;
import java.util.function.Consumer;

/** Where the report's diagnostics come from: fed the decoded stream, hands out diagnostics. */
final class ReportDiagnostics {

    /** A checker as the report drives it: every decoded item, then the end of the trace. */
    interface Feed {
        /** Feeds one decoded item, in trace order. */
        void accept(Decoded d);

        /** The end of the trace: findings that needed the whole trace come now. */
        void finish();
    }

    private ReportDiagnostics() {}

    /** The one source of diagnostics: swap in the trace checker here and nowhere else. */
    static Feed open(ProtocolRegistry registry, Consumer<Diagnostic> sink) {
        return new PerTransaction(registry, sink);
    }

    /** Grammar checks of each command, and one finding per ERROR result saying what its code means. */
    private static final class PerTransaction implements Feed {
        private final ProtocolRegistry registry;
        private final CommandValidator validator;
        private final Consumer<Diagnostic> sink;

        PerTransaction(ProtocolRegistry registry, Consumer<Diagnostic> sink) {
            this.registry = registry;
            this.validator = new CommandValidator(registry);
            this.sink = sink;
        }

        @Override
        public void accept(Decoded d) {
            if (!(d instanceof Transaction t)) {
                return;
            }
            for (AtCommand c : t.commands()) {
                if (hasSubcommands(c)) {
                    continue;
                }
                for (Diagnostic diag : validator.validate(c)) {
                    sink.accept(diag.withWhere(diag.where().at(t)));
                }
            }
            if (t.outcome() == Outcome.ERROR) {
                String result = t.resultText();
                String upper = result.toUpperCase(Locale.ROOT);
                if (upper.equals("ERROR") || t.errorDetail() != null) {
                    sink.accept(resultError(t, result));
                }
            }
        }

        /**
         * AT+QSSLCFG="type",... : what follows the type depends on it (§2.2.1), which the grammar's one
         * parameter list cannot say; checking it against that list would flag the note's own examples.
         */
        private boolean hasSubcommands(AtCommand c) {
            return registry.command(c.name())
                    .map(s -> s.forms().get(c.form().word()))
                    .map(f -> !f.params().isEmpty() && f.params().get(0).name().equals("type"))
                    .orElse(false);
        }

        private Diagnostic resultError(Transaction t, String result) {
            int code = t.errorCode();
            if (code < 0 && t.errorDetail() != null) {
                code = registry.cmeCodeOf(t.errorDetail());
            }
            String meaning = code >= 0 ? registry.cmeMeaning(code) : null;
            String command = t.last().display();
            String message;
            if (t.errorDetail() == null) {
                message = command + " was refused with ERROR: the module gives no reason (AT+CMEE=1 or 2 makes it"
                        + " report a code)";
            } else if (meaning != null) {
                message = command + " failed with " + result + (result.contains(meaning) ? "" : ": " + meaning)
                        + (t.errorCode() < 0 ? " (code " + code + ")" : "");
            } else {
                message = command + " failed with " + result + ": a code no loaded protocol library explains";
            }
            String section = registry.command(t.last().name()).map(Grammar.CommandSpec::section).orElse(null);
            return new Diagnostic("result.error", Severity.ERROR, message, section, Where.NONE.at(t));
        }

        @Override
        public void finish() {
            // every finding here belongs to one transaction and was handed out with it
        }
    }
}
