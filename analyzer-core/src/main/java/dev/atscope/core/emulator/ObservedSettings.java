package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Direction;
import java.time.Instant;

/**
 * The SSL settings and certificate files of a module as a recording shows its host setting them
 * (AT+QSSLCFG, AT+QSECWRITE, AT+QSECDEL, restarts), kept with the emulator's own tables and store,
 * so that a recorded HTTPS request can be judged with the settings it was made with.
 */
public final class ObservedSettings {

    private final CipherSuites suites;
    private final CertificateStore store;
    private final int sslContexts;
    private SslSettings ssl;

    /** A module just started, with the storages and cipher suites of the grammar. */
    public ObservedSettings(ProtocolRegistry registry) {
        this.suites = new CipherSuites(registry);
        this.store = new CertificateStore(registry.storages());
        this.sslContexts = EmulatedModule.rangeSize(registry, "+QSSLCFG", "ctxindex");
        this.ssl = new SslSettings(suites, sslContexts);
    }

    /** The module restarted: the settings and the files of storages that a restart empties are gone. */
    public void restart() {
        ssl = new SslSettings(suites, sslContexts);
        store.restart();
    }

    /** Takes the next transaction; only what the module accepted ({@code OK}) changes anything. */
    public void apply(Transaction t) {
        if (t.outcome() != Outcome.OK) {
            return;
        }
        for (AtCommand c : t.commands()) {
            if (c.form() != CommandForm.WRITE) {
                continue;
            }
            try {
                switch (c.name()) {
                    case "+QSSLCFG" -> ssl.configure(c, line -> { }, why -> { });
                    case "+QSECWRITE" -> {
                        byte[] data = upload(t);
                        if (data != null) {
                            store.put(store.parse(AtArguments.unquote(c.params().get(0))), data);
                        }
                    }
                    case "+QSECDEL" -> store.delete(store.parse(AtArguments.unquote(c.params().get(0))));
                    case "+CFUN" -> {
                        if (c.params().size() > 1 && c.params().get(1).strip().equals("1")) {
                            restart();
                        }
                    }
                    default -> {
                        // no SSL setting
                    }
                }
            } catch (CertificateStore.StoreException | RuntimeException e) {
                // a command the module accepted that this reading cannot place: it changes nothing known
            }
        }
    }

    /** Whether {@code AT+QSSLCFG="https",1} is in effect. */
    public boolean httpsEnabled() {
        return ssl.httpsEnabled();
    }

    /** What an HTTPS request made now would take from the SSL context HTTPS uses. */
    public TlsSettings tls(Instant rtc) {
        return ssl.tls(store, suites, rtc);
    }

    private static byte[] upload(Transaction t) {
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD && e.direction() == Direction.HOST_TO_MODULE) {
                return e.bytes();
            }
        }
        return null;
    }
}
