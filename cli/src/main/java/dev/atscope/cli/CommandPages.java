package dev.atscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The reference pages of docs/commands/, one per subcommand, made from the picocli annotations so
 * that the documented options are the code's: the synopsis, the description, every parameter and
 * option with its default, and the footer. {@code CommandPagesTest} fails when a page is out of date.
 *
 * <p>{@code java -cp cli/target/atscope-cli.jar dev.atscope.cli.CommandPages docs/commands} writes them.
 */
public final class CommandPages {

    /** Where the pages live, from the repository's root. */
    public static final String FOLDER = "docs/commands";

    /** Said at the top of every page. */
    static final String GENERATED = "<!-- generated from the picocli annotations by dev.atscope.cli.CommandPages;"
            + " do not edit -->";

    private CommandPages() {}

    /** Writes every page into {@code args[0]} (default {@value #FOLDER}). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : FOLDER);
        Files.createDirectories(folder);
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Files.writeString(folder.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name to content: {@code README.md} (the index) and {@code NAME.md} for each subcommand. */
    public static Map<String, String> pages() {
        CommandLine root = new CommandLine(Main.class);
        Map<String, String> pages = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder();
        index.append(GENERATED).append("\n\n# atscope commands\n\n");
        for (String line : root.getCommandSpec().usageMessage().description()) {
            index.append(line).append('\n');
        }
        index.append("\n| command | what |\n|---|---|\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            if (spec.userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            String name = e.getKey();
            String[] description = spec.usageMessage().description();
            index.append("| [`atscope ").append(name).append("`](").append(name).append(".md) | ")
                    .append(cell(description.length > 0 ? description[0] : "")).append(" |\n");
            pages.put(name + ".md", page(e.getValue()));
        }
        for (String line : root.getCommandSpec().usageMessage().footer()) {
            index.append(line).append('\n');
        }
        pages.put("README.md", index.toString().strip() + "\n");
        return pages;
    }

    private static String page(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        StringBuilder sb = new StringBuilder();
        sb.append(GENERATED).append("\n\n# atscope ").append(spec.name()).append("\n\n```\n")
                .append(help.synopsis(0).stripTrailing()).append("\n```\n\n");
        sb.append(String.join("\n\n", spec.usageMessage().description())).append('\n');
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            sb.append("\n| parameter | what |\n|---|---|\n");
            for (PositionalParamSpec p : positionals) {
                sb.append("| `").append(p.paramLabel()).append("` | ").append(cell(description(p))).append(" |\n");
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            sb.append("\n| option | what | default |\n|---|---|---|\n");
            for (OptionSpec o : options) {
                String names = String.join(", ", o.names());
                String label = o.typeInfo().isBoolean() || o.arity().max() == 0 ? "" : " " + o.paramLabel();
                String def = o.defaultValue() == null || o.typeInfo().isBoolean() ? "" : "`" + o.defaultValue() + "`";
                sb.append("| `").append(names).append(label).append("` | ").append(cell(description(o))).append(" | ")
                        .append(cell(def)).append(" |\n");
            }
        }
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        if (!footer.isEmpty()) {
            sb.append('\n');
            for (String line : footer) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().strip() + "\n";
    }

    /** An option's or parameter's description with picocli's variables resolved, as --help shows it. */
    private static String description(ArgSpec arg) {
        return String.join(" ", arg.description());
    }

    /** Text in one Markdown table cell: no line breaks, pipes escaped. */
    private static String cell(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("|", "\\|").strip();
    }
}
