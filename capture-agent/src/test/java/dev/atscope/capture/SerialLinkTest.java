package dev.atscope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial link over a real pseudo-terminal pair: bytes, closing, a vanished port, a bad path. */
class SerialLinkTest {

    @TempDir
    Path dir;

    @Test
    void everyByteValuePassesBothWays() throws Exception {
        try (PtyPair pty = PtyPair.open(dir, "cable");
                SerialLink a = SerialLink.open(pty.pathA(), SerialSettings.DEFAULT);
                SerialLink b = SerialLink.open(pty.pathB(), SerialSettings.parse("115200,8N1,none"))) {
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            a.output().write(all);
            assertThat(b.input().readNBytes(256)).isEqualTo(all);
            b.output().write("\r\nOK\r\n".getBytes());
            assertThat(new String(a.input().readNBytes(6))).isEqualTo("\r\nOK\r\n");
            assertThat(a.describe()).isEqualTo("serial:" + pty.pathA() + "@115200,8N1,none");
        }
    }

    @Test
    void closingWakesABlockedReaderWithEndOfStream() throws Exception {
        try (PtyPair pty = PtyPair.open(dir, "cable")) {
            SerialLink a = SerialLink.open(pty.pathA(), SerialSettings.DEFAULT);
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.input().read(new byte[16], 0, 16);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            a.close();
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        }
    }

    @Test
    void aPortThatVanishesFailsTheBlockedReadNamingThePort() throws Exception {
        try (PtyPair pty = PtyPair.open(dir, "usb"); SerialLink a = SerialLink.open(pty.pathA(), SerialSettings.DEFAULT)) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.input().read(new byte[16], 0, 16);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            pty.unplug();
            assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseInstanceOf(PortLostException.class)
                    .rootCause().hasMessageStartingWith("serial port " + pty.pathA() + " vanished");
        }
    }

    @Test
    void aMissingPortIsNamedWithWhatWasExpected() {
        String path = dir.resolve("ttyUSB9").toString();
        assertThatThrownBy(() -> SerialLink.open(path, SerialSettings.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot open serial port " + path + ": no such device")
                .hasMessageContaining("expected the path of a serial port such as /dev/ttyUSB0");
    }

    @Test
    void aFileThatIsNotATerminalIsRefused() throws Exception {
        Path notAPort = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> SerialLink.open(notAPort.toString(), SerialSettings.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot open serial port " + notAPort + ": ");
    }
}
