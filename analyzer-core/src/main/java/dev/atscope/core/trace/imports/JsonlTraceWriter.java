package dev.atscope.core.trace.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atscope.core.trace.ByteEscaper;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a trace as JSON Lines (Jackson): a first object with {@code "atscope_trace": 1} and the
 * metadata, then one object per entry, {@code {"time_us":0,"dir":"H>M","kind":"data","data":"AT\\r"}},
 * the data escaped as in the native format so that any byte survives.
 */
public final class JsonlTraceWriter implements TraceWriter {

    static final String MAGIC = "atscope_trace";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;
    private long lastTime = -1;

    /** Writes the metadata line at once; the stream is closed with this writer. */
    public JsonlTraceWriter(OutputStream out, TraceMetadata metadata) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ObjectNode m = JSON.createObjectNode();
        m.put(MAGIC, 1);
        if (metadata.start() != null) {
            m.put("start", metadata.start().toString());
        }
        putIf(m, "source", metadata.source());
        putIf(m, "host_port", metadata.hostPort());
        putIf(m, "module_port", metadata.modulePort());
        if (metadata.baudRate() > 0) {
            m.put("baud", metadata.baudRate());
        }
        if (metadata.synthetic()) {
            m.put("synthetic_time", true);
        }
        ObjectNode tags = m.putObject("tags");
        metadata.tags().forEach(tags::put);
        this.out.write(JSON.writeValueAsString(m));
        this.out.write('\n');
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry.timeMicros() < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + entry.timeMicros() + " after " + lastTime);
        }
        lastTime = entry.timeMicros();
        ObjectNode n = JSON.createObjectNode();
        n.put("time_us", entry.timeMicros());
        if (entry instanceof Chunk c) {
            n.put("dir", c.direction().code());
            n.put("kind", "data");
            n.put("data", ByteEscaper.escape(c.data()));
        } else if (entry instanceof Marker m) {
            n.put("dir", m.direction() == null ? "" : m.direction().code());
            n.put("kind", m.kind().code());
            n.put("data", ByteEscaper.escape(m.text().getBytes(StandardCharsets.UTF_8)));
        }
        out.write(JSON.writeValueAsString(n));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
