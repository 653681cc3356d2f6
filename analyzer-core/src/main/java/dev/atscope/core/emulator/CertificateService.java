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
 * AT+QSECREAD's checksum, AT+QSECDEL. The store's refusals are its {@code +CME ERROR} codes.
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
        List<String> p = c.params();
        try {
            CertificateStore.FileName f = store.parse(AtArguments.unquote(p.get(0)));
            int size = Integer.parseInt(p.get(1));
            long timeout = Timeouts.seconds(registry, c, 2);
            store.checkWritable(f, size);
            answers.result(Result.CONNECT);
            byte[] data = uploads.receive(size, config.timing().seconds(timeout), config.faults().upload());
            store.put(f, data);
            answers.info("+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            log.accept(c.display() + ": " + e.getMessage());
            return Result.cme(e.situation);
        }
    }

    Result qsecread(AtCommand c) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        try {
            CertificateStore.FileName f = store.parse(AtArguments.unquote(c.params().get(0)));
            answers.info("+QSECREAD: 1," + store.storedChecksum(f));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            return Result.cme(e.situation);
        }
    }

    Result qsecdel(AtCommand c) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return answers.test(c);
        }
        try {
            store.delete(store.parse(AtArguments.unquote(c.params().get(0))));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            return Result.cme(e.situation);
        }
    }
}
