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
 * 2 bad input or usage, 3 internal error) and messages on standard error.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
abstract class AbstractCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

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
            err().println("atscope: " + e.getFile() + ": no such file");
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
        } catch (Exception e) {
            err().println("atscope: internal error: " + e);
            e.printStackTrace(err());
            return 3;
        } finally {
            out().flush();
            err().flush();
        }
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
