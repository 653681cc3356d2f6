package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.basic.NetworkState;
import dev.atscope.core.protocol.quectel.GsmPdpContexts;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The radio, the packet-switched registration and attach, and the TCP/IP stack's PDP contexts
 * (§1.2 steps 2-3, §1.3.1): AT+CFUN's radio, AT+CREG, AT+CGREG, AT+CGATT, AT+QIFGCNT, AT+QICSGP,
 * AT+QIREGAPP, AT+QIACT, AT+QILOCIP and AT+QIDEACT. The contexts, the foreground one and how
 * registration is reported are the model's ({@link GsmPdpContexts}, {@link NetworkState}): this part
 * answers from it and refuses what the stack's states do not allow; the model learns an accepted
 * write from the module's answer. It keeps only the radio, which the model has no notion of, and the
 * passwords, which the model keeps out. A restart makes it anew.
 */
final class PdpStack {

    /** §1.3.1 item 5: the PDP contexts active at once at most, the grammar's {@code pdpContexts} limit. */
    private final int activeLimit;
    private final ModuleModel model;
    /** The password of each context as AT+QICSGP or AT+QIREGAPP set it; shown while the model says one is set. */
    private final Map<String, String> passwords = new HashMap<>();
    private final FaultInjector faults;
    private final ResultWriter answers;
    private final Consumer<String> log;
    private final String localIp;

    private boolean radioOn = true;

    /** @param activeLimit the grammar's {@code pdpContexts} limit */
    PdpStack(ModuleModel model, int activeLimit, FaultInjector faults, ResultWriter answers, Consumer<String> log,
            String localIp) {
        this.model = model;
        this.activeLimit = activeLimit;
        this.faults = faults;
        this.answers = answers;
        this.log = log;
        this.localIp = localIp;
    }

    boolean radioOn() {
        return radioOn;
    }

    /** AT+CFUN's radio; off deactivates every context, which the model learns from the command. */
    void radio(boolean on) {
        radioOn = on;
    }

    /** AT+CSQ: a good signal while the radio is on. */
    Result csq(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            answers.info("+CSQ: (0-31,99),(0-7,99)");
        } else {
            answers.info(radioOn ? "+CSQ: 24,0" : "+CSQ: 99,99");
        }
        return Result.OK;
    }

    /** AT+CFUN: the radio on or off; {@code AT+CFUN=1,1} answers OK and restarts the module. */
    Result cfun(AtCommand c) throws IOException, FaultInjector.RestartNow {
        switch (c.form()) {
            case TEST -> answers.info("+CFUN: (0,1,4),(0-1)");
            case READ -> answers.info("+CFUN: " + (radioOn ? 1 : 0));
            case WRITE -> {
                List<String> p = c.params();
                if (p.size() > 1 && p.get(1).equals("1")) {
                    answers.result(Result.OK);
                    throw new FaultInjector.RestartNow(); // AT+CFUN=1,1 restarts the module
                }
                radio(p.get(0).equals("1"));
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    /** AT+CGREG's {@code <stat>}: 1 registered, 2 searching (the fault profile), 0 with the radio off. */
    int packetRegistration() {
        if (!radioOn) {
            return 0;
        }
        return faults.profile().registered() ? 1 : 2;
    }

    boolean attached() {
        return radioOn && faults.profile().attached();
    }

    Result creg(AtCommand c) throws IOException {
        return Settings.integer(c, answers, "+CREG: (0-2)",
                () -> "+CREG: " + model.network().reportMode("+CREG") + "," + (radioOn ? 1 : 0));
    }

    Result cgreg(AtCommand c) throws IOException {
        return Settings.integer(c, answers, "+CGREG: (0-2)",
                () -> "+CGREG: " + model.network().reportMode("+CGREG") + "," + packetRegistration());
    }

    Result qifgcnt(AtCommand c) throws IOException {
        return Settings.integer(c, answers, answers.testAnswer(c), () -> "+QIFGCNT: " + pdp().foreground());
    }

    private GsmPdpContexts pdp() {
        return model.https().pdp();
    }

    /** The foreground context, as the model holds it. */
    private GsmPdpContexts.PdpContext foreground() {
        return pdp().context(pdp().foreground());
    }

    Result cgatt(AtCommand c) throws IOException {
        switch (c.form()) {
            case TEST -> answers.info("+CGATT: (0,1)");
            case READ -> answers.info("+CGATT: " + (attached() ? 1 : 0));
            case WRITE -> {
                if (c.params().get(0).equals("1") && !attached()) {
                    return Result.cme(ErrorSituation.ATTACH_REFUSED);
                }
                // a detach (=0) takes the contexts down: the model learns it from the command
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    Result qicsgp(AtCommand c) throws IOException {
        switch (c.form()) {
            case TEST -> answers.info(answers.testAnswer(c));
            case READ -> answers.info("+QICSGP: " + pdp().mode(pdp().foreground()));
            case WRITE -> {
                if (foreground().active()) {
                    return Result.ERROR; // the bearer cannot change under an active context
                }
                keepPassword(c);
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    Result qiregapp(AtCommand c) throws IOException {
        GsmPdpContexts.PdpContext x = foreground();
        switch (c.form()) {
            case TEST -> answers.info(answers.testAnswer(c));
            case READ -> {
                String password = x.passwordSet() ? passwords.getOrDefault(pdp().foreground(), "") : "";
                answers.info("+QIREGAPP: \"" + x.apn() + "\",\"" + x.user() + "\",\"" + password + "\"");
            }
            case WRITE, EXECUTE -> {
                if (x.registered() || x.active()) {
                    return Result.ERROR; // only from the initial state
                }
                if (c.form() == CommandForm.WRITE) {
                    keepPassword(c);
                }
            }
            default -> {
                // all forms handled
            }
        }
        return Result.OK;
    }

    Result qiact(AtCommand c) {
        if (c.form() == CommandForm.TEST) {
            return Result.OK;
        }
        GsmPdpContexts.PdpContext x = foreground();
        if (x.active()) {
            log.accept("AT+QIACT: context " + pdp().foreground() + " is already active");
            return Result.ERROR;
        }
        if (!attached() || packetRegistration() != 1) {
            log.accept("AT+QIACT fails: " + (attached() ? "not registered" : "not attached"));
            return Result.ERROR;
        }
        if (faults.activationFails()) {
            return Result.ERROR;
        }
        int active = faults.profile().busyContexts() + model.https().activeContexts();
        if (active >= activeLimit) {
            log.accept("AT+QIACT fails: " + active + " PDP contexts are active already");
            return Result.ERROR;
        }
        if (x.apn().isEmpty()) {
            log.accept("AT+QIACT fails: no APN set (AT+QICSGP or AT+QIREGAPP)");
            return Result.ERROR;
        }
        return Result.OK;
    }

    Result qilocip(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            return Result.OK;
        }
        if (!foreground().active()) {
            return Result.ERROR;
        }
        answers.info(localIp); // a bare line and no OK (§3.3)
        return Result.DONE;
    }

    Result qideact(AtCommand c) {
        if (c.form() == CommandForm.TEST) {
            return Result.OK;
        }
        return Result.text("DEACT OK"); // §3.3; the model takes the contexts down
    }

    /** The password a bearer write carries, by the name the grammar gives it. */
    private void keepPassword(AtCommand c) {
        String password = "";
        for (NamedParam p : model.registry().parameters(c)) {
            if (p.name().equals("password")) {
                password = p.value();
            }
        }
        passwords.put(pdp().foreground(), password);
    }
}
