package dev.atscope.core.emulator;

import dev.atscope.core.protocol.quectel.GsmHttpsState;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of the module's certificate and key files (§2.2.2-§2.2.4). Which files exist is the
 * model's ({@link GsmHttpsState#written}: what AT+QSECWRITE wrote and AT+QSECDEL or a restart of a
 * storage that is not kept took away); the model deliberately holds no secret, so the bytes are
 * kept here, by the model's file key, and are only ever handed out for a file the model says
 * exists. The host can never read them back, only a checksum (§2.2.2).
 */
final class CertificateStore {

    private final GsmHttpsState model;
    private final Map<String, byte[]> contents = new HashMap<>();

    CertificateStore(GsmHttpsState model) {
        this.model = model;
    }

    /** Whether the file ({@code "RAM:ca.pem"}, quoted or not) exists. */
    boolean exists(String name) {
        return model.written(GsmHttpsState.fileKey(name));
    }

    /** The bytes of a file the module accepts now, before the model learns of it from its answer. */
    void put(String name, byte[] data) {
        // the bytes of files the model no longer lists (lost at a restart) go with them
        contents.keySet().removeIf(k -> !model.written(k));
        contents.put(GsmHttpsState.fileKey(name), data.clone());
    }

    /** The module deletes a file. */
    void delete(String name) {
        contents.remove(GsmHttpsState.fileKey(name));
    }

    /** The data of a file that exists, for the module's own TLS handshakes only. */
    Optional<byte[]> data(String name) {
        if (name.isEmpty() || !exists(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(contents.get(GsmHttpsState.fileKey(name))).map(byte[]::clone);
    }

    /**
     * The checksum AT+QSECREAD reports for a file that exists. It is computed over the stored
     * (encrypted) form, so it differs from the one AT+QSECWRITE reported for the same upload, as on a
     * real module (PROTOCOL-NOTES: 2554 on write, 4c30 on read); the emulator's "encryption" is a
     * fixed XOR mask.
     */
    Optional<String> storedChecksum(String name) {
        return data(name).map(data -> {
            byte[] stored = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                stored[i] = (byte) (data[i] ^ (0x5a + 31 * i));
            }
            return UploadChecksum.hex(stored);
        });
    }
}
