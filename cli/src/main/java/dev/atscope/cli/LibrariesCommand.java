package dev.atscope.cli;

import dev.atscope.core.check.Rule;
import dev.atscope.core.check.RuleCatalogue;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.session.OutcomeCatalogue;
import dev.atscope.core.session.SessionOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atscope libraries}: the protocol libraries loaded, what each brings, and where it comes from. */
@Command(name = "libraries", description = {"Lists the protocol libraries atscope loaded: whether each applies to every"
        + " trace (base) or is chosen from a trace's traffic (vendor), its commands, rules, outcomes, the module models"
        + " that choose it, and the documents its grammar comes from.",
    "With --rules: every rule and session outcome, as the Markdown tables of docs/rules.md."})
final class LibrariesCommand extends AbstractCommand {

    @Option(names = "--rules", description = "print the rules and outcomes tables (Markdown) instead")
    boolean rules;

    @Override
    int execute() {
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        if (rules) {
            out().print(markdown(registry));
        } else {
            list(out(), registry);
        }
        return OK;
    }

    static void list(PrintWriter out, ProtocolRegistry registry) {
        Map<String, List<Rule>> rules = RuleCatalogue.of(registry).byLibrary();
        Map<String, List<SessionOutcome>> outcomes = OutcomeCatalogue.of(registry);
        out.printf("%-20s %-7s %8s %6s %9s  %s%n", "LIBRARY", "KIND", "COMMANDS", "RULES", "OUTCOMES", "MODELS");
        for (ProtocolLibrary lib : registry.basesFirst()) {
            out.printf("%-20s %-7s %8d %6d %9d  %s%n", lib.id(), lib.base() ? "base" : "vendor",
                    lib.grammar().commands().size(), rules.getOrDefault(lib.id(), List.of()).size(),
                    outcomes.getOrDefault(lib.id(), List.of()).size(),
                    lib.models().isEmpty() ? "-" : String.join(", ", lib.models()));
        }
        out.println();
        for (ProtocolLibrary lib : registry.basesFirst()) {
            Grammar g = lib.grammar();
            out.println(lib.id() + ": " + (g.title() == null ? "" : g.title()));
            out.println("  source: " + (g.source() == null ? "not given" : g.source()));
        }
    }

    /** The rules table and the outcomes table, as docs/rules.md holds them: generated, never written by hand. */
    static String markdown(ProtocolRegistry registry) {
        StringBuilder sb = new StringBuilder();
        sb.append("| rule | library | severity | section | what |\n|---|---|---|---|---|\n");
        RuleCatalogue.of(registry).byLibrary().forEach((library, list) -> {
            for (Rule r : list) {
                sb.append("| `").append(r.id()).append("` | ").append(library).append(" | ").append(r.severity().word())
                        .append(" | ").append(r.section()).append(" | ").append(r.summary()).append(" |\n");
            }
        });
        sb.append("\n| outcome | decided by | what |\n|---|---|---|\n");
        OutcomeCatalogue.of(registry).forEach((library, list) -> {
            for (SessionOutcome o : list) {
                sb.append("| `").append(o.word()).append("` | ").append(library).append(" | ").append(o.meaning())
                        .append(" |\n");
            }
        });
        return sb.toString();
    }
}
