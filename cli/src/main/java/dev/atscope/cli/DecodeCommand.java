package dev.atscope.cli;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.ImportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope decode TRACE...}: the transactions of traces as a table or JSON Lines. */
@Command(name = "decode", description = {"Decodes traces into transactions: each command with its echo, responses,"
        + " payloads, final result, outcome and duration.", "Reads files, folders (recursively) and standard input"
        + " ('-'); a trace that cannot be read is reported in one line and the others are decoded."})
final class DecodeCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", arity = "1..*",
            description = "traces in any format atscope reads (detected), folders of them, or - for standard input")
    List<String> traces;

    @Option(names = "--json", description = "JSON Lines: one transaction a line, with byte offsets and timestamps")
    boolean json;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

    @Mixin
    OutputStyle style;

    @Option(names = "--events", description = "also list recorder notes and line errors, and with --json URCs and"
            + " noise as lines of their own (the table always shows URCs, noise and gaps)")
    boolean events;

    @Override
    int execute() throws Exception {
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        ImportOptions options = input.options();
        List<TraceSource> sources = input.sources(traces);
        boolean one = sources.size() == 1;
        return input.forEach(sources, out(), err(), (s, out, err) -> decode(s, options, registry, out, err, one));
    }

    private int decode(TraceSource source, ImportOptions options, ProtocolRegistry registry, PrintWriter out,
            PrintWriter err, boolean one) throws IOException {
        // a folder's files are decoded side by side: a progress bar each would fight over the line
        try (ProgressDisplay progress = one ? style.progress("decode " + source.name(), source.size(),
                ProgressDisplay.Unit.BYTES) : ProgressDisplay.NONE; TraceReader reader = source.open(options, progress::advance)) {
            // the JSON form only for --json: it loads Jackson, a tenth of a short decode's start-up
            DecodedJson jsonForm = json ? new DecodedJson(registry, reader.metadata().start(), reader.metadata().source())
                    : null;
            TransactionTable table = new TransactionTable(out, reader.metadata(), style.width());
            if (!json) {
                table.header(source.name());
            }
            TraceDecoding.decode(reader, library.selection(registry), d -> {
                if (json) {
                    if (d instanceof Transaction t) {
                        out.println(jsonForm.transaction(t).toString());
                    } else if (d instanceof Event e && shown(e, events)) {
                        out.println(jsonForm.event(e).toString());
                    }
                } else {
                    print(table, d);
                }
            });
            if (!json && !style.quiet) {
                table.footer();
            }
            out.flush();
            for (String w : reader.warnings()) {
                err.println("atscope: warning: " + w);
            }
        }
        return OK;
    }

    private void print(TransactionTable table, Decoded d) {
        if (d instanceof Transaction t) {
            table.transaction(t);
        } else if (d instanceof Event e && (shown(e, events) || standalone(e) && e.kind() != EventKind.MARKER)) {
            table.event(e);
        }
    }

    /**
     * Whether an event that is no part of a transaction is shown: gaps always (bytes may be missing
     * there), the others with {@code --events}.
     */
    static boolean shown(Event e, boolean events) {
        return standalone(e) && (events || gap(e));
    }

    /** A recording gap: a port vanished, a broken part of a log was skipped. */
    static boolean gap(Event e) {
        return e.kind() == EventKind.MARKER && new String(e.bytes(), StandardCharsets.UTF_8).startsWith("gap:");
    }

    /** Events that belong to no transaction: URCs, noise, markers, orphan echoes and results. */
    static boolean standalone(Event e) {
        return switch (e.kind()) {
            case URC, NOISE, MARKER -> true;
            case ECHO, FINAL -> e.note() != null;
            default -> false;
        };
    }
}
