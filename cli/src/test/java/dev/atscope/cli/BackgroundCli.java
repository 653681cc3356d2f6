package dev.atscope.cli;

import dev.atscope.core.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the command line on a thread of its own (a mock the test talks to) and keeps what it printed. */
final class BackgroundCli implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on tcp:127\\.0\\.0\\.1:(\\d+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int code = -1;

    BackgroundCli(String... args) {
        thread = new Thread(() -> code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args),
                "test-cli");
        thread.start();
    }

    /** Waits until it says which port it listens on. */
    int port() {
        return Await.value("the port it listens on", () -> {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
            if (!thread.isAlive()) {
                throw new AssertionError("ended before listening: " + out + err);
            }
            return Optional.empty();
        });
    }

    /** Waits for the end and returns what it printed and its exit code. */
    CliRun finish() throws InterruptedException {
        thread.join();
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public void close() throws InterruptedException {
        thread.join();
    }
}
