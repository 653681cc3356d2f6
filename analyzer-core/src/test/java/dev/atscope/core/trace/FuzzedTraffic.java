package dev.atscope.core.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Traffic as a fuzzer writes it: a compact binary form in which every input is some traffic, so
 * that mutations go to the bytes on the wire, their chunking and timing rather than to a file
 * format. A record is a flag byte, a length byte and that many bytes:
 *
 * <pre>
 * flag bit 0    direction: 0 host to module, 1 module to host
 * flag bit 1    1: a gap marker whose text is the bytes
 * flag bits 2-7 s: time since the previous record, 10 * s^3 microseconds (0 to 2.5 s)
 * </pre>
 *
 * A record cut short by the end of the input takes the bytes that are there. {@link #encode} writes
 * a trace in this form, for the seed inputs.
 */
public final class FuzzedTraffic {

    private FuzzedTraffic() {}

    /** The traffic an input stands for; every input stands for some. */
    public static List<TraceEntry> decode(byte[] in) {
        return decode(in, 0, in.length);
    }

    /** The traffic of a part of an input. */
    public static List<TraceEntry> decode(byte[] in, int from, int to) {
        List<TraceEntry> out = new ArrayList<>();
        long time = 0;
        int i = from;
        while (i + 1 < to) {
            int flag = in[i] & 0xff;
            int len = Math.min(in[i + 1] & 0xff, to - i - 2);
            long s = flag >>> 2;
            time += 10 * s * s * s;
            byte[] data = java.util.Arrays.copyOfRange(in, i + 2, i + 2 + len);
            i += 2 + len;
            Direction dir = (flag & 1) == 0 ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
            if ((flag & 2) != 0) {
                out.add(new Marker(time, dir, Marker.Kind.GAP, new String(data, StandardCharsets.ISO_8859_1)));
            } else if (len > 0) {
                out.add(new Chunk(time, dir, data));
            }
        }
        return out;
    }

    /**
     * A trace in this form, its times rounded to the nearest step that keeps them in order; chunks
     * longer than a record holds are split.
     */
    public static byte[] encode(List<? extends TraceEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long time = 0;
        for (TraceEntry e : entries) {
            byte[] data = e instanceof Chunk c ? c.data() : ((Marker) e).text().getBytes(StandardCharsets.ISO_8859_1);
            Direction dir = e instanceof Chunk c ? c.direction() : ((Marker) e).direction();
            int off = 0;
            do {
                int n = Math.min(255, data.length - off);
                long delta = Math.max(0, e.timeMicros() - time);
                int s = (int) Math.min(63, Math.round(Math.cbrt(delta / 10.0)));
                time += 10L * s * s * s;
                int flag = s << 2 | (dir == Direction.MODULE_TO_HOST ? 1 : 0) | (e instanceof Marker ? 2 : 0);
                out.write(flag);
                out.write(n);
                out.write(data, off, n);
                off += n;
            } while (off < data.length);
        }
        return out.toByteArray();
    }

    /** Neighbouring chunks of one direction and one time joined: the coarsest chunking of the same bytes. */
    public static List<TraceEntry> joined(List<TraceEntry> entries) {
        List<TraceEntry> out = new ArrayList<>();
        for (TraceEntry e : entries) {
            TraceEntry prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (e instanceof Chunk c && prev instanceof Chunk p && p.direction() == c.direction()
                    && p.timeMicros() == c.timeMicros()) {
                byte[] both = java.util.Arrays.copyOf(p.data(), p.data().length + c.data().length);
                System.arraycopy(c.data(), 0, both, p.data().length, c.data().length);
                out.set(out.size() - 1, new Chunk(p.timeMicros(), p.direction(), both));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
