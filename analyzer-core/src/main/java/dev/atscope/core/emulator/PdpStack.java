package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The radio, the packet-switched registration and attach, and the TCP/IP stack's PDP contexts
 * (§1.2 steps 2-3, §1.3.1): AT+CFUN's radio, AT+CREG, AT+CGREG, AT+CGATT, AT+QIFGCNT, AT+QICSGP,
 * AT+QIREGAPP, AT+QIACT, AT+QILOCIP and AT+QIDEACT. The number of contexts and the limit of active
 * ones are the grammar's; a restart resets it all.
 */
final class PdpStack {

    /** One PDP context: its bearer settings (AT+QICSGP) and its state in the TCP/IP stack. */
    private static final class PdpContext {
        int mode = 1;
        String apn = "";
        String user = "";
        String password = "";
        boolean stackRegistered;
        boolean active;
    }

    /** §1.3.1 item 5: the PDP contexts active at once at most, the grammar's {@code pdpContexts} limit. */
    private final int activeLimit;
    private final PdpContext[] contexts;
    private final FaultInjector faults;
    private final ResultWriter answers;
    private final Consumer<String> log;
    private final String localIp;

    private int foreground;
    private boolean radioOn = true;
    private int cregMode;
    private int cgregMode;

    /**
     * @param ids the contexts AT+QIFGCNT selects among, the grammar's range of {@code <id>}
     * @param activeLimit the grammar's {@code pdpContexts} limit
     */
    PdpStack(int ids, int activeLimit, FaultInjector faults, ResultWriter answers, Consumer<String> log,
            String localIp) {
        this.activeLimit = activeLimit;
        this.contexts = new PdpContext[ids];
        for (int i = 0; i < ids; i++) {
            contexts[i] = new PdpContext();
        }
        this.faults = faults;
        this.answers = answers;
        this.log = log;
        this.localIp = localIp;
    }

    boolean radioOn() {
        return radioOn;
    }

    /** AT+CFUN's radio: off deactivates every context. */
    void radio(boolean on) {
        radioOn = on;
        if (!on) {
            deactivateAll();
        }
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

    boolean anyActive() {
        for (PdpContext x : contexts) {
            if (x.active) {
                return true;
            }
        }
        return false;
    }

    Result creg(AtCommand c) throws IOException {
        return Settings.integer(c, answers, "+CREG: (0-2)", () -> "+CREG: " + cregMode + "," + (radioOn ? 1 : 0),
                v -> cregMode = v);
    }

    Result cgreg(AtCommand c) throws IOException {
        return Settings.integer(c, answers, "+CGREG: (0-2)", () -> "+CGREG: " + cgregMode + "," + packetRegistration(),
                v -> cgregMode = v);
    }

    Result qifgcnt(AtCommand c) throws IOException {
        return Settings.integer(c, answers, answers.testAnswer(c), () -> "+QIFGCNT: " + foreground, v -> foreground = v);
    }

    Result cgatt(AtCommand c) throws IOException {
        switch (c.form()) {
            case TEST -> answers.info("+CGATT: (0,1)");
            case READ -> answers.info("+CGATT: " + (attached() ? 1 : 0));
            case WRITE -> {
                if (c.params().get(0).equals("1") && !attached()) {
                    return Result.cme(ErrorSituation.ATTACH_REFUSED);
                }
                if (c.params().get(0).equals("0")) {
                    deactivateAll();
                }
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    Result qicsgp(AtCommand c) throws IOException {
        PdpContext x = contexts[foreground];
        List<String> p = c.params();
        switch (c.form()) {
            case TEST -> answers.info(answers.testAnswer(c));
            case READ -> answers.info("+QICSGP: " + x.mode);
            case WRITE -> {
                if (x.active) {
                    return Result.ERROR; // the bearer cannot change under an active context
                }
                x.mode = Integer.parseInt(p.get(0));
                x.apn = p.size() > 1 ? AtArguments.unquote(p.get(1)) : "";
                x.user = p.size() > 2 ? AtArguments.unquote(p.get(2)) : "";
                x.password = p.size() > 3 ? AtArguments.unquote(p.get(3)) : "";
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    Result qiregapp(AtCommand c) throws IOException {
        PdpContext x = contexts[foreground];
        List<String> p = c.params();
        switch (c.form()) {
            case TEST -> answers.info(answers.testAnswer(c));
            case READ -> answers.info("+QIREGAPP: \"" + x.apn + "\",\"" + x.user + "\",\"" + x.password + "\"");
            case WRITE, EXECUTE -> {
                if (x.stackRegistered || x.active) {
                    return Result.ERROR; // only from the initial state
                }
                if (c.form() == CommandForm.WRITE) {
                    x.apn = AtArguments.unquote(p.get(0));
                    x.user = p.size() > 1 ? AtArguments.unquote(p.get(1)) : "";
                    x.password = p.size() > 2 ? AtArguments.unquote(p.get(2)) : "";
                }
                x.stackRegistered = true;
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
        PdpContext x = contexts[foreground];
        if (x.active) {
            log.accept("AT+QIACT: context " + foreground + " is already active");
            return Result.ERROR;
        }
        if (!attached() || packetRegistration() != 1) {
            log.accept("AT+QIACT fails: " + (attached() ? "not registered" : "not attached"));
            return Result.ERROR;
        }
        if (faults.activationFails()) {
            return Result.ERROR;
        }
        int active = faults.profile().busyContexts();
        for (PdpContext y : contexts) {
            active += y.active ? 1 : 0;
        }
        if (active >= activeLimit) {
            log.accept("AT+QIACT fails: " + active + " PDP contexts are active already");
            return Result.ERROR;
        }
        if (x.apn.isEmpty()) {
            log.accept("AT+QIACT fails: no APN set (AT+QICSGP or AT+QIREGAPP)");
            return Result.ERROR;
        }
        x.stackRegistered = true;
        x.active = true;
        return Result.OK;
    }

    Result qilocip(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            return Result.OK;
        }
        if (!contexts[foreground].active) {
            return Result.ERROR;
        }
        answers.info(localIp); // a bare line and no OK (§3.3)
        return Result.DONE;
    }

    Result qideact(AtCommand c) {
        if (c.form() == CommandForm.TEST) {
            return Result.OK;
        }
        deactivate(contexts[foreground]);
        return Result.text("DEACT OK"); // §3.3
    }

    private void deactivateAll() {
        for (PdpContext x : contexts) {
            deactivate(x);
        }
    }

    private static void deactivate(PdpContext x) {
        x.active = false;
        x.stackRegistered = false;
    }
}
