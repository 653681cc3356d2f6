package dev.atscope.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code atscope serve} as typed: it prints its URL, warns when it listens beyond loopback, refuses bad options. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    static final Pattern URL = Pattern.compile("at (http://[^ ]+/) \\(Ctrl-C stops\\)");

    @TempDir
    Path tmp;

    /** The command on a thread of its own, stopped by interrupting it. */
    static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int code = -1;

        Running(String... args) {
            thread = new Thread(() -> code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
            thread.start();
        }

        String url() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Matcher m = URL.matcher(out.toString());
                if (m.find()) {
                    return m.group(1);
                }
                if (!thread.isAlive()) {
                    throw new AssertionError("ended before serving: " + out + err);
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no URL within a minute: " + out + err);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
        }
    }

    private Path index() throws Exception {
        Path trace = tmp.resolve("hostile.csv");
        ServedFleet.hostile(trace);
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "index", trace.toString(),
                "--index", tmp.resolve("idx").toString())).as(err.toString()).isZero();
        return tmp.resolve("idx");
    }

    @Test
    void itPrintsItsUrlAnswersThereAndStops() throws Exception {
        Path idx = index();
        Running r = new Running("serve", "--index", idx.toString(), "--listen", "127.0.0.1:0");
        try (r) {
            String url = r.url();
            assertThat(url).startsWith("http://127.0.0.1:");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/search?q=QHTTPGET"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"total\":1");
            assertThat(r.err.toString()).isEmpty();
        }
        assertThat(r.thread.isAlive()).isFalse();
        assertThat(r.code).isZero();
    }

    @Test
    void beyondLoopbackItWarnsLoudly() throws Exception {
        Path idx = index();
        try (Running r = new Running("serve", "--index", idx.toString(), "--listen", "0.0.0.0:0")) {
            r.url();
            assertThat(r.err.toString()).startsWith("atscope: WARNING: listening on 0.0.0.0:")
                    .contains("anyone who reaches this port can search the index and download its traces");
        }
    }

    @Test
    void badOptionsAreOneLineAndExitCode2() throws Exception {
        Path idx = index();
        for (String[] args : new String[][] {
            {"serve", "--index", idx.toString(), "--listen", "127.0.0.1:99999"},
            {"serve", "--index", idx.toString(), "--listen", "nowhere.invalid:80"},
            {"serve", "--index", tmp.resolve("none").toString()}}) {
            StringWriter err = new StringWriter();
            assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args)).isEqualTo(2);
            assertThat(err.toString()).startsWith("atscope: ").hasLineCount(1);
        }
        assertThat(Files.exists(tmp.resolve("none"))).isFalse();
    }
}
