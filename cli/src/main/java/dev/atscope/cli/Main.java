package dev.atscope.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atscope} command: lists the subcommands, nothing else. */
@Command(
        name = "atscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Records, decodes, checks, searches, replays and draws AT-command traffic between a host and a"
                + " cellular module.",
        // the subcommands are COMMANDS below, added in run: only the one asked for when it is named first
        footer = {"", "Exit codes: 0 ok, 1 findings (with --fail-on), 2 bad input or usage, 3 internal error."})
public final class Main {

    /**
     * Every subcommand, in the order help lists them. Building a subcommand's picocli model reads
     * its annotations by reflection, which took a third of a second for all of them at start-up:
     * a command line that names its subcommand first gets only that one.
     */
    private static final List<Class<?>> COMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    /**
     * The subcommands that read traffic with the protocol libraries: {@link #main} starts loading
     * them on a second thread while picocli builds the command on the first, the two largest parts
     * of a short command's start-up side by side.
     */
    private static final java.util.Set<String> LOAD_LIBRARIES = java.util.Set.of("decode", "check", "index",
            "report", "serve", "replay", "mock", "emulate", "demo", "capture", "libraries");

    private Main() {}

    /** Runs atscope with the given streams and returns the exit code; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args.length > 0 ? named(args[0]) : null);
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

    /** The command with every subcommand, as help shows it. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    private static CommandLine commandLine(Class<?> only) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(new CommandLine(c));
            }
        }
        return cl;
    }

    /** The subcommand class of that name, or null (an option, help, a mistake: then all are added). */
    private static Class<?> named(String arg) {
        if (arg.equals("help")) {
            return null;
        }
        for (Class<?> c : COMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a != null && a.name().equals(arg)) {
                return c;
            }
        }
        return null;
    }

    public static void main(String[] args) {
        if (args.length > 0 && LOAD_LIBRARIES.contains(args[0])) {
            Thread load = new Thread(dev.atscope.core.protocol.ProtocolRegistry::loadDefault, "load-libraries");
            load.setDaemon(true);
            load.start();
        }
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
