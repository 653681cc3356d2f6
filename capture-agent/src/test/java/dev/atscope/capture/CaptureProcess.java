package dev.atscope.capture;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An inline proxy in a process of its own, for the crash test to kill: {@code HOST-PORT MODULE-PORT
 * TRACE FLUSH-MS}. Prints {@code recording} once both ports are open, then runs until killed.
 */
public final class CaptureProcess {

    private CaptureProcess() {}

    public static void main(String[] args) throws Exception {
        Duration flush = Duration.ofMillis(Long.parseLong(args[3]));
        CaptureSession session = InlineProxy.start(new PortSpec(args[0], SerialSettings.DEFAULT),
                new PortSpec(args[1], SerialSettings.DEFAULT), Path.of(args[2]),
                CaptureOptions.DEFAULTS.withSync(flush, Duration.ofSeconds(1)));
        System.out.println("recording");
        System.out.flush();
        session.await(Long.MAX_VALUE, java.util.concurrent.TimeUnit.DAYS);
    }
}
