package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Certificates and keys (§2.2.2-§2.2.4): AT+QSECWRITE's upload into the {@link CertificateStore},
 * AT+QSECREAD's checksum, AT+QSECDEL. Whether a file exists is the model's; a file that exists
 * cannot be written again, one that does not cannot be read or deleted ({@code +CME ERROR} codes
 * of the file commands).
 */
final class CertificateService {

    private final CertificateStore store;
    private final ProtocolRegistry registry;
    private final ResultWriter answers;
    private final UploadReceiver uploads;
    private final EmulatorConfig config;
    private final Consumer<String> log;

    CertificateService(CertificateStore store, ProtocolRegistry registry, ResultWriter answers, UploadReceiver uploads,
            EmulatorConfig config, Consumer<String> log) {
        this.store = store;
        this.registry = registry;
        this.answers = answers;
        this.uploads = uploads;
        this.config = config;
        this.log = log;
    }

    Result qsecwrite(AtCommand c) throws IOException, InterruptedException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        // the grammar (through the validator) has checked the storage, the name and the size already
        List<String> p = c.params();
        String file = AtArguments.unquote(p.get(0));
        if (!named(file)) {
            log.accept(c.display() + ": a file name is " + String.join(" or ", registry.storages().keySet()) + ":<name>");
            return Result.cme(ErrorSituation.BAD_FILE_PARAMETER);
        }
        if (store.exists(file)) {
            // §2.2.2: a file must be deleted before it is written again
            log.accept(c.display() + ": " + file + " exists; delete it first");
            return Result.cme(ErrorSituation.FILE_EXISTS);
        }
        int size = Integer.parseInt(p.get(1));
        long timeout = Timeouts.seconds(registry, c, 2);
        answers.result(Result.CONNECT);
        byte[] data = uploads.receive(size, config.timing().seconds(timeout), config.faults().upload());
        store.put(file, data);
        answers.info("+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data));
        return Result.OK;
    }

    /**
     * Whether a file name names its storage: the M-series has no default storage (§2.2.2), even
     * where another library loaded beside it has one for its modules.
     */
    private boolean named(String file) {
        int colon = file.indexOf(':');
        return colon > 0 && registry.storage(file.substring(0, colon)).isPresent();
    }

    Result qsecread(AtCommand c) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        String file = AtArguments.unquote(c.params().get(0));
        if (!named(file)) {
            return Result.cme(ErrorSituation.BAD_FILE_PARAMETER);
        }
        String checksum = store.storedChecksum(file).orElse(null);
        if (checksum == null) {
            return Result.cme(ErrorSituation.FILE_NOT_FOUND);
        }
        answers.info("+QSECREAD: 1," + checksum);
        return Result.OK;
    }

    Result qsecdel(AtCommand c) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        String file = AtArguments.unquote(c.params().get(0));
        if (!named(file)) {
            return Result.cme(ErrorSituation.BAD_FILE_PARAMETER);
        }
        if (!store.exists(file)) {
            return Result.cme(ErrorSituation.FILE_NOT_FOUND);
        }
        store.delete(file);
        return Result.OK;
    }
}
