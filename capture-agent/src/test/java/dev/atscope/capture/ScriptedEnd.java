package dev.atscope.capture;

import dev.atscope.core.link.Link;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One side of a scripted exchange (the host, or the module until the emulator takes its place):
 * walks the script's chunks in order, sends its own and waits for the other side's, byte for byte,
 * before going on. So a module answers only once it has read the command, as a real one does; the
 * script's pauses are left out to keep tests fast.
 */
final class ScriptedEnd {

    private ScriptedEnd() {}

    /** Plays the side that sends {@code mine}, on its own thread; completes with every byte it received. */
    static CompletableFuture<byte[]> play(Link link, List<TraceEntry> script, Direction mine) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(run(link, script, mine));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "scripted-" + (mine == Direction.HOST_TO_MODULE ? "host" : "module"));
        t.setDaemon(true);
        t.start();
        return done;
    }

    private static byte[] run(Link link, List<TraceEntry> script, Direction mine) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (TraceEntry e : script) {
            if (!(e instanceof Chunk c)) {
                continue;
            }
            if (c.direction() == mine) {
                link.output().write(c.data());
                link.output().flush();
            } else {
                byte[] got = link.input().readNBytes(c.data().length);
                received.write(got);
                if (!Arrays.equals(got, c.data())) {
                    throw new IOException("expected " + new String(c.data()) + " but got " + new String(got));
                }
            }
        }
        return received.toByteArray();
    }

    /** The bytes of one direction of a script, in order. */
    static byte[] bytes(List<TraceEntry> entries, Direction direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TraceEntry e : entries) {
            if (e instanceof Chunk c && c.direction() == direction) {
                out.writeBytes(c.data());
            }
        }
        return out.toByteArray();
    }
}
