package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolLibrary;
import java.util.List;
import java.util.Optional;

/**
 * The checksum that AT+QSECWRITE reports for an upload: the XOR of the data taken as 16-bit
 * big-endian words (an odd last byte is the high byte of a final word), printed as lower-case hex
 * without leading zeros.
 *
 * <p>How sure: this is the algorithm public firmware-update code uses for Quectel's AT+QFUPL; the
 * note's AT+QSECWRITE examples ({@code 4039}, {@code 618}, {@code 83a7}) have the same shape, but
 * it has not been confirmed on a module. Diagnostics built on it say so.
 */
public final class UploadChecksum {

    private UploadChecksum() {}

    /** The 16-bit checksum of {@code data}. */
    public static int of(byte[] data) {
        int x = 0;
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            x ^= (data[i] & 0xff) << 8 | (data[i + 1] & 0xff);
        }
        if (i < data.length) {
            x ^= (data[i] & 0xff) << 8;
        }
        return x;
    }

    /** The checksum as the module prints it. */
    public static String hex(byte[] data) {
        return Integer.toHexString(of(data));
    }

    /**
     * The checksum of the bytes the host uploaded in a transaction, beside the one the module's
     * answer line of that prefix reports as its second field ({@code +QSECWRITE: 1614,4039}).
     */
    static Optional<ProtocolLibrary.UploadSum> reported(Transaction t, String prefix) {
        Event payload = GsmCertificateRules.hostPayload(t);
        if (payload == null) {
            return Optional.empty();
        }
        String reported = null;
        for (Event r : t.informationLines()) {
            if (r.text().startsWith(prefix)) {
                List<String> p = AtArguments.split(r.text().substring(prefix.length()).strip());
                reported = p.size() >= 2 ? p.get(1) : null;
            }
        }
        return Optional.of(new ProtocolLibrary.UploadSum(hex(payload.bytes()), reported));
    }
}
