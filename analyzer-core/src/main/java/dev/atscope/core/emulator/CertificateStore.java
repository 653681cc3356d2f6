package dev.atscope.core.emulator;

import dev.atscope.core.protocol.quectel.UploadChecksum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The module's certificate and key storage (§2.2.2-§2.2.4): a RAM area that a restart empties and
 * an NVRAM area that survives it. The host can write, delete and ask for a checksum, never read the
 * data back (§2.2.2: "the host cannot read the data from these storages").
 *
 * <p>The RAM size limit (32768) is the grammar's range of {@code <filesize>} and is checked by the
 * command validator before a write gets here; NVRAM's own limits (the four names and 2025 bytes,
 * §2.2.2) are the storage's and are checked here.
 */
final class CertificateStore {

    /** The names NVRAM accepts (§2.2.2): two CA certificates, one client certificate, one client key. */
    static final List<String> NVRAM_NAMES = List.of("CA0", "CA1", "CC0", "CK0");
    /** The largest file NVRAM takes (§2.2.2). */
    static final int NVRAM_MAX_BYTES = 2025;

    /** The error codes the module gives (PROTOCOL-NOTES, file errors). */
    static final int EXCEEDS_MAX_LENGTH = 4000;
    static final int FILE_NOT_FOUND = 4010;
    static final int FILE_EXISTS = 4012;
    static final int INVALID_PARAMETER = 4013;

    private final Map<String, byte[]> ram = new LinkedHashMap<>();
    private final Map<String, byte[]> nvram = new LinkedHashMap<>();

    /** A storage error with the +CME ERROR code the module answers. */
    static final class StoreException extends Exception {
        final int code;

        StoreException(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** A file name split into its area and its name ({@code "RAM:ca_cert.pem"}). */
    record FileName(boolean nvram, String name) {
        String display() {
            return (nvram ? "NVRAM:" : "RAM:") + name;
        }
    }

    /** Reads {@code RAM:name} or {@code NVRAM:CA0} (quotes already removed). */
    static FileName parse(String text) throws StoreException {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("RAM:") && text.length() > 4) {
            return new FileName(false, text.substring(4));
        }
        if (upper.startsWith("NVRAM:")) {
            String name = text.substring(6).toUpperCase(Locale.ROOT);
            if (!NVRAM_NAMES.contains(name)) {
                throw new StoreException(INVALID_PARAMETER, "NVRAM takes only " + String.join(", ", NVRAM_NAMES)
                        + "; got " + text.substring(6));
            }
            return new FileName(true, name);
        }
        throw new StoreException(INVALID_PARAMETER, "a file name is RAM:<name> or NVRAM:<name>; got " + text);
    }

    /** Checks that a write of {@code size} bytes may start (before the module says CONNECT). */
    void checkWritable(FileName f, int size) throws StoreException {
        if (area(f).containsKey(f.name())) {
            // §2.2.2: a file must be deleted before it is written again
            throw new StoreException(FILE_EXISTS, f.display() + " exists; delete it first");
        }
        if (f.nvram() && size > NVRAM_MAX_BYTES) {
            throw new StoreException(EXCEEDS_MAX_LENGTH, "NVRAM files are at most " + NVRAM_MAX_BYTES + " bytes; got "
                    + size);
        }
    }

    /** Stores an uploaded file. */
    void put(FileName f, byte[] data) {
        area(f).put(f.name(), data.clone());
    }

    /** Deletes a file. */
    void delete(FileName f) throws StoreException {
        if (area(f).remove(f.name()) == null) {
            throw new StoreException(FILE_NOT_FOUND, f.display() + " does not exist");
        }
    }

    /** The data of a file, for the module's own TLS handshakes only. */
    Optional<byte[]> data(String name) {
        try {
            FileName f = parse(name);
            return Optional.ofNullable(area(f).get(f.name())).map(byte[]::clone);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /**
     * The checksum AT+QSECREAD reports. It is computed over the stored (encrypted) form, so it differs
     * from the one AT+QSECWRITE reported for the same upload, as on a real module (PROTOCOL-NOTES:
     * 2554 on write, 4c30 on read); the emulator's "encryption" is a fixed XOR mask.
     */
    String storedChecksum(FileName f) throws StoreException {
        byte[] data = area(f).get(f.name());
        if (data == null) {
            throw new StoreException(FILE_NOT_FOUND, f.display() + " does not exist");
        }
        byte[] stored = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            stored[i] = (byte) (data[i] ^ (0x5a + 31 * i));
        }
        return UploadChecksum.hex(stored);
    }

    /** A restart: RAM loses its files, NVRAM keeps them. */
    void restart() {
        ram.clear();
    }

    private Map<String, byte[]> area(FileName f) {
        return f.nvram() ? nvram : ram;
    }
}
