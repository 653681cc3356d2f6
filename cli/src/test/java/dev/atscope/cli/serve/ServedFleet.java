package dev.atscope.cli.serve;

import dev.atscope.core.index.FleetCorpus;
import dev.atscope.core.index.FolderIndexer;
import dev.atscope.core.index.TraceIndexWriter;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The fleet the index tests search (recorded against the emulator, one fault profile a device), each
 * device's trace tagged with its firmware, plus one device whose name, firmware and traffic are
 * markup meant to run in the page; indexed, and served on 127.0.0.1 on a free port.
 */
final class ServedFleet implements AutoCloseable {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** Markup that sets {@code window.pwned} if it ever runs. */
    static final String HOSTILE_DEVICE = "<img src=x onerror=\"window.pwned=1\">";
    static final String HOSTILE_FIRMWARE = "\"><script>window.pwned=2</script>";
    static final String HOSTILE_URL = "https://x.test/<script>window.pwned=3</script>";

    final Path fleet;
    final Path index;
    final TraceSearcher search;
    final SearchServer server;

    ServedFleet(Path dir) throws Exception {
        fleet = FleetCorpus.record(dir.resolve("fleet"));
        int n = 0;
        for (FleetCorpus.Device d : FleetCorpus.DEVICES) {
            Path f = fleet.resolve(d.name() + ".csv");
            Trace t = Trace.read(f);
            // two firmware versions across the fleet
            new Trace(t.metadata().withTag("firmware", n++ % 3 == 0 ? "M66FAR01A12BT" : "M66FAR02A01"), t.entries())
                    .write(f);
        }
        hostile(fleet.resolve("hostile.csv"));
        index = dir.resolve("index");
        try (TraceIndexWriter w = new TraceIndexWriter(index, REGISTRY, false)) {
            FolderIndexer.Report r = new FolderIndexer(w, 2).run(List.of(fleet), (done, total, tx, file, e) -> { });
            if (!r.failures().isEmpty()) {
                throw new AssertionError("the fleet did not index: " + r.failures());
            }
        }
        search = new TraceSearcher(index);
        server = new SearchServer(search, REGISTRY, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    }

    /** A device whose tags and traffic are markup: a URL upload and a failed handshake. */
    static void hostile(Path file) throws IOException {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_000_000);
        t.command("AT+QHTTPURL=" + HOSTILE_URL.length() + ",60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, HOSTILE_URL.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).answer(5_000, "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(2_000_000, "+CME ERROR: 3815");
        new Trace(TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-22T09:30:00Z"))
                .withTag("device", HOSTILE_DEVICE).withTag("firmware", HOSTILE_FIRMWARE), t.entries()).write(file);
    }

    /** Indexes one more file into the served index, as {@code atscope index} in another window would. */
    void indexMore(Path file) throws IOException {
        try (TraceIndexWriter w = new TraceIndexWriter(index, REGISTRY, false)) {
            w.index(file);
            w.commit();
        }
    }

    String url() {
        return server.url().toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        search.close();
    }

}
