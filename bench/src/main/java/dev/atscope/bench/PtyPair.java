package dev.atscope.bench;

import dev.atscope.capture.SerialLink;
import dev.atscope.capture.SerialSettings;
import dev.atscope.core.link.Link;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pseudo-terminal pair: the near end a path opened through jSerialComm, as a serial target
 * is; the far end (the module's) stamped. Under {@code scripts/replay-timing} the far end is the
 * pty's master, inherited on file descriptor 0, and no process stands between the two ends, as
 * none does between a host and a USB serial adapter; otherwise it is a socat pair, whose relay
 * is one more process to be scheduled on the way.
 */
interface PtyPair extends AutoCloseable {
    Path nearPath();

    StampedLink far();

    @Override
    void close();

    static PtyPair open(Path dir) throws IOException, InterruptedException {
        return DIRECT_SLAVE != null ? new DirectPair(Path.of(DIRECT_SLAVE)) : SocatPair.start(dir);
    }

    /** The slave of a pty whose master is on descriptor 0, from {@code scripts/replay-timing}; null for socat. */
    String DIRECT_SLAVE = System.getenv("ATSCOPE_BENCH_PTY");

    /** What each run was measured over, for the summary. */
    static String pathName() {
        return DIRECT_SLAVE != null ? "a pty pair (jSerialComm at the slave, the mock at the master)"
                : "a socat pty pair (jSerialComm at both ends)";
    }

    record DirectPair(Path nearPath, StampedLink far) implements PtyPair {
        DirectPair(Path slave) {
            this(slave, new StampedLink(new PtyMaster()));
        }

        @Override
        public void close() {
            // the master stays open for the next run; the near end's close ended this one
        }
    }

    record SocatPair(Process socat, Path nearPath, StampedLink far) implements PtyPair {
        static SocatPair start(Path dir) throws IOException, InterruptedException {
            Path a = dir.resolve("ttyA");
            Path b = dir.resolve("ttyB");
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            while (!(Files.exists(a) && Files.exists(b))) {
                Thread.sleep(2);
            }
            return new SocatPair(socat, a, new StampedLink(SerialLink.open(b.toString(), SerialSettings.DEFAULT)));
        }

        @Override
        public void close() {
            far.close();
            socat.destroy();
            try {
                socat.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The master of the pty on descriptor 0. It is never closed here: a read ends (in an I/O error)
     * when the replay closes the slave, and the next run opens the slave again.
     */
    record PtyMaster(InputStream input, OutputStream output) implements Link {
        PtyMaster() {
            this(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.in));
        }

        @Override
        public String describe() {
            return "pty master";
        }

        @Override
        public void close() {
            // see above
        }
    }
}
