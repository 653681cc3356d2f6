package dev.atscope.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.atscope.core.check.LibrarySelection;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.report.ReportOptions;
import dev.atscope.report.TimelineReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A hit's trace: its session's timeline, the page {@code atscope report} writes, made from the trace
 * the index names ({@code /session?file=KEY}, the hit's transaction selected by the page's own
 * {@code #tx=ID}), and the trace to download as it is, decoded as JSON Lines, or as pcapng ({@code
 * /download?file=KEY&as=trace|json|pcapng}). Only a file the index holds documents of is read: the
 * key is looked up in the index first, so no other file of the machine can be asked for.
 */
final class SessionFiles {

    private final TraceSearch search;
    private final ProtocolRegistry registry;
    private final ReportOptions report;
    private final boolean downloads;

    /**
     * @param report how the timeline is written (with redaction, secrets stay out of it)
     * @param downloads whether traces may be downloaded (not when the server keeps secrets out)
     */
    SessionFiles(TraceSearch search, ProtocolRegistry registry, ReportOptions report, boolean downloads) {
        this.search = search;
        this.registry = registry;
        this.report = report;
        this.downloads = downloads;
    }

    /** The trace file of an indexed key; a problem when the index has no document of it. */
    private Path trace(Map<String, String> p) throws IOException {
        String key = p.get("file");
        if (key == null || key.isEmpty()) {
            throw new SearchServer.Problem(400, "file=...: which trace (the file of a hit)");
        }
        String quoted = "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        TraceSearch.Result r = search.search(new TraceSearch.Request("file:" + quoted, 1, TraceSearch.Order.SCORE,
                false, null));
        if (r.hits().isEmpty() || !key.equals(r.hits().get(0).file())) {
            throw new SearchServer.Problem(404, "the index holds no trace " + key);
        }
        Path file;
        try {
            file = Path.of(key);
        } catch (InvalidPathException e) {
            throw new SearchServer.Problem(404, "the trace " + key + " was not indexed from a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SearchServer.Problem(404, "the trace " + key + " is not on this machine: the index holds what"
                    + " was found in it, not the trace itself, and its timeline and downloads are made from the file it"
                    + " was indexed from. Serve where the traces are, or put them back at that path");
        }
        return file;
    }

    private TraceReader open(Path file) throws IOException {
        try {
            return Traces.open(file, ImportOptions.defaults().withModel(registry));
        } catch (TraceFormatException e) {
            throw new SearchServer.Problem(422, e.getMessage());
        }
    }

    /**
     * {@code /session?file=KEY}: the report's timeline of the trace, or, as the person clicked a link
     * to a page, a page saying why there is none.
     */
    void session(HttpExchange exchange) throws IOException {
        TraceReader opened;
        Path file;
        try {
            file = trace(SearchApi.parameters(exchange));
            opened = open(file);
        } catch (SearchServer.Problem p) {
            noTimeline(exchange, p);
            return;
        }
        try (TraceReader reader = opened) {
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/html; charset=utf-8");
            // the page's own policy: its inline script and styles by their hashes, no request at all
            headers.set("Content-Security-Policy", TimelineReport.contentSecurityPolicy());
            headers.set("Cache-Control", "no-store");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                new TimelineReport(registry, report).write(reader, file.getFileName().toString(), out, n -> { });
            }
        }
    }

    /** A page in the timeline's place: why there is none, with the way back to the search page. */
    private static void noTimeline(HttpExchange exchange, SearchServer.Problem p) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>atscope: no timeline</title>\n<link rel=\"stylesheet\" href=\"/search.css\">\n</head>\n"
                + "<body>\n<header><h1><a href=\"/\">atscope</a></h1></header>\n"
                + "<p id=\"error\" role=\"alert\">" + TimelineReport.escapeHtml(p.getMessage()) + "</p>\n"
                + "</body>\n</html>\n";
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        SearchServer.send(exchange, p.status, page.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code /download?file=KEY&as=trace|json|pcapng}: the trace as a file to save. */
    void download(HttpExchange exchange) throws IOException {
        Map<String, String> p = SearchApi.parameters(exchange);
        if (!downloads) {
            throw new SearchServer.Problem(403, "this server keeps secrets out (--redact): traces are not downloaded");
        }
        String as = p.getOrDefault("as", "trace");
        if (!as.equals("trace") && !as.equals("json") && !as.equals("pcapng")) {
            throw new SearchServer.Problem(400, "as=" + as + ": expected trace, json or pcapng");
        }
        Path file = trace(p);
        String name = safeName(file.getFileName().toString());
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        switch (as) {
            case "trace" -> {
                headers.set("Content-Type", "application/octet-stream");
                headers.set("Content-Disposition", "attachment; filename=\"" + name + "\"");
                exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(file, out);
                    }
                }
            }
            case "json" -> {
                try (TraceReader reader = open(file)) {
                    headers.set("Content-Type", "application/x-ndjson; charset=utf-8");
                    headers.set("Content-Disposition", "attachment; filename=\"" + stem(name) + ".decoded.jsonl\"");
                    exchange.sendResponseHeaders(200, head ? -1 : 0);
                    if (!head) {
                        try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                                new BufferedOutputStream(exchange.getResponseBody(), 1 << 16), StandardCharsets.UTF_8))) {
                            DecodedJson json = new DecodedJson(registry, reader.metadata().start(),
                                    reader.metadata().source());
                            TraceDecoding.decode(reader, new LibrarySelection(registry), d -> {
                                if (d instanceof Transaction t) {
                                    out.println(json.transaction(t));
                                }
                            });
                        }
                    }
                }
            }
            default -> {
                try (TraceReader reader = open(file)) {
                    headers.set("Content-Type", "application/vnd.tcpdump.pcap");
                    headers.set("Content-Disposition", "attachment; filename=\"" + stem(name) + ".pcapng\"");
                    exchange.sendResponseHeaders(200, head ? -1 : 0);
                    if (!head) {
                        try (TraceWriter writer = TraceImports.writer(TraceFormat.PCAPNG,
                                new BufferedOutputStream(exchange.getResponseBody(), 1 << 16), reader.metadata())) {
                            TraceEntry e;
                            while ((e = reader.next()) != null) {
                                writer.write(e);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A file name for a Content-Disposition header: letters, digits, dots, dashes and underscores. */
    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "trace" + s : s;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
