package dev.atscope.cli.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.atscope.core.index.TraceSearch;
import dev.atscope.core.json.DecodedJson;
import dev.atscope.core.json.SearchJson;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search API. Every call takes the same parameters: {@code q} (the query, as {@code atscope
 * search} reads it; empty for everything), {@code from} and {@code to} (ISO instants: the time range,
 * {@code to} excluded), {@code sessions=1} (search sessions instead of transactions). {@code
 * /api/search} adds {@code page} (from 1) and {@code size} and answers the JSON Lines of {@code
 * atscope search --json}; {@code explain=1} adds each hit's error code and its meaning, {@code
 * histogram=1} the histogram (as {@code /api/histogram} answers it) to the summary line: the page's
 * search in one request. {@code
 * /api/facets} answers the summary line with the facet counts, {@code /api/histogram} the hits by
 * hour or, over more than three days, by day.
 */
final class SearchApi {

    /** Hits a page shows unless asked otherwise, and at most. */
    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    /** How deep paging goes: the hits before a page are fetched with it. */
    static final int MAX_DEPTH = 10_000;

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** Beyond this span of hits, the histogram counts by day. */
    private static final long HOURLY_SPAN = 3 * DAY;
    /** The most bars a histogram has. */
    private static final long MAX_BARS = 400;
    private static final Pattern ERROR = Pattern.compile("\\+CM[ES] ERROR:\\s*(.+)");

    private final TraceSearch search;
    private final ProtocolRegistry registry;

    SearchApi(TraceSearch search, ProtocolRegistry registry) {
        this.search = search;
        this.registry = registry;
    }

    /** The request's parameters, decoded; a parameter given twice keeps its first value. */
    static Map<String, String> parameters(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SearchServer.Problem(400, "bad URL encoding in '" + s + "'");
        }
    }

    /** The query with its time range: {@code (QUERY) AND time:[FROM TO TO}}. */
    static String query(Map<String, String> p) {
        String q = p.getOrDefault("q", "").strip();
        String base = q.isEmpty() ? "*:*" : q;
        Instant from = instant(p, "from");
        Instant to = instant(p, "to");
        if (from == null && to == null) {
            return base;
        }
        return "(" + base + ") AND time:[" + (from == null ? "*" : Long.toString(from.toEpochMilli())) + " TO "
                + (to == null ? "*" : Long.toString(to.toEpochMilli())) + "}";
    }

    private static Instant instant(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new SearchServer.Problem(400, name + "=" + v + ": expected an ISO instant (2026-11-20T10:00:00Z)");
        }
    }

    private static int number(Map<String, String> p, String name, int fallback, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new SearchServer.Problem(400, name + "=" + v + ": expected a number from " + min + " to " + max);
    }

    private static TraceSearch.Scope scope(Map<String, String> p) {
        return "1".equals(p.get("sessions")) ? TraceSearch.Scope.SESSIONS : TraceSearch.Scope.TRANSACTIONS;
    }

    /** {@code /api/search}: one hit a line, then the summary, as {@code atscope search --json}. */
    void search(HttpExchange exchange) throws IOException {
        Map<String, String> p = parameters(exchange);
        int size = number(p, "size", PAGE_SIZE, 0, MAX_PAGE_SIZE);
        int page = number(p, "page", 1, 1, MAX_DEPTH);
        if ((long) page * size > MAX_DEPTH) {
            throw new SearchServer.Problem(400, "page=" + page + ": paging goes " + MAX_DEPTH
                    + " hits deep; narrow the query or the time range");
        }
        boolean explain = "1".equals(p.get("explain"));
        String sort = p.getOrDefault("sort", "score");
        TraceSearch.Order order = switch (sort) {
            case "score", "" -> TraceSearch.Order.SCORE;
            case "time" -> TraceSearch.Order.TIME;
            default -> throw new SearchServer.Problem(400, "sort=" + sort + ": expected score or time");
        };
        TraceSearch.Request request = new TraceSearch.Request(query(p), page * size, order, "1".equals(p.get("facets")),
                scope(p));
        ObjectNode histogram = null;
        TraceSearch.Result r;
        if ("1".equals(p.get("histogram"))) {
            // the page's search: hits, facets and histogram from one request (one pass over the hits)
            TraceSearch.Counted counted = search.searchCounted(request, HOUR);
            r = counted.result();
            histogram = histogram(counted.overTime());
        } else {
            r = search.search(request);
        }
        StringBuilder out = new StringBuilder();
        int first = (page - 1) * size;
        for (int i = first; i < r.hits().size(); i++) {
            TraceSearch.Hit h = r.hits().get(i);
            ObjectNode o = SearchJson.hit(h);
            if (explain) {
                explain(o, h);
            }
            out.append(o).append('\n');
        }
        ObjectNode summary = SearchJson.summary(r);
        if (histogram != null) {
            summary.set("histogram", histogram);
        }
        out.append(summary).append('\n');
        json(exchange, out.toString(), "application/x-ndjson; charset=utf-8");
    }

    /** Adds the error code of a transaction's result and what the grammar says it means. */
    private void explain(ObjectNode o, TraceSearch.Hit h) {
        if (h.result() == null) {
            return;
        }
        Matcher m = ERROR.matcher(h.result());
        if (!m.matches()) {
            return;
        }
        String detail = m.group(1).strip();
        int code = detail.chars().allMatch(Character::isDigit) && detail.length() < 9 ? Integer.parseInt(detail)
                : registry.cmeCodeOf(detail);
        if (code >= 0) {
            o.put("error", code);
            String meaning = h.result().startsWith("+CMS") ? registry.cmsError(code).map(e -> e.text()).orElse(null)
                    : registry.cmeMeaning(code);
            if (meaning != null) {
                o.put("error_meaning", meaning);
            }
        }
    }

    /** {@code /api/facets}: the summary line of {@code atscope search --json --facets}. */
    void facets(HttpExchange exchange) throws IOException {
        Map<String, String> p = parameters(exchange);
        TraceSearch.Result r = search.search(new TraceSearch.Request(query(p), 0, TraceSearch.Order.SCORE, true,
                scope(p)));
        json(exchange, SearchJson.summary(r) + "\n", "application/json; charset=utf-8");
    }

    /**
     * {@code /api/histogram}: {@code {"bucket": "hour", "bucket_ms": 3600000, "buckets": [{"start":
     * "2026-11-20T10:00:00Z", "count": 3}, ...]}}, empty buckets included between the first and the last.
     */
    void histogram(HttpExchange exchange) throws IOException {
        Map<String, String> p = parameters(exchange);
        TraceSearch.Request request = new TraceSearch.Request(query(p), 0, TraceSearch.Order.TIME, false, scope(p));
        json(exchange, histogram(search.countOverTime(request, HOUR)) + "\n", "application/json; charset=utf-8");
    }

    /** The histogram's JSON from hits counted by the hour: by day (or days) when they span over three days. */
    private static ObjectNode histogram(SortedMap<Long, Long> hours) {
        long width = HOUR;
        SortedMap<Long, Long> counts = hours;
        if (!hours.isEmpty() && hours.lastKey() - hours.firstKey() > HOURLY_SPAN) {
            // days, or as many days a bar as keep the bars within MAX_BARS
            width = DAY * Math.max(1, (hours.lastKey() - hours.firstKey()) / DAY / MAX_BARS + 1);
            counts = new TreeMap<>();
            for (Map.Entry<Long, Long> e : hours.entrySet()) {
                counts.merge(Math.floorDiv(e.getKey(), width) * width, e.getValue(), Long::sum);
            }
        }
        ObjectNode o = DecodedJson.MAPPER.createObjectNode();
        o.put("bucket", width == HOUR ? "hour" : width == DAY ? "day" : width / DAY + " days");
        o.put("bucket_ms", width);
        ArrayNode buckets = o.putArray("buckets");
        if (!counts.isEmpty()) {
            for (long b = counts.firstKey(); b <= counts.lastKey(); b += width) {
                ObjectNode bucket = buckets.addObject();
                bucket.put("start", Instant.ofEpochMilli(b).toString());
                bucket.put("count", counts.getOrDefault(b, 0L));
            }
        }
        return o;
    }

    private static void json(HttpExchange exchange, String body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        SearchServer.send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }
}
