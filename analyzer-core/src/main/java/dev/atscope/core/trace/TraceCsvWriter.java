package dev.atscope.core.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;

/** Writes the native trace format ({@link TraceCsvFormat}), one row per entry, as it goes. */
public final class TraceCsvWriter implements TraceWriter {

    private final CSVPrinter printer;
    private final Writer out;
    /** Time of the last entry written, to refuse time going backwards. */
    private long lastTime = -1;

    /** Writes to a byte stream; the stream is closed with this writer. */
    public TraceCsvWriter(OutputStream out, TraceMetadata metadata) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16), metadata);
    }

    /** Writes to a character stream; the stream is closed with this writer. */
    public TraceCsvWriter(Writer out, TraceMetadata metadata) throws IOException {
        this.out = out;
        this.printer = new CSVPrinter(out, TraceCsvFormat.WRITE_FORMAT.builder()
                .setHeaderComments((Object[]) TraceCsvFormat.metadataLines(metadata))
                .get());
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry.timeMicros() < lastTime) {
            throw new IllegalArgumentException(
                    "time goes backwards: " + entry.timeMicros() + " after " + lastTime);
        }
        lastTime = entry.timeMicros();
        if (entry instanceof Chunk c) {
            printer.printRecord(
                    c.timeMicros(), c.direction().code(), TraceCsvFormat.DATA_KIND, ByteEscaper.escape(c.data()));
        } else if (entry instanceof Marker m) {
            printer.printRecord(
                    m.timeMicros(),
                    m.direction() == null ? "" : m.direction().code(),
                    m.kind().code(),
                    ByteEscaper.escape(m.text().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
        out.close();
    }
}
