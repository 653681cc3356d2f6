package dev.atscope.core.trace.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads atscope's JSON Lines form of a trace ({@link JsonlTraceWriter}): an optional first object
 * with {@code "atscope_trace": 1} and the metadata, then one object per entry with {@code time_us},
 * {@code dir}, {@code kind} and {@code data} as in the native format.
 */
final class JsonlReader extends LogTraceReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TraceMetadata header;
    private long lastTime = -1;

    JsonlReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.JSONL, options, probe);
    }

    @Override
    String expected() {
        return "JSON object with time_us, dir, kind and data";
    }

    @Override
    TraceMetadata describe(TraceMetadata m) {
        return header == null ? m : header.withSource(m.source()).withTag("imported-from", TraceFormat.JSONL.id());
    }

    @Override
    boolean step() throws IOException {
        long line = in.line();
        String s = in.readLine();
        if (s == null) {
            return false;
        }
        if (s.isBlank()) {
            return true;
        }
        if (!in.lastTerminated() && probe) {
            return true;
        }
        JsonNode n;
        try {
            n = JSON.readTree(s);
        } catch (JsonProcessingException e) {
            throw broken(line, "not JSON (" + e.getOriginalMessage() + "); expected one JSON object a line");
        }
        if (n == null || !n.isObject()) {
            throw broken(line, "expected a JSON object with time_us, dir, kind and data");
        }
        if (n.has(JsonlTraceWriter.MAGIC)) {
            header = metadata(n, line);
            return true;
        }
        JsonNode t = n.get("time_us");
        JsonNode kind = n.get("kind");
        JsonNode data = n.get("data");
        if (t == null || !t.canConvertToLong() || t.asLong() < 0 || kind == null || !kind.isTextual() || data == null || !data.isTextual()) {
            throw broken(line, "expected \"time_us\" (a whole number >= 0), \"kind\" and \"data\" (text)");
        }
        long time = t.asLong();
        if (time < lastTime) {
            throw broken(line, "time goes backwards: " + time + " after " + lastTime + "; expected entries in time order");
        }
        lastTime = time;
        JsonNode dirNode = n.get("dir");
        String dirCode = dirNode == null || dirNode.isNull() ? "" : dirNode.asText();
        Direction dir = dirCode.isEmpty() ? null : Direction.fromCode(dirCode);
        if (dir == null && !dirCode.isEmpty()) {
            throw broken(line, "dir '" + dirCode + "'; expected H>M or M>H");
        }
        byte[] bytes;
        try {
            bytes = ByteEscaper.unescape(data.asText());
        } catch (IllegalArgumentException e) {
            throw broken(line, "bad escape in data, " + e.getMessage());
        }
        if ("data".equals(kind.asText())) {
            if (dir == null || bytes.length == 0) {
                throw broken(line, "a data entry needs dir H>M or M>H and at least one byte");
            }
            emit(time, dir, bytes, line);
            return true;
        }
        Marker.Kind mk = Marker.Kind.fromCode(kind.asText());
        if (mk == null) {
            throw broken(line, "kind '" + kind.asText() + "'; expected data, gap, line-error or note");
        }
        emit(new Marker(time, dir, mk, new String(bytes, StandardCharsets.UTF_8), line));
        return true;
    }

    private TraceMetadata metadata(JsonNode n, long line) throws IOException {
        Instant start = null;
        if (n.hasNonNull("start")) {
            try {
                start = Instant.parse(n.get("start").asText());
            } catch (DateTimeParseException e) {
                throw broken(line, "start '" + n.get("start").asText() + "'; expected an ISO-8601 instant");
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (n.has("tags") && n.get("tags").isObject()) {
            n.get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return new TraceMetadata(null, text(n, "host_port"), text(n, "module_port"), n.path("baud").asInt(0),
                start, n.path("synthetic_time").asBoolean(false), tags);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
