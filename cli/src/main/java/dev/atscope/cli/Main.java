package dev.atscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atscope} command: lists the subcommands, nothing else. */
@Command(
        name = "atscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Records, decodes, checks, searches, replays and draws AT-command traffic between a host and a"
                + " cellular module.",
        subcommands = {
            DecodeCommand.class,
            CheckCommand.class,
            IndexCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            SearchCommand.class,
            ServeCommand.class,
            GenerateCommand.class,
            ReportCommand.class,
            EmulateCommand.class,
            DemoCommand.class,
            CaptureCommand.class,
            PortsCommand.class,
            ReplayCommand.class,
            MockCommand.class,
            LibrariesCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 findings (with --fail-on), 2 bad input or usage, 3 internal error."})
public final class Main {

    private Main() {}

    /** Runs atscope with the given streams and returns the exit code; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // --sort time, --color NEVER: enum values in any case, on every command
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                AbstractCommand.internalError(commandLine.getErr(), ex));
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("atscope: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(out, err, args);
        } catch (OutOfMemoryError e) {
            // outside any command (while parsing arguments): the JVM's own exit code would be 1, "findings"
            code = AbstractCommand.outOfMemory(err);
        } catch (RuntimeException | Error e) {
            code = AbstractCommand.internalError(err, e);
        }
        err.flush();
        System.exit(code);
    }
}
