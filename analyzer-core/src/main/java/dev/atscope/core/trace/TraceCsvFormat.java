package dev.atscope.core.trace;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The native trace file, defined in this one place.
 *
 * <pre>
 * # atscope-trace: 1
 * # start: 2026-11-23T10:00:00Z
 * # host-port: /dev/ttyUSB0
 * # tag.device: pump-0042
 * time_us,dir,kind,data
 * 0,H>M,data,AT+QIFGCNT=0\r
 * 1830,M>H,data,AT+QIFGCNT=0\r\r\nOK\r\n
 * 52000,M>H,gap,module port vanished
 * </pre>
 *
 * <p>Comment lines before the header carry the metadata as {@code name: value}. Each row is one
 * {@link TraceEntry}: {@code time_us} is microseconds since {@code start}, never decreasing;
 * {@code dir} is {@code H>M} or {@code M>H} (empty allowed for markers); {@code kind} is {@code
 * data} for bytes or a {@link Marker.Kind} word; {@code data} is the bytes in {@link ByteEscaper}
 * form, or the marker's text in the same form. Escaping keeps every row on one line, so line
 * numbers in messages are the lines a text editor shows.
 */
public final class TraceCsvFormat {

    /** The format's version, written as the first metadata line. */
    public static final String VERSION = "1";

    /**
     * The longest row read, in bytes of its fields (16 MiB, 4 MiB of bytes at the worst escaping):
     * a longer row, such as a quote that never closes, is refused at its line rather than held.
     */
    public static final int MAX_ROW_BYTES = 16 << 20;

    /** The most bytes of metadata comments and header before the first row (1 MiB). */
    public static final int MAX_PREAMBLE_BYTES = 1 << 20;

    static final String MAGIC = "atscope-trace";
    static final String[] COLUMNS = {"time_us", "dir", "kind", "data"};
    static final String DATA_KIND = "data";

    static final String KEY_START = "start";
    static final String KEY_SOURCE = "source";
    static final String KEY_HOST_PORT = "host-port";
    static final String KEY_MODULE_PORT = "module-port";
    static final String KEY_BAUD = "baud";
    static final String KEY_SYNTHETIC = "synthetic-time";
    static final String TAG_PREFIX = "tag.";

    static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS)
            .setCommentMarker('#')
            .setRecordSeparator('\n')
            .get();

    static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .get();

    private TraceCsvFormat() {}

    /** The metadata as comment lines, without the comment marker. */
    static String[] metadataLines(TraceMetadata m) {
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC + ": " + VERSION);
        if (m.start() != null) {
            lines.add(KEY_START + ": " + m.start());
        }
        if (m.source() != null) {
            lines.add(KEY_SOURCE + ": " + oneLine(m.source()));
        }
        if (m.hostPort() != null) {
            lines.add(KEY_HOST_PORT + ": " + oneLine(m.hostPort()));
        }
        if (m.modulePort() != null) {
            lines.add(KEY_MODULE_PORT + ": " + oneLine(m.modulePort()));
        }
        if (m.baudRate() > 0) {
            lines.add(KEY_BAUD + ": " + m.baudRate());
        }
        if (m.synthetic()) {
            lines.add(KEY_SYNTHETIC + ": true");
        }
        m.tags().forEach((k, v) -> lines.add(TAG_PREFIX + oneLine(k) + ": " + oneLine(v)));
        return lines.toArray(String[]::new);
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Reads the metadata from the header comment.
     *
     * @throws IllegalArgumentException when the comment does not start with the format's magic line
     *     or a value is malformed
     */
    static TraceMetadata parseMetadata(String headerComment) {
        if (headerComment == null) {
            throw new IllegalArgumentException(
                    "missing the '# " + MAGIC + ": " + VERSION + "' line before the header");
        }
        String[] lines = headerComment.split("\n");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // a free comment
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.startsWith(TAG_PREFIX)) {
                tags.put(key.substring(TAG_PREFIX.length()), value);
            } else {
                values.put(key, value);
            }
        }
        String version = values.get(MAGIC);
        if (version == null) {
            throw new IllegalArgumentException(
                    "missing the '# " + MAGIC + ": " + VERSION + "' line before the header");
        }
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException(
                    "trace format version " + version + " is not supported; expected " + VERSION);
        }
        Instant start = null;
        if (values.containsKey(KEY_START)) {
            try {
                start = Instant.parse(values.get(KEY_START));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start '" + values.get(KEY_START)
                        + "' is not an ISO-8601 instant like 2026-11-23T10:00:00Z", e);
            }
        }
        int baud = 0;
        if (values.containsKey(KEY_BAUD)) {
            try {
                baud = Integer.parseInt(values.get(KEY_BAUD));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("baud '" + values.get(KEY_BAUD) + "' is not a whole number", e);
            }
        }
        return new TraceMetadata(
                values.get(KEY_SOURCE),
                values.get(KEY_HOST_PORT),
                values.get(KEY_MODULE_PORT),
                baud,
                start,
                Boolean.parseBoolean(values.get(KEY_SYNTHETIC)),
                tags);
    }
}
