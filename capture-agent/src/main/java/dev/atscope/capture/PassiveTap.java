package dev.atscope.capture;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Two receive-only adapters clipped onto the host's TX line and the module's TX line (the host's
 * RX). Each is read by its own thread, each chunk is stamped when its read returns, and both are
 * merged into one trace in time order. Nothing is ever written to a tapped line.
 */
public final class PassiveTap {

    private PassiveTap() {}

    /**
     * Opens both taps and starts recording into {@code file}.
     *
     * @param tx the adapter on the host's TX line (recorded as H>M)
     * @param rx the adapter on the host's RX line, which the module drives (recorded as M>H)
     * @throws IOException when a port cannot be opened (naming it) or the file cannot be created
     */
    public static CaptureSession start(PortSpec tx, PortSpec rx, Path file, CaptureOptions options)
            throws IOException {
        TraceMetadata metadata = new TraceMetadata("atscope capture, passive tap", tx.path(), rx.path(),
                tx.settings().baud(), null, false, null);
        CaptureSession session = CaptureSession.record(file, metadata, options);
        try {
            CapturedPort t = session.add(CapturedPort.open("TX tap", tx, Direction.HOST_TO_MODULE,
                    session.recorder(), options));
            CapturedPort r = session.add(CapturedPort.open("RX tap", rx, Direction.MODULE_TO_HOST,
                    session.recorder(), options));
            t.start(record(session, Direction.HOST_TO_MODULE), session::fail);
            r.start(record(session, Direction.MODULE_TO_HOST), session::fail);
        } catch (IOException e) {
            throw session.abandon(e);
        }
        return session;
    }

    private static CapturedPort.Sink record(CaptureSession session, Direction direction) {
        return (buf, len, arrival) -> session.recorder().chunk(direction, buf, 0, len, arrival);
    }
}
