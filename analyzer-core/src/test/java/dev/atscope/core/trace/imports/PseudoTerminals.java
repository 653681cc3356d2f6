package dev.atscope.core.trace.imports;

import dev.atscope.core.testing.Await;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Connected pseudo-terminal pairs made by socat, and processes that go with them, stopped on close. */
final class PseudoTerminals implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<RandomAccessFile> files = new ArrayList<>();

    /** Starts a process; its standard error goes to {@code stderr} when given. */
    Process start(Path stderr, Path stdout, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile()));
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** socat's PTY address with a link, raw and without echo. */
    static String pty(Path link) {
        return "PTY,raw,echo=0,link=" + link;
    }

    /** Waits until socat has made the links. */
    static void awaitLinks(Path... links) {
        Await.until("socat's pseudo-terminals at " + List.of(links),
                () -> Arrays.stream(links).allMatch(Files::exists));
    }

    /** Waits until the process has the terminal open (its file descriptors in /proc name it). */
    static void awaitOpened(Process p, Path terminal) throws IOException {
        Path real = terminal.toRealPath();
        Path fds = Path.of("/proc", Long.toString(p.pid()), "fd");
        Await.until(p.info().command().orElse("the process") + " to open " + real, () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("it ended with exit code " + p.exitValue());
            }
            try (var s = Files.list(fds)) {
                return s.anyMatch(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).equals(real);
                    } catch (IOException e) {
                        return false;
                    }
                });
            } catch (IOException e) {
                return false; // the process is still starting
            }
        });
    }

    /** Opens a pseudo-terminal for reading and writing. */
    RandomAccessFile open(Path link) throws IOException {
        RandomAccessFile f = new RandomAccessFile(link.toRealPath().toFile(), "rw");
        files.add(f);
        return f;
    }

    /** Ends a process as Ctrl-C would, and waits for it to write its last output. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws Exception {
        for (RandomAccessFile f : files) {
            f.close();
        }
        for (Process p : processes) {
            stop(p);
        }
    }
}
