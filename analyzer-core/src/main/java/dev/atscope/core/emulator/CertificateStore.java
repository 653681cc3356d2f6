package dev.atscope.core.emulator;

import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The module's certificate and key storage (§2.2.2-§2.2.4): the storages the grammar lists (RAM,
 * which a restart empties, and NVRAM, which keeps its files), with their name and size limits. The
 * host can write, delete and ask for a checksum, never read the data back (§2.2.2).
 *
 * <p>The limits come from the protocol library's {@code fileStorages}, the same ones the checker
 * applies, so the emulator and the checker cannot disagree about them.
 */
final class CertificateStore {

    private final Map<String, Grammar.StorageSpec> storages = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> areas = new LinkedHashMap<>();

    /** A store with the storages of the grammar, keyed by their prefix ({@code RAM}, {@code NVRAM}). */
    CertificateStore(Map<String, Grammar.StorageSpec> storages) {
        storages.forEach((prefix, spec) -> {
            String key = prefix.toUpperCase(Locale.ROOT);
            this.storages.put(key, spec);
            areas.put(key, new LinkedHashMap<>());
        });
    }

    /** A storage error with the situation whose +CME ERROR code the module answers. */
    static final class StoreException extends Exception {
        final ErrorSituation situation;

        StoreException(ErrorSituation situation, String message) {
            super(message);
            this.situation = situation;
        }
    }

    /** A file name split into its storage and its name ({@code "RAM:ca_cert.pem"}). */
    record FileName(String storage, String name) {
        String display() {
            return storage + ":" + name;
        }
    }

    /** Reads {@code RAM:name} or {@code NVRAM:CA0} (quotes already removed). */
    FileName parse(String text) throws StoreException {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon).toUpperCase(Locale.ROOT);
        Grammar.StorageSpec spec = storages.get(prefix);
        if (spec == null || colon == text.length() - 1) {
            throw new StoreException(ErrorSituation.BAD_FILE_PARAMETER, "a file name is " + String.join(" or ",
                    storages.keySet().stream().map(k -> k + ":<name>").toList()) + "; got " + text);
        }
        String name = text.substring(colon + 1);
        if (!spec.names().isEmpty()) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (!spec.names().containsKey(upper)) {
                throw new StoreException(ErrorSituation.BAD_FILE_PARAMETER, prefix + " takes only "
                        + String.join(", ", spec.names().keySet()) + "; got " + name);
            }
            name = upper;
        }
        return new FileName(prefix, name);
    }

    /** Checks that a write of {@code size} bytes may start (before the module says CONNECT). */
    void checkWritable(FileName f, int size) throws StoreException {
        if (area(f).containsKey(f.name())) {
            // §2.2.2: a file must be deleted before it is written again
            throw new StoreException(ErrorSituation.FILE_EXISTS, f.display() + " exists; delete it first");
        }
        Long max = storages.get(f.storage()).maxSize();
        if (max != null && size > max) {
            throw new StoreException(ErrorSituation.FILE_TOO_LARGE, f.storage() + " files are at most " + max + " bytes; got "
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
            throw new StoreException(ErrorSituation.FILE_NOT_FOUND, f.display() + " does not exist");
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
            throw new StoreException(ErrorSituation.FILE_NOT_FOUND, f.display() + " does not exist");
        }
        byte[] stored = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            stored[i] = (byte) (data[i] ^ (0x5a + 31 * i));
        }
        return UploadChecksum.hex(stored);
    }

    /** A restart: the storages that do not keep their files (RAM) lose them. */
    void restart() {
        storages.forEach((prefix, spec) -> {
            if (!spec.keptAtRestart()) {
                areas.get(prefix).clear();
            }
        });
    }

    private Map<String, byte[]> area(FileName f) {
        return areas.get(f.storage());
    }
}
