package dev.atscope.bench;

import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.TraceFormat;
import dev.atscope.core.trace.imports.TraceImports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The time each reader (and the decoder behind the native one) takes per MB of input as its lines
 * grow from 16 KiB to 16 MiB: flat when the work per byte is bounded, growing when something is
 * quadratic in a line. {@code java -Xmx2g -cp bench/target/benchmarks.jar
 * dev.atscope.bench.LineLengthFigures [MB_PER_RUN]} (default 32). Each cell is the median of five
 * runs over about MB_PER_RUN of input made of lines of just under that length (at least two lines),
 * after a run to warm up; a line past a reader's documented limit is refused, and the cell says so.
 * The last column is the longest readable line's time per MB over the 16 KiB line's.
 *
 * <p>The lines are the formats' own: a long chunk of a module's answer with CR LF and quotes in it
 * (escaped as each format escapes them), one row, record or log line per chunk; interceptty has one
 * byte a line and no long lines. The rows marked {@code <<<} are the worst case of the escapes in
 * angle brackets ({@code <CR>}): lines of nothing but {@code <}, 4 MB a run.
 */
public final class LineLengthFigures {

    private static final int[] LENGTHS = {16 << 10, 128 << 10, 1 << 20, 4 << 20, 16 << 20};
    private static final int RUNS = 5;
    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();

    private LineLengthFigures() {}

    /** Input of one format made of lines of one length. */
    private interface Layout {
        byte[] make(int lineBytes, int lines) throws IOException;
    }

    /**
     * One line of the table.
     *
     * @param megabytes input per run, or 0 for the run's default (the worst cases are slow where
     *     they are quadratic, so they read less)
     */
    private record Row(String name, TraceFormat format, boolean decode, Layout layout, int megabytes) {

        Row(String name, TraceFormat format, boolean decode, Layout layout) {
            this(name, format, decode, layout, 0);
        }
    }

    public static void main(String[] args) throws IOException {
        long perRun = (args.length > 0 ? Long.parseLong(args[0]) : 32) << 20;
        List<Row> rows = List.of(
                new Row("native", TraceFormat.NATIVE, false, written(TraceFormat.NATIVE)),
                new Row("native + decode", TraceFormat.NATIVE, true, written(TraceFormat.NATIVE)),
                new Row("pcapng", TraceFormat.PCAPNG, false, written(TraceFormat.PCAPNG)),
                new Row("jsonl", TraceFormat.JSONL, false, written(TraceFormat.JSONL)),
                new Row("socat -x", TraceFormat.SOCAT, false, written(TraceFormat.SOCAT)),
                new Row("umockdev", TraceFormat.UMOCKDEV, false, written(TraceFormat.UMOCKDEV)),
                new Row("slsnif", TraceFormat.SLSNIF, false, lines("Host   --> ", "", "<CR>", "<LF>", "\"")),
                new Row("jpnevulator", TraceFormat.JPNEVULATOR, false, LineLengthFigures::jpnevulator),
                new Row("modemmanager", TraceFormat.MODEMMANAGER, false,
                        lines("Nov 23 10:00:00 bench ModemManager[612]: <debug> [1795428000.080000] [ttyUSB2/at] <-- '",
                                "'", "<CR>", "<LF>", "\"")),
                new Row("mbed", TraceFormat.MBED, false, LineLengthFigures::mbed),
                new Row("chat", TraceFormat.CHAT, false,
                        lines("Nov 23 10:00:00 bench chat[2211]: send (", "", "^M", "^J", "\"")),
                new Row("prefixed", TraceFormat.PREFIXED, false, lines(">> ", "", "\\r", "\\n", "\"")),
                new Row("transcript", TraceFormat.TRANSCRIPT, false, lines("", "", "", "", "\"")),
                // the worst case of the escapes in angle brackets: a line of nothing but '<'
                new Row("slsnif <<<", TraceFormat.SLSNIF, false, angles(lines("Host   --> ", "", "<CR>", "<LF>", "\"")), 4),
                new Row("modemmanager <<<", TraceFormat.MODEMMANAGER, false, angles(lines(
                        "Nov 23 10:00:00 bench ModemManager[612]: <debug> [1795428000.080000] [ttyUSB2/at] <-- '",
                        "'", "<CR>", "<LF>", "\"")), 4),
                new Row("mbed <<<", TraceFormat.MBED, false, angles(LineLengthFigures::mbed), 4));

        System.out.printf(Locale.ROOT, "== ms per MB of input by line length (%d MB a run, median of %d), max heap %d MB%n",
                perRun >> 20, RUNS, Runtime.getRuntime().maxMemory() >> 20);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "format"));
        for (int len : LENGTHS) {
            head.append(String.format(Locale.ROOT, "%12s", size(len)));
        }
        System.out.println(head.append(String.format(Locale.ROOT, "%10s", "ratio")));
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", row.name()));
            double first = Double.NaN;
            double last = Double.NaN;
            // bytes of input per byte of the answer, to make lines of about each length
            double ratio = (row.layout().make(65_536, 1).length - row.layout().make(1024, 1).length) / 64_512.0;
            long bytes = row.megabytes() > 0 ? (long) row.megabytes() << 20 : perRun;
            for (int len : LENGTHS) {
                int count = (int) Math.max(2, bytes / len);
                // just below the length, so that a reader whose limit is the length still reads it
                byte[] input = row.layout().make((int) (len * 0.98 / ratio), count);
                double ms = msPerMb(row, input);
                if (Double.isNaN(ms)) {
                    line.append(String.format(Locale.ROOT, "%12s", "refused"));
                } else {
                    line.append(String.format(Locale.ROOT, "%12.1f", ms));
                    first = Double.isNaN(first) ? ms : first;
                    last = ms;
                }
            }
            System.out.println(line.append(String.format(Locale.ROOT, "%10.2f", last / first)));
        }
    }

    /** Median time per MB of input to read it whole (and decode it), or NaN when a line is refused. */
    private static double msPerMb(Row row, byte[] input) throws IOException {
        double[] times = new double[RUNS];
        for (int i = -1; i < RUNS; i++) {
            long t0 = System.nanoTime();
            try {
                read(row, input);
            } catch (TraceFormatException e) {
                return Double.NaN;
            }
            if (i >= 0) {
                times[i] = (System.nanoTime() - t0) / 1e6 / (input.length / 1048576.0);
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static void read(Row row, byte[] input) throws IOException {
        ImportOptions options = ImportOptions.defaults().withFormat(row.format());
        try (TraceReader r = TraceImports.open(new ByteArrayInputStream(input), "bench", options)) {
            if (row.decode()) {
                TraceDecoding.decode(r, MODEL, d -> { });
            } else {
                while (r.next() != null) {
                    // read only
                }
            }
        }
    }

    /** While set, answers are nothing but '<' (for {@link #angles}). */
    private static boolean anglesOnly;

    /** The layout with answers of nothing but '<'. */
    private static Layout angles(Layout layout) {
        return (len, count) -> {
            anglesOnly = true;
            try {
                return layout.make(len, count);
            } finally {
                anglesOnly = false;
            }
        };
    }

    /** A module's answer of {@code n} bytes: text with quotes, CR LF every 72 bytes. */
    private static byte[] answer(int n) {
        if (anglesOnly) {
            byte[] out = new byte[n];
            Arrays.fill(out, (byte) '<');
            return out;
        }
        byte[] unit = "+QHTTPREAD: \"<html><body>\",1,2,3,'ok' 0123456789abcdefghijklmnopqrstuvw\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }

    /** Written by atscope's own writer of the format, one chunk a line (or record). */
    private static Layout written(TraceFormat f) {
        return (len, count) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] data = answer(len);
            byte[] command = "AT+QHTTPREAD=80\r".getBytes(StandardCharsets.US_ASCII);
            try (TraceWriter w = TraceImports.writer(f, out, TraceMetadata.EMPTY)) {
                for (int i = 0; i < count; i++) {
                    // a command between answers: writers that join a side's neighbouring chunks keep them apart
                    w.write(new Chunk(2000L * i, Direction.HOST_TO_MODULE, command));
                    w.write(new Chunk(2000L * i + 1000, Direction.MODULE_TO_HOST, data));
                }
            }
            return out.toByteArray();
        };
    }

    /**
     * Log lines of {@code prefix}, the answer escaped, {@code suffix}; CR and LF written as given
     * (none: left out), quotes as they are. The first line is the host's command, so that every
     * reader knows the sides.
     */
    private static Layout lines(String prefix, String suffix, String cr, String lf, String quote) {
        return (len, count) -> {
            StringBuilder line = new StringBuilder(len + 64).append(prefix);
            byte[] data = answer(len);
            for (byte b : data) {
                switch (b) {
                    case '\r' -> line.append(cr);
                    case '\n' -> line.append(lf);
                    case '"' -> line.append(quote);
                    default -> line.append((char) b);
                }
            }
            line.append(suffix).append('\n');
            String host = prefix.contains("Host") ? "Host   --> AT+QHTTPREAD=80<CR>\n"
                    : prefix.contains("ModemManager") ? prefix.replace("<--", "-->") + "AT+QHTTPREAD=80<CR>'\n"
                    : prefix.contains("chat") ? prefix + "AT+QHTTPREAD=80^M)\n"
                    : prefix.isEmpty() ? "AT+QHTTPREAD=80\n"
                    : ">> AT+QHTTPREAD=80\n";
            String body = prefix.contains("chat") ? line.toString().replace("send (", "") : line.toString();
            if (prefix.startsWith(">> ")) {
                body = "<< " + body.substring(3);
            } else if (prefix.contains("Host")) {
                body = "Device --> " + body.substring(prefix.length());
            }
            return repeat(host, body, count);
        };
    }

    private static byte[] jpnevulator(int len, int count) {
        StringBuilder line = new StringBuilder(3 * len + 16).append("/dev/ttyUSB1\n");
        char[] hex = "0123456789ABCDEF".toCharArray();
        for (byte b : answer(len)) {
            line.append(hex[(b >> 4) & 15]).append(hex[b & 15]).append(' ');
        }
        line.setLength(line.length() - 1);
        line.append('\n');
        return repeat("/dev/ttyUSB0\n41 54 2B 51 48 54 54 50 52 45 41 44 3D 38 30 0D\n", line.toString(), count);
    }

    private static byte[] mbed(int len, int count) {
        StringBuilder line = new StringBuilder(len + 64).append("[00000093ms][INFO][CELL]: AT RX (").append(len)
                .append("): ");
        for (byte b : answer(len)) {
            line.append(b == '\r' ? "<cr>" : b == '\n' ? "<ln>" : String.valueOf((char) b));
        }
        line.append('\n');
        return repeat("[00000080ms][INFO][CELL]: AT TX (16): AT+QHTTPREAD=80<cr>\n", line.toString(), count);
    }

    private static byte[] repeat(String first, String line, int count) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(first.getBytes(StandardCharsets.ISO_8859_1));
        byte[] l = line.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.get(0).length + l.length * count);
        out.writeBytes(parts.get(0));
        for (int i = 0; i < count; i++) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    private static String size(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
