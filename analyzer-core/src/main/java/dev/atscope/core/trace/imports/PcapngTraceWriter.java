package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a trace as pcapng for Wireshark and tshark, streaming: one Enhanced Packet Block per
 * chunk with its time (microseconds) and its direction in the {@code epb_flags} option (outbound
 * for the host's bytes, inbound for the module's), on an interface of link type 252
 * (LINKTYPE_WIRESHARK_UPPER_PDU) whose exported-PDU header names the {@code at} dissector, so that
 * Wireshark decodes the AT commands with no configuration. The AT dissector takes the host (DTE)
 * role from the outbound direction. Markers become packets too, named for the {@code data}
 * dissector, with the marker's text, so a gap shows in the capture. Layout after the pcapng
 * specification (draft-ietf-opsawg-pcapng) and Wireshark's {@code exported_pdu_tlvs.h}.
 */
public final class PcapngTraceWriter implements TraceWriter {

    /** LINKTYPE_WIRESHARK_UPPER_PDU: packets start with exported-PDU tags. */
    public static final int LINKTYPE_UPPER_PDU = 252;
    static final int BLOCK_SHB = 0x0A0D0D0A;
    static final int BLOCK_IDB = 1;
    static final int BLOCK_EPB = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** EXP_PDU_TAG_DISSECTOR_NAME: the dissector to hand the payload to. */
    static final int TAG_DISSECTOR_NAME = 12;
    static final int OPT_EPB_FLAGS = 2;
    static final int OPT_IF_TSRESOL = 9;
    static final int FLAG_INBOUND = 1;
    static final int FLAG_OUTBOUND = 2;

    private final OutputStream out;
    private final long startMicros;
    private final byte[] atHeader = pduHeader("at");
    private final byte[] dataHeader = pduHeader("data");
    private long lastTime = -1;

    /** Writes the section and interface headers at once; the stream is closed with this writer. */
    public PcapngTraceWriter(OutputStream out, TraceMetadata metadata) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        Instant start = metadata.start() == null ? Instant.EPOCH : metadata.start();
        this.startMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        ByteBuffer shb = block(BLOCK_SHB, 16);
        shb.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1);
        finish(shb);
        ByteBuffer idb = block(BLOCK_IDB, 8 + 8 + 4);
        idb.putShort((short) LINKTYPE_UPPER_PDU).putShort((short) 0).putInt(0);
        idb.putShort((short) OPT_IF_TSRESOL).putShort((short) 1).put((byte) 6).put(new byte[3]);
        idb.putInt(0); // opt_endofopt
        finish(idb);
    }

    /** Exported-PDU tags: the dissector's name (zero-padded to four bytes), then the end tag. */
    private static byte[] pduHeader(String dissector) {
        byte[] name = dissector.getBytes(StandardCharsets.US_ASCII);
        int padded = (name.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(4 + padded + 4).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) TAG_DISSECTOR_NAME).putShort((short) padded).put(name).put(new byte[padded - name.length]);
        b.putShort((short) 0).putShort((short) 0);
        return b.array();
    }

    private static ByteBuffer block(int type, int body) {
        ByteBuffer b = ByteBuffer.allocate(12 + body).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(12 + body);
        return b;
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.capacity());
        out.write(b.array());
    }

    @Override
    public void write(TraceEntry entry) throws IOException {
        if (entry.timeMicros() < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + entry.timeMicros() + " after " + lastTime);
        }
        lastTime = entry.timeMicros();
        byte[] header;
        byte[] payload;
        int flags;
        if (entry instanceof Chunk c) {
            header = atHeader;
            payload = c.data();
            flags = c.direction() == Direction.HOST_TO_MODULE ? FLAG_OUTBOUND : FLAG_INBOUND;
        } else {
            Marker m = (Marker) entry;
            header = dataHeader;
            payload = ("atscope " + m.kind().code() + ": " + m.text()).getBytes(StandardCharsets.UTF_8);
            flags = m.direction() == null ? 0 : m.direction() == Direction.HOST_TO_MODULE ? FLAG_OUTBOUND : FLAG_INBOUND;
        }
        int captured = header.length + payload.length;
        int padded = (captured + 3) & ~3;
        ByteBuffer b = block(BLOCK_EPB, 20 + padded + 8 + 4);
        long ts = startMicros + entry.timeMicros();
        b.putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(captured).putInt(captured);
        b.put(header).put(payload).put(new byte[padded - captured]);
        b.putShort((short) OPT_EPB_FLAGS).putShort((short) 4).putInt(flags);
        b.putInt(0); // opt_endofopt
        finish(b);
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
