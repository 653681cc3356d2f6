package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads pcapng captures of AT traffic, as {@link PcapngTraceWriter} writes them or Wireshark saves
 * them: Enhanced Packet Blocks on interfaces of link type 252 (exported PDU, whose tags are skipped)
 * or 147 (DLT_USER0, the payload as it is), with the direction from {@code epb_flags} (outbound:
 * the host; inbound: the module). Packets handed to another dissector than {@code at} (the marker
 * packets) are skipped. Positions in messages are byte offsets, there being no lines.
 */
final class PcapngReader implements TraceReader {

    private static final int MAX_BLOCK = 1 << 24;
    private final InputStream in;
    private final String source;
    private final boolean probe;
    private final List<Integer> linkTypes = new ArrayList<>();
    private final List<Long> resolutions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    /** The byte offset in the file of the next byte not taken. */
    private long offset;
    private Long firstMicros;
    private long lastTime;
    private TraceEntry lookahead;
    /**
     * The bytes read from the stream and not taken yet: {@code window[pos, limit)}. Blocks are read
     * where they lie, in large reads: a capture has a block a chunk, of a few dozen bytes.
     */
    private byte[] window = new byte[1 << 16];
    private int pos;
    private int limit;
    /** A view of {@link #window}, set to each block's body. */
    private ByteBuffer view = ByteBuffer.wrap(window);
    private boolean primed;
    private long packets;

    PcapngReader(InputStream in, String source, boolean probe) throws IOException {
        this.in = in;
        this.source = source;
        this.probe = probe;
        if (!have(12)) {
            throw broken("the file is shorter than a pcapng section header");
        }
        ByteBuffer head = ByteBuffer.wrap(window, pos, 12).slice().order(ByteOrder.LITTLE_ENDIAN);
        take(12);
        if (head.getInt(0) != PcapngTraceWriter.BLOCK_SHB) {
            throw broken("not pcapng: the first block is not a section header (0x0A0D0D0A)");
        }
        int magic = head.getInt(8);
        if (magic == Integer.reverseBytes(PcapngTraceWriter.BYTE_ORDER_MAGIC)) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (magic != PcapngTraceWriter.BYTE_ORDER_MAGIC) {
            throw broken("not pcapng: no byte-order magic 0x1A2B3C4D in the section header");
        }
        int length = head.order(order).getInt(4);
        skipBody(length, 12);
    }

    private TraceFormatException broken(String problem) {
        return new TraceFormatException(new SourceLocation(source, -1), "byte " + offset + ": " + problem);
    }

    /**
     * Whether {@code n} bytes are there at {@code window[pos]}, reading the stream as needed; false
     * when it ends first.
     */
    private boolean have(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (window.length - pos < n) {
            byte[] w = window.length >= n ? window : new byte[Math.max(n, window.length * 2)];
            System.arraycopy(window, pos, w, 0, limit - pos);
            limit -= pos;
            pos = 0;
            if (w != window) {
                window = w;
                view = ByteBuffer.wrap(window);
            }
        }
        while (limit - pos < n) {
            int r = in.read(window, limit, window.length - limit);
            if (r < 0) {
                return false;
            }
            limit += r;
        }
        return true;
    }

    /** Takes {@code n} bytes that {@link #have} said are there. */
    private void take(int n) {
        pos += n;
        offset += n;
    }

    private void skipBody(int length, int read) throws IOException {
        if (length < read + 4 || length > MAX_BLOCK || length % 4 != 0) {
            throw broken("block length " + length + "; expected a multiple of 4 between " + (read + 4) + " and " + MAX_BLOCK);
        }
        if (!have(length - read)) {
            throw broken("the file ends inside a block");
        }
        take(length - read);
    }

    @Override
    public TraceMetadata metadata() {
        prime();
        Instant start = firstMicros == null ? null : Instant.EPOCH.plusNanos(firstMicros * 1000);
        return new TraceMetadata(source, null, null, 0, start, false, Map.of("imported-from", "pcapng"));
    }

    private IOException pending;

    private void prime() {
        if (!primed) {
            primed = true;
            try {
                lookahead = read();
            } catch (IOException e) {
                pending = e;
            }
        }
    }

    @Override
    public TraceEntry next() throws IOException {
        prime();
        if (pending != null) {
            IOException e = pending;
            pending = null;
            throw e;
        }
        TraceEntry e = lookahead;
        lookahead = e == null ? null : read();
        return e;
    }

    private TraceEntry read() throws IOException {
        while (true) {
            if (!have(8)) {
                if (packets == 0 && !probe) {
                    throw broken("no AT packet in the capture");
                }
                return null;
            }
            ByteBuffer h = body(8);
            int type = h.getInt();
            int length = h.getInt();
            take(8);
            if (length < 12 || length > MAX_BLOCK || length % 4 != 0) {
                throw broken("block length " + length + "; expected a multiple of 4 between 12 and " + MAX_BLOCK);
            }
            if (!have(length - 8)) {
                if (probe) {
                    return null;
                }
                throw broken("the file ends inside a block of " + length + " bytes (the capture stopped mid-write)");
            }
            ByteBuffer b = body(length - 8);
            take(length - 8);
            try {
                TraceEntry e = block(type, b, length);
                if (e != null) {
                    packets++;
                    return e;
                }
            } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
                throw broken("a block of type " + type + " is shorter than its fields");
            }
        }
    }

    /**
     * The {@code n} bytes at {@code window[pos]} as a buffer in the section's byte order, its
     * position and limit indexes into {@link #window}; valid until the next read.
     */
    private ByteBuffer body(int n) {
        view.clear().position(pos).limit(pos + n);
        return view.order(order);
    }

    /** The entry a block holds, or null for blocks that hold none. */
    private TraceEntry block(int type, ByteBuffer b, int length) throws IOException {
        switch (type) {
            case PcapngTraceWriter.BLOCK_IDB -> interfaceBlock(b, length);
            case PcapngTraceWriter.BLOCK_EPB -> {
                return packet(b, length);
            }
            case PcapngTraceWriter.BLOCK_SHB -> order = ByteBuffer.wrap(b.array(), b.position(), 4)
                    .order(ByteOrder.LITTLE_ENDIAN).getInt() == PcapngTraceWriter.BYTE_ORDER_MAGIC ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            default -> { } // name resolution, statistics, simple packets: nothing of the trace
        }
        return null;
    }

    private void interfaceBlock(ByteBuffer b, int length) throws IOException {
        if (b.remaining() < 12) {
            throw broken("an interface block of " + length + " bytes is too short");
        }
        int link = b.getShort() & 0xffff;
        b.getShort();
        b.getInt();
        long resolution = 1_000_000;
        while (b.remaining() >= 8) {
            int code = b.getShort() & 0xffff;
            int len = b.getShort() & 0xffff;
            if (code == 0 || len > b.remaining() - 4) {
                break;
            }
            if (code == PcapngTraceWriter.OPT_IF_TSRESOL && len >= 1) {
                int r = b.get() & 0xff;
                resolution = (r & 0x80) != 0 ? 1L << Math.min(62, r & 0x7f) : (long) Math.pow(10, Math.min(18, r));
                b.position(b.position() + ((len + 3) & ~3) - 1);
            } else {
                b.position(b.position() + ((len + 3) & ~3));
            }
        }
        linkTypes.add(link);
        resolutions.add(resolution);
    }

    private TraceEntry packet(ByteBuffer b, int length) throws IOException {
        if (b.remaining() < 24) {
            throw broken("an enhanced packet block of " + length + " bytes is too short");
        }
        int iface = b.getInt();
        long ts = (b.getInt() & 0xffffffffL) << 32 | (b.getInt() & 0xffffffffL);
        int captured = b.getInt();
        b.getInt();
        if (iface < 0 || iface >= linkTypes.size()) {
            throw broken("packet on interface " + iface + ", which no interface block describes");
        }
        if (captured < 0 || captured > b.remaining() - 4) {
            throw broken("captured length " + captured + " is larger than its block");
        }
        // the packet's bytes are read where they lie: body[data, data + captured)
        int data = b.position();
        b.position(data + ((captured + 3) & ~3));
        int flags = 0;
        while (b.remaining() >= 8) {
            int code = b.getShort() & 0xffff;
            int len = b.getShort() & 0xffff;
            if (code == 0 || len > b.remaining() - 4) {
                break;
            }
            if (code == PcapngTraceWriter.OPT_EPB_FLAGS && len == 4) {
                flags = b.getInt();
            } else {
                b.position(b.position() + ((len + 3) & ~3));
            }
        }
        byte[] a = b.array();
        int link = linkTypes.get(iface);
        int payload = 0;
        if (link == PcapngTraceWriter.LINKTYPE_UPPER_PDU) {
            // exported-PDU tags, big-endian whatever the section's byte order
            boolean at = false;
            int t = 0;
            while (true) {
                if (captured - t < 4) {
                    throw broken("exported-PDU tags run past the packet");
                }
                int tag = (a[data + t] & 0xff) << 8 | a[data + t + 1] & 0xff;
                int len = (a[data + t + 2] & 0xff) << 8 | a[data + t + 3] & 0xff;
                t += 4;
                if (tag == 0) {
                    break;
                }
                if (len > captured - t) {
                    throw broken("exported-PDU tag " + tag + " runs past the packet");
                }
                if (tag == PcapngTraceWriter.TAG_DISSECTOR_NAME) {
                    at = namesAt(a, data + t, len);
                }
                t += len;
            }
            if (!at) {
                return null;
            }
            payload = t;
        } else if (link != 147) {
            throw broken("link type " + link + "; expected 252 (exported PDU) or 147 (DLT_USER0) with AT traffic");
        }
        if (payload >= captured) {
            return null;
        }
        Direction dir = switch (flags & 3) {
            case PcapngTraceWriter.FLAG_OUTBOUND -> Direction.HOST_TO_MODULE;
            case PcapngTraceWriter.FLAG_INBOUND -> Direction.MODULE_TO_HOST;
            default -> throw broken("packet with no direction in epb_flags; expected inbound (module) or outbound (host)");
        };
        long res = resolutions.get(iface);
        long micros = res == 1_000_000 ? ts : (long) (ts / (double) res * 1e6);
        if (firstMicros == null) {
            firstMicros = micros;
        }
        long t = Math.max(lastTime, micros - firstMicros);
        lastTime = t;
        byte[] bytes = java.util.Arrays.copyOfRange(a, data + payload, data + captured);
        return new Chunk(t, dir, bytes, -1);
    }

    /** Whether a dissector-name tag's value names {@code at}: its bytes, NUL padding left out, are exactly those two. */
    private static boolean namesAt(byte[] a, int from, int len) {
        int matched = 0;
        for (int i = from; i < from + len; i++) {
            if (a[i] == 0) {
                continue;
            }
            if (matched >= 2 || a[i] != "at".charAt(matched)) {
                return false;
            }
            matched++;
        }
        return matched == 2;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
