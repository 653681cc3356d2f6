package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.GsmHttpsState;
import dev.atscope.core.trace.Direction;
import java.time.Instant;

/**
 * The SSL settings and certificate files of a module as a recording shows its host setting them:
 * the protocol libraries' model of the module (the checker's), applied to the recording, with the
 * contents of the files it uploaded, so that a recorded HTTPS request can be judged with the
 * settings it was made with, read as the emulated module reads its own.
 */
public final class ObservedSettings {

    private final ModuleStates states;
    private final GsmHttpsState model;
    private final CertificateStore files;
    private final SslSettings ssl;

    /** A module just started, with the storages and cipher suites of the grammar. */
    public ObservedSettings(ProtocolRegistry registry) {
        this.states = new ModuleStates(registry);
        this.model = states.get(GsmHttpsState.class);
        this.files = new CertificateStore(model);
        this.ssl = new SslSettings(registry, model.ssl(), files, new CipherSuites(registry));
    }

    /** The module restarted: the settings and the files of storages that a restart empties are gone. */
    public void restart() {
        states.restart();
    }

    /** Takes the next transaction; only what the module accepted ({@code OK}) changes a setting. */
    public void apply(Transaction t) {
        states.settle(t);
        if (t.outcome() == Outcome.OK) {
            for (AtCommand c : t.commands()) {
                byte[] data = c.name().equals("+QSECWRITE") && c.form() == CommandForm.WRITE ? upload(t) : null;
                if (data != null && !c.params().isEmpty()) {
                    files.put(c.params().get(0), data);
                }
            }
        }
        states.apply(t);
        for (AtCommand c : t.commands()) {
            if (t.outcome() == Outcome.OK && c.name().equals("+CFUN") && c.params().size() > 1
                    && c.params().get(1).strip().equals("1")) {
                restart(); // AT+CFUN=1,1 restarts the module, whether or not the recording shows it boot
            }
        }
    }

    /** Whether {@code AT+QSSLCFG="https",1} is in effect. */
    public boolean httpsEnabled() {
        return model.httpsEnabled();
    }

    /** What an HTTPS request made now would take from the SSL context HTTPS uses. */
    public TlsSettings tls(Instant rtc) {
        return ssl.tls(rtc);
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
