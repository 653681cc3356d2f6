package dev.atscope.core.emulator;

import dev.atscope.core.check.CommandValidator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.Severity;
import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A stateful software model of an M66-class module (the GSM HTTPS application note): it reads
 * command lines from a {@link Link}, answers as the note documents, keeps the state a module
 * keeps (SSL contexts, certificate storage, PDP contexts, the HTTP URL and response) and makes
 * real HTTP and HTTPS requests for AT+QHTTPGET and AT+QHTTPPOST. One instance is one module; it
 * serves one link at a time.
 *
 * <p>Whether a command's parameters are acceptable is decided by the protocol library's grammar
 * through {@link CommandValidator}: the same reading the checker uses.
 */
public final class EmulatedModule {

    /** §2.2.1: the SSL contexts, as many as AT+QSSLCFG's {@code <ctxindex>} range in the grammar numbers. */
    private final int sslContexts;
    /** §1.3.1 item 5: the PDP contexts active at once at most, the grammar's {@code pdpContexts} limit. */
    private final int activePdpLimit;
    /** AT+QIFGCNT selects a context in the grammar's range of {@code <id>} (the validator refuses others). */
    private final int pdpIds;
    private static final String REVISION = "Revision: M66FAR02A12 (atscope emulator)";

    private final EmulatorConfig config;
    private final ProtocolRegistry registry;
    private final CommandValidator validator;
    private final String name;
    private final Random random;
    private final CertificateStore store;
    /** The cipher suites the grammar lists, for AT+QSSLCFG="ciphersuite". */
    private final CipherSuites suites;
    /** Where the HTTP requests go. */
    private final Network network;
    private final Map<String, Integer> uses = new HashMap<>();
    private int pdpFailuresLeft;

    // settings and state that a restart resets
    private boolean echo;
    private boolean verbose;
    private boolean quiet;
    private int cmee;
    private SslSettings ssl;
    private PdpContext[] pdp;
    private int foreground;
    private boolean radioOn;
    private int cregMode;
    private int cgregMode;
    private String url;
    private byte[] response;
    private String lastLine;

    private ByteInbox in;
    private OutputStream out;

    /** One PDP context: its bearer settings (AT+QICSGP) and its state in the TCP/IP stack. */
    private static final class PdpContext {
        int mode = 1;
        String apn = "";
        String user = "";
        String password = "";
        boolean stackRegistered;
        boolean active;
    }

    /** What a command ends with. */
    private record Result(Kind kind, int code, String text) {
        enum Kind { OK, ERROR, CME, TEXT, DONE }

        static final Result OK = new Result(Kind.OK, 0, null);
        static final Result ERROR = new Result(Kind.ERROR, 0, null);
        static final Result DONE = new Result(Kind.DONE, 0, null);

        static Result cme(int code) {
            return new Result(Kind.CME, code, null);
        }

        static Result text(String t) {
            return new Result(Kind.TEXT, 0, t);
        }
    }

    /** Thrown where a fault makes the module restart in the middle of a command. */
    private static final class RestartNow extends Exception {
        RestartNow() {
            super(null, null, false, false);
        }
    }

    /**
     * @param name names the module in thread names and log lines ({@code modem-3})
     */
    public EmulatedModule(EmulatorConfig config, ProtocolRegistry registry, String name) {
        this.config = config;
        this.registry = registry;
        this.sslContexts = rangeSize(registry, "+QSSLCFG", "ctxindex");
        this.activePdpLimit = (int) registry.limit("pdpContexts").orElseThrow(() -> new IllegalStateException(
                "no protocol library gives the pdpContexts limit")).value();
        this.pdpIds = rangeSize(registry, "+QIFGCNT", "id");
        this.validator = new CommandValidator(registry);
        this.store = new CertificateStore(registry.storages());
        this.suites = new CipherSuites(registry);
        this.network = config.effectiveNetwork();
        this.name = name;
        this.random = new Random(config.faults().seed());
        this.pdpFailuresLeft = config.faults().pdpActivationFailures();
        reset();
    }

    /**
     * Boots (the boot URCs) and answers the link until it closes. Returns when the other side
     * closes or the thread is interrupted.
     */
    public void serve(Link link) throws IOException {
        serve(link, true);
    }

    /**
     * Answers the link until it closes, after the boot URCs or, without {@code boot}, as a module
     * that was already up when the host came (a recording that starts after the boot).
     */
    public void serve(Link link, boolean boot) throws IOException {
        try (ByteInbox inbox = new ByteInbox(link.input(), "atscope-" + name + "-rx")) {
            this.in = inbox;
            this.out = link.output();
            if (boot) {
                boot();
            }
            commandMode();
        } catch (EOFException e) {
            // the host went away in the middle of data mode
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Serves one end of a new in-memory pipe on a daemon thread and returns the other end, the
     * host's: closing it ends the module.
     *
     * @param boot whether the module boots first (see {@link #serve(Link, boolean)})
     */
    public Link startOnPipe(boolean boot) {
        PipeLink[] pair = PipeLink.pair("host", name);
        Thread serving = new Thread(() -> {
            try {
                serve(pair[1], boot);
            } catch (IOException e) {
                // the host closed its end: nothing more to answer
            } finally {
                pair[1].close();
            }
        }, "atscope-" + name);
        serving.setDaemon(true);
        serving.start();
        return pair[0];
    }

    // ---- the UART in command mode ------------------------------------------------------------

    private void commandMode() throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        boolean afterCr = false;
        int b;
        while ((b = in.next(-1)) != ByteInbox.END) {
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (echo) {
                echoed.write(b);
            }
            if (b == '\r') {
                write(echoed.toByteArray());
                echoed.reset();
                String l = line.toString();
                line.setLength(0);
                try {
                    commandLine(l);
                } catch (RestartNow r) {
                    restart();
                }
                continue;
            }
            if (b == 8 || b == 127) {
                line.setLength(Math.max(0, line.length() - 1));
            } else if (line.length() < 2048) {
                line.append((char) b);
            }
            if (in.buffered() == 0 && echoed.size() > 0) {
                write(echoed.toByteArray());
                echoed.reset();
            }
        }
    }

    private void commandLine(String text) throws IOException, InterruptedException, RestartNow {
        String t = text.strip();
        if (t.equalsIgnoreCase("A/")) {
            t = lastLine;
        }
        if (t == null || !CommandLineParser.isCommandLine(t)) {
            return; // V.250: a line that does not start with AT is ignored
        }
        lastLine = t;
        List<AtCommand> commands = CommandLineParser.parse(t);
        for (int i = 0; i < commands.size(); i++) {
            AtCommand c = commands.get(i);
            Result r = execute(c);
            boolean last = i == commands.size() - 1;
            if (r.kind() != Result.Kind.OK || last) {
                urcBurst(c);
                result(r);
                return;
            }
        }
    }

    private Result execute(AtCommand c) throws IOException, InterruptedException, RestartNow {
        int n = uses.merge(c.name(), 1, Integer::sum);
        FaultProfile.Restart restart = config.faults().restart();
        delay(c);
        if (restart != null && restart.during().equalsIgnoreCase(c.name()) && restart.occurrence() == n) {
            config.log().accept(name + ": restarts during " + c.display() + " (fault profile)");
            throw new RestartNow();
        }
        // §3.3's "AT+ QIFGCNT=0" (a typesetting artefact, PROTOCOL-NOTES) is refused here too: the
        // validator's command.space rule is an error, and a module answers ERROR to it
        List<Diagnostic> problems = grammarProblems(c);
        if (!problems.isEmpty()) {
            config.log().accept(name + ": " + c.display() + ": " + problems.get(0).message());
            // a form the command lacks is a syntax error; bad parameters of the file commands are a file error
            boolean badForm = problems.stream().anyMatch(d -> d.ruleId().equals("command.form"));
            if (!c.name().startsWith("+QSEC") || badForm) {
                return Result.ERROR;
            }
            // a file larger than its storage takes is "exceed max length" (file errors, PROTOCOL-NOTES)
            boolean tooBig = problems.stream().allMatch(d -> d.ruleId().equals("file.size"));
            return Result.cme(tooBig ? CertificateStore.EXCEEDS_MAX_LENGTH : CertificateStore.INVALID_PARAMETER);
        }
        try {
            return command(c);
        } catch (NumberFormatException e) {
            return Result.ERROR;
        }
    }

    /**
     * The grammar's objections that make the module refuse a command: errors only (a spelling the
     * module accepts, such as "seclevel", is an info finding and the module answers OK).
     */
    private List<Diagnostic> grammarProblems(AtCommand c) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : validator.validate(c)) {
            if (d.severity() != Severity.ERROR) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    private Result command(AtCommand c) throws IOException, InterruptedException, RestartNow {
        CommandForm form = c.form();
        List<String> p = c.params();
        switch (c.name()) {
            case "AT", "&W" -> {
                return Result.OK;
            }
            case "E" -> {
                echo = flag(c);
                return Result.OK;
            }
            case "V" -> {
                verbose = flag(c);
                return Result.OK;
            }
            case "Q" -> {
                quiet = flag(c);
                return Result.OK;
            }
            case "Z", "&F" -> {
                settingsAtBoot();
                return Result.OK;
            }
            case "I" -> {
                info("Quectel_M66");
                info(REVISION);
                return Result.OK;
            }
            case "+CGMI" -> {
                return bare(form, "Quectel");
            }
            case "+CGMM" -> {
                return bare(form, "M66");
            }
            case "+CGMR", "+GMR" -> {
                return bare(form, REVISION);
            }
            case "+CGSN", "+GSN" -> {
                return bare(form, String.format(Locale.ROOT, "8612340%08d", Math.abs(name.hashCode()) % 100_000_000));
            }
            case "+CCID" -> {
                return bare(form, "89860012345678901234");
            }
            case "+CMEE" -> {
                return setting(c, "+CMEE: (0-2)", () -> "+CMEE: " + cmee, v -> cmee = v);
            }
            case "+CPIN" -> {
                if (form == CommandForm.READ) {
                    info("+CPIN: READY");
                    return Result.OK;
                }
                return form == CommandForm.TEST ? Result.OK : Result.cme(3); // no PIN is asked for
            }
            case "+CSQ" -> {
                if (form == CommandForm.TEST) {
                    info("+CSQ: (0-31,99),(0-7,99)");
                } else {
                    info(radioOn ? "+CSQ: 24,0" : "+CSQ: 99,99");
                }
                return Result.OK;
            }
            case "+CFUN" -> {
                return cfun(c);
            }
            case "+CREG" -> {
                return setting(c, "+CREG: (0-2)", () -> "+CREG: " + cregMode + "," + (radioOn ? 1 : 0),
                        v -> cregMode = v);
            }
            case "+CGREG" -> {
                return setting(c, "+CGREG: (0-2)", () -> "+CGREG: " + cgregMode + "," + packetRegistration(),
                        v -> cgregMode = v);
            }
            case "+CGATT" -> {
                return cgatt(c);
            }
            case "+QIFGCNT" -> {
                return setting(c, testAnswer(c), () -> "+QIFGCNT: " + foreground, v -> foreground = v);
            }
            case "+QICSGP" -> {
                return qicsgp(c, p);
            }
            case "+QIREGAPP" -> {
                return qiregapp(c, p);
            }
            case "+QIACT" -> {
                return form == CommandForm.TEST ? Result.OK : qiact();
            }
            case "+QILOCIP" -> {
                if (form == CommandForm.TEST) {
                    return Result.OK;
                }
                if (!pdp[foreground].active) {
                    return Result.ERROR;
                }
                info(config.localIp()); // a bare line and no OK (§3.3)
                return Result.DONE;
            }
            case "+QIDEACT" -> {
                if (form == CommandForm.TEST) {
                    return Result.OK;
                }
                deactivate(pdp[foreground]);
                return Result.text("DEACT OK"); // §3.3
            }
            case "+QSSLCFG" -> {
                return qsslcfg(c);
            }
            case "+QSECWRITE" -> {
                return qsecwrite(c, p);
            }
            case "+QSECREAD" -> {
                return qsecread(c, p);
            }
            case "+QSECDEL" -> {
                return qsecdel(c, p);
            }
            case "+QHTTPURL" -> {
                return qhttpurl(c, p);
            }
            case "+QHTTPGET" -> {
                if (form == CommandForm.TEST) {
                    return test(c);
                }
                return http("GET", null, seconds(c, p, 0));
            }
            case "+QHTTPPOST" -> {
                return qhttppost(c, p);
            }
            case "+QHTTPREAD" -> {
                return qhttpread(c);
            }
            default -> {
                return Result.ERROR; // a command this module does not have
            }
        }
    }

    // ---- basic and 27.007 commands ----------------------------------------------------------------

    private static boolean flag(AtCommand c) {
        return c.form() == CommandForm.WRITE && c.args().strip().equals("1");
    }

    private Result bare(CommandForm form, String answer) throws IOException {
        if (form != CommandForm.TEST) {
            info(answer);
        }
        return Result.OK;
    }

    private interface IntSetter {
        void set(int v);
    }

    private interface Reader {
        String read();
    }

    /** A setting with a test answer, a read answer and a write form with one integer. */
    private Result setting(AtCommand c, String test, Reader read, IntSetter write) throws IOException {
        switch (c.form()) {
            case TEST -> info(test);
            case READ -> info(read.read());
            case WRITE -> write.set(Integer.parseInt(c.params().get(0)));
            default -> {
                // the execute form of these commands does nothing
            }
        }
        return Result.OK;
    }

    private int packetRegistration() {
        if (!radioOn) {
            return 0;
        }
        return config.faults().registered() ? 1 : 2; // 2: searching
    }

    private boolean attached() {
        return radioOn && config.faults().attached();
    }

    private Result cfun(AtCommand c) throws IOException, RestartNow {
        switch (c.form()) {
            case TEST -> info("+CFUN: (0,1,4),(0-1)");
            case READ -> info("+CFUN: " + (radioOn ? 1 : 0));
            case WRITE -> {
                List<String> p = c.params();
                if (p.size() > 1 && p.get(1).equals("1")) {
                    result(Result.OK);
                    throw new RestartNow(); // AT+CFUN=1,1 restarts the module
                }
                radioOn = p.get(0).equals("1");
                if (!radioOn) {
                    for (PdpContext x : pdp) {
                        deactivate(x);
                    }
                }
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    private Result cgatt(AtCommand c) throws IOException {
        switch (c.form()) {
            case TEST -> info("+CGATT: (0,1)");
            case READ -> info("+CGATT: " + (attached() ? 1 : 0));
            case WRITE -> {
                if (c.params().get(0).equals("1") && !attached()) {
                    return Result.cme(107); // GPRS services not allowed
                }
                if (c.params().get(0).equals("0")) {
                    for (PdpContext x : pdp) {
                        deactivate(x);
                    }
                }
            }
            default -> {
                // no execute form
            }
        }
        return Result.OK;
    }

    // ---- the TCP/IP stack (§1.2 steps 2-3, §1.3.1) ----------------------------------------------------

    private Result qicsgp(AtCommand c, List<String> p) throws IOException {
        PdpContext x = pdp[foreground];
        switch (c.form()) {
            case TEST -> info(testAnswer(c));
            case READ -> info("+QICSGP: " + x.mode);
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

    private Result qiregapp(AtCommand c, List<String> p) throws IOException {
        PdpContext x = pdp[foreground];
        switch (c.form()) {
            case TEST -> info(testAnswer(c));
            case READ -> info("+QIREGAPP: \"" + x.apn + "\",\"" + x.user + "\",\"" + x.password + "\"");
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

    private Result qiact() {
        PdpContext x = pdp[foreground];
        if (x.active) {
            config.log().accept(name + ": AT+QIACT: context " + foreground + " is already active");
            return Result.ERROR;
        }
        if (!attached() || packetRegistration() != 1) {
            config.log().accept(name + ": AT+QIACT fails: " + (attached() ? "not registered" : "not attached"));
            return Result.ERROR;
        }
        if (pdpFailuresLeft > 0) {
            pdpFailuresLeft--;
            config.log().accept(name + ": AT+QIACT fails (fault profile; " + pdpFailuresLeft + " more)");
            return Result.ERROR;
        }
        int active = config.faults().busyContexts();
        for (PdpContext y : pdp) {
            active += y.active ? 1 : 0;
        }
        if (active >= activePdpLimit) {
            config.log().accept(name + ": AT+QIACT fails: " + active + " PDP contexts are active already");
            return Result.ERROR;
        }
        if (x.apn.isEmpty()) {
            config.log().accept(name + ": AT+QIACT fails: no APN set (AT+QICSGP or AT+QIREGAPP)");
            return Result.ERROR;
        }
        x.stackRegistered = true;
        x.active = true;
        return Result.OK;
    }

    private static void deactivate(PdpContext x) {
        x.active = false;
        x.stackRegistered = false;
    }

    private boolean anyActive() {
        for (PdpContext x : pdp) {
            if (x.active) {
                return true;
            }
        }
        return false;
    }

    // ---- AT+QSSLCFG (§2.2.1) ----------------------------------------------------------------------

    private Result qsslcfg(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            info("+QSSLCFG: \"type\",(0-5),\"value\""); // as §2.2.1 prints it
            return Result.OK;
        }
        List<String> lines = new ArrayList<>();
        boolean ok = ssl.configure(c, lines::add, why -> config.log().accept(name + ": " + why));
        for (String l : lines) {
            info(l);
        }
        return ok ? Result.OK : Result.ERROR;
    }

    // ---- certificates and keys (§2.2.2-§2.2.4) -----------------------------------------------------

    private Result qsecwrite(AtCommand c, List<String> p) throws IOException, InterruptedException {
        if (c.form() != CommandForm.WRITE) {
            return test(c);
        }
        try {
            CertificateStore.FileName f = store.parse(AtArguments.unquote(p.get(0)));
            int size = Integer.parseInt(p.get(1));
            long timeout = p.size() > 2 && !p.get(2).isEmpty() ? Long.parseLong(p.get(2)) : defaultOf(c, 2);
            store.checkWritable(f, size);
            result(new Result(Result.Kind.TEXT, 0, "CONNECT"));
            byte[] data = receive(size, config.timing().seconds(timeout), config.faults().upload());
            store.put(f, data);
            info("+QSECWRITE: " + data.length + "," + dev.atscope.core.protocol.quectel.UploadChecksum.hex(data));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            config.log().accept(name + ": " + c.display() + ": " + e.getMessage());
            return Result.cme(e.code);
        }
    }

    private Result qsecread(AtCommand c, List<String> p) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return test(c);
        }
        try {
            CertificateStore.FileName f = store.parse(AtArguments.unquote(p.get(0)));
            info("+QSECREAD: 1," + store.storedChecksum(f));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            return Result.cme(e.code);
        }
    }

    private Result qsecdel(AtCommand c, List<String> p) throws IOException {
        if (c.form() != CommandForm.WRITE) {
            return test(c);
        }
        try {
            store.delete(store.parse(AtArguments.unquote(p.get(0))));
            return Result.OK;
        } catch (CertificateStore.StoreException e) {
            return Result.cme(e.code);
        }
    }

    /**
     * Data mode after CONNECT: up to {@code count} bytes, until the timeout, or until {@code +++}
     * followed by the escape guard's quiet (§2.2.2). Upload damage from the fault profile is done
     * here, as the UART would do it.
     */
    private byte[] receive(int count, Duration timeout, FaultProfile.UploadDamage damage)
            throws InterruptedException, IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        int arrived = 0;
        while (buf.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int b = in.next(left);
            if (b == ByteInbox.TIMEOUT) {
                break;
            }
            if (b == ByteInbox.END) {
                throw new EOFException("the link closed in data mode");
            }
            int at = arrived++;
            if (damage != null && at >= damage.atOffset() && at < damage.atOffset() + damage.dropBytes()) {
                continue; // lost on the line
            }
            if (damage != null && at >= damage.atOffset() + damage.dropBytes()
                    && at < damage.atOffset() + damage.dropBytes() + damage.corruptBytes()) {
                b ^= 0x20; // a flipped bit
            }
            buf.write(b);
            if (buf.size() < count && endsWithEscape(buf)) {
                int next = in.next(config.timing().escapeGuard().toNanos());
                if (next == ByteInbox.TIMEOUT) {
                    byte[] all = buf.toByteArray();
                    return java.util.Arrays.copyOf(all, all.length - 3);
                }
                if (next == ByteInbox.END) {
                    throw new EOFException("the link closed in data mode");
                }
                in.unread();
            }
        }
        return buf.toByteArray();
    }

    private static boolean endsWithEscape(ByteArrayOutputStream buf) {
        if (buf.size() < 3) {
            return false;
        }
        byte[] b = buf.toByteArray();
        int n = b.length;
        return b[n - 1] == '+' && b[n - 2] == '+' && b[n - 3] == '+';
    }

    // ---- HTTP (§1.2 steps 5-7, §3.3) -----------------------------------------------------------

    private Result qhttpurl(AtCommand c, List<String> p) throws IOException, InterruptedException {
        switch (c.form()) {
            case TEST -> {
                return test(c);
            }
            case READ -> {
                info("+QHTTPURL: \"" + url + "\"");
                return Result.OK;
            }
            case WRITE -> {
                int length = Integer.parseInt(p.get(0));
                long timeout = seconds(c, p, 1);
                result(new Result(Result.Kind.TEXT, 0, "CONNECT"));
                byte[] data = receive(length, config.timing().seconds(timeout), null);
                if (data.length < length) {
                    return Result.cme(3825); // input timeout
                }
                url = new String(data, StandardCharsets.ISO_8859_1).strip();
                response = null;
                return Result.OK;
            }
            default -> {
                return Result.ERROR;
            }
        }
    }

    private Result qhttppost(AtCommand c, List<String> p) throws IOException, InterruptedException {
        if (c.form() != CommandForm.WRITE) {
            return test(c);
        }
        int size = Integer.parseInt(p.get(0));
        long inputTime = seconds(c, p, 1);
        long readTime = seconds(c, p, 2);
        if (!anyActive()) {
            return Result.cme(3808); // network deactivated
        }
        result(new Result(Result.Kind.TEXT, 0, "CONNECT"));
        byte[] body = receive(size, config.timing().seconds(inputTime), null);
        if (body.length < size) {
            return Result.cme(3825);
        }
        return http("POST", body, readTime);
    }

    private Result qhttpread(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            return test(c);
        }
        if (response == null) {
            return Result.cme(3804); // no request was made
        }
        byte[] body = response;
        response = null;
        result(new Result(Result.Kind.TEXT, 0, "CONNECT"));
        write(body);
        return Result.OK;
    }

    /** A command's timeout parameter in seconds, or its grammar default. */
    private long seconds(AtCommand c, List<String> p, int index) {
        if (c.form() == CommandForm.WRITE && p.size() > index && !p.get(index).isEmpty()) {
            return Long.parseLong(p.get(index));
        }
        return defaultOf(c, index);
    }

    private long defaultOf(AtCommand c, int index) {
        Grammar.FormSpec w = registry.command(c.name()).map(s -> s.forms().get("write")).orElse(null);
        if (w != null && index < w.params().size() && w.params().get(index).defaultValue() != null) {
            return Long.parseLong(w.params().get(index).defaultValue());
        }
        return 60;
    }

    private Result http(String method, byte[] body, long timeoutSeconds) throws InterruptedException {
        if (!anyActive()) {
            config.log().accept(name + ": AT+QHTTP" + method + ": no PDP context is active");
            return Result.cme(3808);
        }
        if (url.isEmpty()) {
            return Result.cme(3811); // empty URL
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            config.log().accept(name + ": bad URL " + url + ": " + e.getMessage());
            return Result.cme(3810);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            config.log().accept(name + ": not an http or https URL: " + url);
            return Result.cme(3810);
        }
        boolean https = scheme.equals("https");
        if (https && !ssl.httpsEnabled()) {
            config.log().accept(name + ": " + url + " is https but HTTPS is off (AT+QSSLCFG=\"https\",1)");
            return Result.cme(3810);
        }
        if (config.faults().dnsFailure()) {
            config.log().accept(name + ": DNS: cannot resolve " + uri.getHost() + " (fault profile)");
            return Result.cme(ModuleHttpClient.UNKNOWN_HOST);
        }
        TlsSettings tls = https ? tlsSettings() : null;
        Network.Route route = network.route(new Network.Request(method, uri, tls));
        if (route instanceof Network.Fail f) {
            config.log().accept(name + ": " + method + " " + url + " failed (+CME ERROR: " + f.code() + "): "
                    + f.reason());
            return Result.cme(f.code());
        }
        Network.Connect to = (Network.Connect) route;
        if (!to.note().isEmpty()) {
            config.log().accept(name + ": " + method + " " + url + ": " + to.note());
        }
        try {
            ModuleHttpClient.Response r = ModuleHttpClient.request(method, uri, body, to, network, config.localIp(),
                    tls, Duration.ofSeconds(timeoutSeconds), config.faults().tlsHandshakeFailure());
            int status = config.faults().httpStatus() != null ? config.faults().httpStatus() : r.status();
            config.log().accept(name + ": " + method + " " + url + " -> " + status + ", " + r.body().length + " bytes"
                    + (r.tls().isEmpty() ? "" : " (" + r.tls() + ")"));
            if (status / 100 != 2) {
                return Result.cme(ModuleHttpClient.RESPONSE_FAILED); // an error status fails the request
            }
            response = r.body();
            return Result.OK;
        } catch (ModuleHttpClient.Failure f) {
            config.log().accept(name + ": " + method + " " + url + " failed (+CME ERROR: " + f.code + "): "
                    + f.getMessage());
            return Result.cme(f.code);
        }
    }

    private TlsSettings tlsSettings() {
        return ssl.tls(store, suites, config.rtc().instant());
    }

    // ---- answers -------------------------------------------------------------------------------

    /** The test form's answer, built from the grammar's write form: {@code +QHTTPURL: (1-450),(1-65535)}. */
    private String testAnswer(AtCommand c) {
        Grammar.FormSpec w = registry.command(c.name()).map(s -> s.forms().get("write")).orElse(null);
        List<String> parts = new ArrayList<>();
        if (w != null) {
            for (Grammar.ParamSpec p : w.params()) {
                if (!p.values().isEmpty()) {
                    parts.add("(" + String.join(",", p.values().keySet()) + ")");
                } else if (p.min() != null && p.max() != null) {
                    parts.add("(" + p.min() + "-" + p.max() + ")");
                } else {
                    parts.add("<" + p.name() + ">");
                }
            }
        }
        return c.name() + ": " + String.join(",", parts);
    }

    private Result test(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            info(testAnswer(c));
        }
        return Result.OK; // the read forms of AT+QSECWRITE, AT+QSECREAD, AT+QSECDEL answer OK (§2.2.2-4)
    }

    private void info(String line) throws IOException {
        write((verbose ? "\r\n" + line + "\r\n" : line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private void urc(String line) throws IOException {
        write(("\r\n" + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * How many values a command's parameter takes by the grammar's range ({@code <ctxindex>} 0-5
     * gives 6), looked for in its write form and its subcommands.
     */
    static int rangeSize(ProtocolRegistry registry, String command, String param) {
        List<Grammar.ParamSpec> params = new ArrayList<>();
        registry.command(command).map(c -> c.forms().get("write")).ifPresent(f -> params.addAll(f.params()));
        registry.subcommands(command).values().forEach(s -> params.addAll(s.params()));
        for (Grammar.ParamSpec p : params) {
            if (p.name().equals(param) && p.min() != null && p.max() != null) {
                return (int) (p.max() - p.min() + 1);
            }
        }
        throw new IllegalStateException("no protocol library gives the range of " + command + " <" + param + ">");
    }

    /** A result code's digit under ATV0, from the basic library's table. */
    private String digit(String text) {
        return registry.resultCode(text, false).map(r -> Integer.toString(r.digit())).orElse(null);
    }

    private void result(Result r) throws IOException {
        if (quiet && r.kind() != Result.Kind.DONE) {
            return;
        }
        String text;
        String digit;
        switch (r.kind()) {
            case OK -> {
                text = "OK";
                digit = digit(text);
            }
            case ERROR -> {
                text = "ERROR";
                digit = digit(text);
            }
            case CME -> {
                if (cmee == 0) {
                    text = "ERROR";
                    digit = digit(text);
                } else {
                    String meaning = registry.cmeMeaning(r.code());
                    text = "+CME ERROR: " + (cmee == 2 && meaning != null ? meaning : Integer.toString(r.code()));
                    digit = null;
                }
            }
            case TEXT -> {
                text = r.text();
                digit = registry.connect(r.text(), false) ? digit(r.text()) : null;
            }
            default -> {
                return;
            }
        }
        if (verbose) {
            write(("\r\n" + text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        } else {
            write((digit != null ? digit + "\r" : text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private void urcBurst(AtCommand c) throws IOException {
        FaultProfile.UrcBurst burst = config.faults().urcBurst();
        if (burst != null && (burst.during().equals("*") || burst.during().equalsIgnoreCase(c.name()))) {
            for (int i = 0; i < burst.count(); i++) {
                urc(burst.urcs().get(i % burst.urcs().size()));
            }
        }
    }

    private void write(byte[] b) throws IOException {
        if (b.length > 0) {
            out.write(b);
            out.flush();
        }
    }

    // ---- time, boot and restart --------------------------------------------------------------

    private void delay(AtCommand c) throws InterruptedException {
        long usual = switch (c.name()) {
            case "+QIACT" -> 900;
            case "+QIDEACT" -> 300;
            case "+CGATT" -> 150;
            case "+QIREGAPP" -> 40;
            case "+QHTTPGET", "+QHTTPPOST" -> 30; // plus the real network's time
            default -> 8;
        };
        long nanos = config.timing().answer(usual).toNanos();
        FaultProfile.Latency l = config.faults().latencyOf(c.name());
        if (l != null) {
            nanos += (l.minMs() + (long) (random.nextDouble() * (l.maxMs() - l.minMs()))) * 1_000_000L;
        }
        sleep(nanos);
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }

    private void boot() throws IOException, InterruptedException {
        long step = config.timing().bootStep().toNanos();
        for (String u : List.of("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready")) {
            sleep(step);
            urc(u);
        }
    }

    private void restart() throws IOException, InterruptedException {
        sleep(config.timing().bootStep().toNanos());
        in.discard();
        reset();
        store.restart();
        boot();
    }

    private void settingsAtBoot() {
        echo = true;
        verbose = true;
        quiet = false;
        cmee = config.cmeeAtBoot();
    }

    private void reset() {
        settingsAtBoot();
        ssl = new SslSettings(suites, sslContexts);
        pdp = new PdpContext[pdpIds];
        for (int i = 0; i < pdpIds; i++) {
            pdp[i] = new PdpContext();
        }
        foreground = 0;
        radioOn = true;
        cregMode = 0;
        cgregMode = 0;
        url = "";
        response = null;
        lastLine = null;
    }
}
