package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Failures become exit codes in one place: bad input is exit 2 with one line naming the file and no
 * stack trace; atscope's own faults, running out of memory included, are exit 3 with a line asking
 * for a report, never 1, which means findings.
 */
class ExitCodeTest {

    @TempDir
    Path dir;

    /** A command that fails the way it is told to. */
    @Command(name = "fail")
    static final class Failing extends AbstractCommand {
        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        int execute() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private record Outcome(int code, String err) {}

    private static Outcome run(Throwable failure) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Failing(failure));
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Outcome(cl.execute(), err.toString());
    }

    @Test
    void badInputIsExitTwoInOneLineNamingTheFile() {
        Outcome o = run(new TraceFormatException(new SourceLocation("field.log", 7), "'zz'; expected an operation"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("atscope: field.log:7: 'zz'; expected an operation\n");
        assertThat(run(new UncheckedIOException(new IOException("field.log: is a directory"))).code()).isEqualTo(2);
    }

    @Test
    void aBugIsExitThreeWithItsStackTraceAndAskForAReport() {
        Outcome o = run(new IllegalStateException("lane out of step"));
        assertThat(o.code()).isEqualTo(3);
        assertThat(o.err()).startsWith("atscope: internal error: java.lang.IllegalStateException: lane out of step\n")
                .contains("\tat dev.atscope.cli.ExitCodeTest")
                .endsWith(AbstractCommand.PLEASE_REPORT + "\n");
        Outcome deep = run(new StackOverflowError());
        assertThat(deep.code()).isEqualTo(3);
        assertThat(deep.err()).endsWith(AbstractCommand.PLEASE_REPORT + "\n");
    }

    @Test
    void runningOutOfMemoryIsExitThreeInOneLineNotOne() {
        Outcome o = run(new OutOfMemoryError("Java heap space"));
        assertThat(o.code()).isEqualTo(3);
        assertThat(o.err().lines().toList()).hasSize(2);
        assertThat(o.err()).startsWith("atscope: internal error: out of memory (the Java heap holds at most ")
                .endsWith(AbstractCommand.PLEASE_REPORT + "\n");
    }

    /**
     * The whole program in a JVM of 128 MiB (the 64 MiB quote that never closes used to fill it and
     * end with exit 1): a clear error naming the line and exit 2.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aQuoteThatNeverClosesInASmallHeapIsBadInputNotACrash() throws Exception {
        Path trace = dir.resolve("huge.csv");
        try (var out = Files.newOutputStream(trace)) {
            out.write("# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT\\r\n5,M>H,data,\"OK".getBytes(
                    StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", trace.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("atscope: " + trace + ":4: a row longer than 16,777,216 bytes")
                .doesNotContain("\tat ");
    }
}
