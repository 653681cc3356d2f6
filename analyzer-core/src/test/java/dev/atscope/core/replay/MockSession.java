package dev.atscope.core.replay;

import dev.atscope.core.link.Link;
import java.util.concurrent.atomic.AtomicReference;

/** A mock serving one host on a thread of its own, for tests that drive a host against it. */
final class MockSession implements AutoCloseable {

    private final Thread thread;
    private final AtomicReference<MockReport> report = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    MockSession(ModuleMock mock, Link link) {
        thread = new Thread(() -> {
            try {
                report.set(mock.serve(link));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "test-mock");
        thread.start();
    }

    /** Waits for the session to end and returns its report. */
    MockReport report() throws Exception {
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("the mock failed", failure.get());
        }
        return report.get();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
