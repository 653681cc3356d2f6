package dev.atscope.cli;

import dev.atscope.cli.serve.SearchServer;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.index.TraceSearcher;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.solr.SolrCollection;
import dev.atscope.solr.SolrTraceSearch;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atscope serve --index DIR} (or {@code --solr SPEC}): a web page over an index, to keep open
 * while triaging. The server reaches either back end through {@link TraceSearch} only.
 */
@Command(name = "serve", description = {"Serves a web page over an index (a local one, or a SolrCloud collection):"
        + " a query box (the syntax of atscope search),"
        + " facet counts to click, a histogram over time, and each hit's session as the report's timeline, with"
        + " its trace to download. Also an API: /api/search (the JSON Lines of search --json), /api/facets,"
        + " /api/histogram.",
    "New traces indexed meanwhile (atscope index in another window) appear on the next search. Stop it with"
        + " Ctrl-C."})
final class ServeCommand extends AbstractCommand {

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder")
    Path index;

    @Mixin
    SolrOptions solr;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where to listen (default 127.0.0.1:"
            + SearchServer.DEFAULT_PORT + "; a port of 0 takes any free one). Beyond 127.0.0.1 anyone who reaches"
            + " the port can search the index and download its traces")
    String listen = "127.0.0.1:" + SearchServer.DEFAULT_PORT;

    @Option(names = "--threads", paramLabel = "N", description = "requests answered at once (default: one a processor,"
            + " at least 2: a search keeps a processor busy, and more at once only share the processors and make"
            + " every search wait longer)")
    Integer threads;

    @Option(names = "--redact", description = "keep secrets out: mask certificate and key uploads and APN passwords in"
            + " the timelines, and refuse trace downloads")
    boolean redact;

    @Override
    int execute() throws Exception {
        solr.exactlyOne(index, "--index DIR");
        if (threads == null) {
            threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1: " + threads);
        }
        InetSocketAddress address = address(listen);
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        String where = solr.spec != null ? solr.spec : index.toString();
        try (TraceSearch search = solr.spec != null ? new SolrTraceSearch(SolrCollection.open(solr.parsed()), true)
                : new TraceSearcher(index);
                SearchServer server = start(search, registry, address)) {
            if (!address.getAddress().isLoopbackAddress()) {
                err().println("atscope: WARNING: listening on " + address.getAddress().getHostAddress() + ":"
                        + server.port() + ", beyond this machine: anyone who reaches this port can search the index"
                        + (redact ? "" : " and download its traces") + "; nothing asks who they are");
            }
            out().println("atscope: serving " + TerminalText.safe(where) + " at " + server.url() + " (Ctrl-C stops)");
            out().flush();
            err().flush();
            new CountDownLatch(1).await(); // until interrupted, or the JVM ends on Ctrl-C
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private SearchServer start(TraceSearch search, ProtocolRegistry registry, InetSocketAddress address)
            throws java.io.IOException {
        try {
            return new SearchServer(search, registry, address, threads, redact);
        } catch (BindException e) {
            throw new UsageException("--listen " + listen + ": cannot listen there (" + e.getMessage()
                    + "); is another atscope serve running? --listen 127.0.0.1:0 takes any free port");
        }
    }

    /** {@code HOST:PORT}, {@code [::1]:PORT} or {@code PORT} alone (on 127.0.0.1). */
    static InetSocketAddress address(String spec) {
        String host = "127.0.0.1";
        String port = spec;
        int colon = spec.lastIndexOf(':');
        if (colon >= 0) {
            host = spec.substring(0, colon);
            port = spec.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535 || host.isEmpty()) {
            throw new UsageException("--listen " + spec + ": expected HOST:PORT (127.0.0.1:8470), the port from 0 to"
                    + " 65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw new UsageException("--listen " + spec + ": unknown host " + host);
        }
    }
}
