package dev.atscope.capture;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The PC between host and module: two ports, one wired to the host's UART and one to the
 * module's. Every byte read on one is written to the other at once, by one thread per direction,
 * and recorded with the time it was read. Forwarding comes first and recording second, so the
 * recording adds nothing to the delay a byte sees on its way.
 */
public final class InlineProxy {

    private InlineProxy() {}

    /**
     * Opens both ports and starts forwarding and recording into {@code file}.
     *
     * @param host the port wired to the host (its bytes are recorded as H>M)
     * @param module the port wired to the module (its bytes are recorded as M>H)
     * @throws IOException when a port cannot be opened (naming it) or the file cannot be created
     */
    public static CaptureSession start(PortSpec host, PortSpec module, Path file, CaptureOptions options)
            throws IOException {
        TraceMetadata metadata = new TraceMetadata("atscope capture, inline proxy", host.path(), module.path(),
                module.settings().baud(), null, false, null);
        CaptureSession session = CaptureSession.record(file, metadata, options);
        try {
            CapturedPort h = session.add(CapturedPort.open("host port", host, Direction.HOST_TO_MODULE,
                    session.recorder(), options));
            CapturedPort m = session.add(CapturedPort.open("module port", module, Direction.MODULE_TO_HOST,
                    session.recorder(), options));
            h.start(forwardAndRecord(session, Direction.HOST_TO_MODULE, m), session::fail);
            m.start(forwardAndRecord(session, Direction.MODULE_TO_HOST, h), session::fail);
        } catch (IOException e) {
            throw session.abandon(e);
        }
        return session;
    }

    private static CapturedPort.Sink forwardAndRecord(CaptureSession session, Direction direction, CapturedPort to) {
        return (buf, len, arrival) -> {
            to.write(buf, 0, len);
            session.recorder().chunk(direction, buf, 0, len, arrival);
        };
    }
}
