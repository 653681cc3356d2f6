package dev.atscope.capture;

import dev.atscope.core.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat, reached through symbolic links {@code DIR/NAME-a}
 * and {@code DIR/NAME-b}: what is written to one is read from the other, like the two ends of a
 * null-modem cable. {@link #unplug()} kills socat (both ends vanish, like a USB adapter pulled out)
 * and {@link #plug()} starts a new one under the same names.
 */
public final class PtyPair implements AutoCloseable {

    /** One end: in the proxy tests, the side the capture opens. */
    public final Path a;
    /** The other end: where the scripted host or module sits. */
    public final Path b;
    private final Path log;
    private Process socat;

    private PtyPair(Path dir, String name) {
        this.a = dir.resolve(name + "-a");
        this.b = dir.resolve(name + "-b");
        this.log = dir.resolve(name + "-socat.log");
    }

    /** Starts socat and waits until both links exist. */
    public static PtyPair open(Path dir, String name) throws IOException {
        PtyPair p = new PtyPair(dir, name);
        p.plug();
        return p;
    }

    /** Starts socat (again) under the same link names and waits for the links. */
    public void plug() throws IOException {
        if (socat != null && socat.isAlive()) {
            throw new IllegalStateException("already plugged in");
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        List<String> cmd = new ArrayList<>(List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b));
        socat = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Await.until("socat's links " + a + " and " + b, () -> {
            if (!socat.isAlive()) {
                throw new IOException("socat ended: " + Files.readString(log));
            }
            return Files.exists(a) && Files.exists(b);
        });
    }

    /** Kills socat: both ends vanish. Waits until it is gone. */
    public void unplug() throws IOException {
        socat.destroy();
        try {
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }

    /** The end {@code a} as a path string. */
    public String pathA() {
        return a.toString();
    }

    /** The end {@code b} as a path string. */
    public String pathB() {
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (socat != null && socat.isAlive()) {
            unplug();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
