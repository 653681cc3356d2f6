package dev.atscope.capture;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The PC between host and module: two ports, one wired to the host's UART and one to the
 * module's. Every byte read on one is recorded with the time it was read and written to the other
 * at once; each port has a reader thread and a writer thread, so a side slow to take bytes never
 * stops the proxy from reading (see {@link Forwarder}).
 *
 * <p>A chunk is recorded before it is forwarded, although that adds the few microseconds of
 * writing a row to its delay: forwarded first, the far side could answer and the answer be
 * recorded before the chunk that caused it, and the trace would show a reply before its command.
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
            Forwarder toModule = new Forwarder(m::write, "atscope-forward-to-module");
            Forwarder toHost = new Forwarder(h::write, "atscope-forward-to-host");
            session.add(toModule);
            session.add(toHost);
            h.start(recordAndForward(session, Direction.HOST_TO_MODULE, toModule), session::fail);
            m.start(recordAndForward(session, Direction.MODULE_TO_HOST, toHost), session::fail);
        } catch (IOException e) {
            throw session.abandon(e);
        }
        return session;
    }

    private static CapturedPort.Sink recordAndForward(CaptureSession session, Direction direction, Forwarder to) {
        return (buf, len, arrival) -> {
            session.recorder().chunk(direction, buf, 0, len, arrival);
            to.send(buf, len);
        };
    }
}
