package dev.atscope.cli;

import dev.atscope.core.trace.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: the one place where failures become exit codes (0 ok, 1 findings,
 * 2 bad input or usage, 3 internal error) and messages on standard error. Bad input is one line
 * naming the file and what was expected; only atscope's own faults print a stack trace.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
abstract class AbstractCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    /** The last line of every internal error: what the user can do about it. */
    static final String PLEASE_REPORT = "atscope: this is a bug in atscope; please report it with the command line"
            + " and, if you can share it, the input";

    @Spec
    CommandSpec spec;

    /** Does the work; returns OK or FINDINGS. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (TraceFormatException e) {
            err().println("atscope: " + e.getMessage());
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            // the reason, when the thrower gave one (a folder that holds no index)
            err().println("atscope: " + TerminalText.safe(e.getFile()) + ": "
                    + (e.getReason() != null ? e.getReason() : "no such file"));
            return BAD_INPUT;
        } catch (AccessDeniedException e) {
            err().println("atscope: " + e.getFile() + ": permission denied");
            return BAD_INPUT;
        } catch (UsageException e) {
            err().println("atscope: " + e.getMessage());
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err().println("atscope: " + e.getCause().getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err().println("atscope: " + e.getMessage());
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            return outOfMemory(err());
        } catch (Exception | Error e) {
            return internalError(err(), e);
        } finally {
            out().flush();
            err().flush();
        }
    }

    /**
     * A fault of atscope itself, not of its input: the stack trace for whoever fixes it, then a line
     * asking for a report; exit code 3, never 1, which means findings.
     */
    static int internalError(PrintWriter err, Throwable e) {
        err.println("atscope: internal error: " + e);
        e.printStackTrace(err);
        err.println(PLEASE_REPORT);
        return INTERNAL_ERROR;
    }

    /**
     * The heap ran out: every reader holds a bounded amount per line, so this is atscope's fault too.
     * One line and no stack trace, which would say nothing and might not fit.
     */
    static int outOfMemory(PrintWriter err) {
        err.println("atscope: internal error: out of memory (the Java heap holds at most "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; ATSCOPE_JAVA_OPTS=-Xmx... sets it)");
        err.println(PLEASE_REPORT);
        return INTERNAL_ERROR;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Bad arguments found after parsing: exit code 2 with the message. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
