package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.imports.TraceFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help says what the commands do, whole, and lists what they accept: nothing more, nothing less. */
class HelpTest {

    /** Help text with its line breaks and indentation folded, so that wrapped sentences compare whole. */
    private static String folded(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @Test
    void theOverviewShowsEverySubcommandsSummaryWholeAsASentence() {
        CliRun r = CliRun.of("--help");
        assertThat(r.code()).isZero();
        Map<String, CommandLine> subcommands = Main.commandLine().getSubcommands();
        assertThat(subcommands).containsKeys("decode", "check", "index", "search", "generate", "report", "replay", "mock");
        subcommands.forEach((name, cl) -> {
            String[] description = cl.getCommandSpec().usageMessage().description();
            if (name.equals("help")) {
                return;
            }
            assertThat(description).as(name).isNotEmpty();
            String summary = description[0];
            assertThat(summary).as(name + "'s summary is a whole sentence").endsWith(".");
            assertThat(folded(r.out())).as(name + "'s summary is shown whole").contains(folded(summary));
        });
    }

    @Test
    void replayAndMockListEveryKindOfLinkWithAnExample() {
        String replay = folded(CliRun.of("replay", "--help").out());
        for (String scheme : LinkSpecs.targets().schemes()) {
            assertThat(replay).as("replay --target names " + scheme).containsPattern("\\(" + scheme + "[:)]");
        }
        String mock = folded(CliRun.of("mock", "--help").out());
        for (String scheme : LinkSpecs.listeners().schemes()) {
            assertThat(mock).as("mock --listen names " + scheme).containsPattern("\\(" + scheme + "[:)]");
        }
        assertThat(replay).contains("emulator[:PROFILE]").contains("serial:PATH").contains("tcp:HOST:PORT");
    }

    @Test
    void exportListsOnlyTheFormatsItWrites() {
        String help = folded(CliRun.of("export", "--help").out());
        int at = help.lastIndexOf("--to=FORMAT");
        String to = help.substring(at, help.indexOf(" -", at + 12));
        for (TraceFormat f : TraceFormat.values()) {
            if (f.writable()) {
                assertThat(to).contains(f.id());
            } else {
                assertThat(to).doesNotContain(f.id());
            }
        }
        CliRun refused = CliRun.of("export", "../samples/traces/https-get.csv", "--to", "slsnif", "-o", "x.log");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("atscope cannot write slsnif");
    }

    @Test
    void decodeSaysWhatEventsAddsAndEnumValuesAreTakenInAnyCase() {
        String help = folded(CliRun.of("decode", "--help").out());
        assertThat(help).contains("the table always shows URCs, noise and gaps");
        assertThat(CliRun.of("decode", "--color", "NEVER", "../samples/traces/https-get.csv").code()).isZero();
        assertThat(CliRun.of("decode", "--color", "Never", "../samples/traces/https-get.csv").code()).isZero();
    }
}
