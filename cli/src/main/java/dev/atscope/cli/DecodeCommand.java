package dev.atscope.cli;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.imports.Traces;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope decode TRACE}: the transactions of a trace as a table or JSON Lines. */
@Command(name = "decode", description = {"Decodes a trace into transactions: each command with its echo, responses,"
        + " payloads, final result, outcome and duration.", "Reads standard input when TRACE is '-'."})
final class DecodeCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "a trace in any format atscope reads (detected), or - for standard input")
    String trace;

    @Option(names = "--json", description = "JSON Lines: one transaction a line, with byte offsets and timestamps")
    boolean json;

    @Mixin
    TraceInputOptions input;

    @Mixin
    LibraryOption library;

    @Option(names = "--events", description = "also list URCs, noise and markers (with --json: as their own lines)")
    boolean events;

    @Override
    int execute() throws Exception {
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        PrintWriter out = out();
        try (TraceReader reader = Traces.open(trace, input.options())) {
            DecodedJson jsonForm = new DecodedJson(registry, reader.metadata().start(), reader.metadata().source());
            TransactionTable table = new TransactionTable(out, reader.metadata());
            if (!json) {
                table.header();
            }
            TraceDecoding.decode(reader, library.selection(registry), d -> {
                if (json) {
                    if (d instanceof Transaction t) {
                        out.println(jsonForm.transaction(t).toString());
                    } else if (events && d instanceof Event e && standalone(e)) {
                        out.println(jsonForm.event(e).toString());
                    }
                } else {
                    print(table, d);
                }
            });
            if (!json) {
                table.footer();
            }
            for (String w : reader.warnings()) {
                err().println("atscope: warning: " + w);
            }
        }
        return OK;
    }

    private void print(TransactionTable table, Decoded d) {
        if (d instanceof Transaction t) {
            table.transaction(t);
        } else if (d instanceof Event e && standalone(e) && (events || e.kind() != EventKind.MARKER)) {
            table.event(e);
        }
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
