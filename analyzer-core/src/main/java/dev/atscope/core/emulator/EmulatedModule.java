package dev.atscope.core.emulator;

import dev.atscope.core.check.CommandValidator;
import dev.atscope.core.check.Diagnostic;
import dev.atscope.core.check.Severity;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.link.Link;
import dev.atscope.core.link.PipeLink;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A stateful software model of an M66-class module (the GSM HTTPS application note): it reads
 * command lines from a {@link Link}, answers as the note documents, keeps the state a module
 * keeps (SSL contexts, certificate storage, PDP contexts, the HTTP URL and response) and makes
 * real HTTP and HTTPS requests for AT+QHTTPGET and AT+QHTTPPOST. One instance is one module; it
 * serves one link at a time.
 *
 * <p>Its settings are held once, in the {@link ModuleModel}: the protocol libraries' model of the
 * module, built from its own wire as the checker builds it from a recording. It is made of parts
 * found by name that answer from that model: the {@link LineDiscipline} of the UART, the {@link
 * ResultWriter} of its answers, the {@link PdpStack}, the {@link SslSettings}, the {@link
 * CertificateService} with the {@link CertificateStore} of file contents and the {@link
 * UploadReceiver} of data mode, the {@link HttpService}, the {@link ModuleIdentity} and the {@link
 * FaultInjector}. The {@link #handlers} table has one row per command it answers.
 * Whether a command's parameters are acceptable is decided by the protocol library's grammar
 * through {@link CommandValidator}: the same reading the checker uses.
 */
public final class EmulatedModule {

    /** What answers one command. */
    @FunctionalInterface
    private interface Handler {
        Result handle(AtCommand c) throws IOException, InterruptedException, FaultInjector.RestartNow;
    }

    /** §1.3.1 item 5: the PDP contexts active at once at most, the grammar's {@code pdpContexts} limit. */
    private final int activePdpLimit;

    private final EmulatorConfig config;
    private final ProtocolRegistry registry;
    private final CommandValidator validator;
    private final String name;
    private final Consumer<String> log;
    /** The contents of the files the model says exist. */
    private final CertificateStore store;
    /** Where the HTTP requests go. */
    private final Network network;
    private final LineDiscipline uart;
    private final ResultWriter answers;
    private final UploadReceiver uploads;
    private final FaultInjector faults;
    private final CertificateService certificates;
    /** The module's state as the protocol libraries model it, from its own wire: the holder of its settings. */
    private final ModuleModel model;
    /** AT+QSSLCFG's answers and the TLS settings, read from the model. */
    private final SslSettings ssl;
    private final ModuleIdentity identity;
    /** Command name to what answers it: one row per command. */
    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    // the parts a restart makes anew (the model forgets its settings at the restart's boot URCs)
    private PdpStack pdp;
    private HttpService http;
    private String lastLine;

    private ByteInbox in;

    /**
     * @param name names the module in thread names and log lines ({@code modem-3})
     */
    public EmulatedModule(EmulatorConfig config, ProtocolRegistry registry, String name) {
        this.config = config;
        this.registry = registry;
        this.name = name;
        this.log = line -> config.log().accept(name + ": " + line);
        this.activePdpLimit = (int) registry.limit("pdpContexts").orElseThrow(() -> new IllegalStateException(
                "no protocol library gives the pdpContexts limit")).value();
        this.validator = new CommandValidator(registry);
        this.network = config.effectiveNetwork();
        this.model = new ModuleModel(registry);
        this.store = new CertificateStore(model.https());
        this.ssl = new SslSettings(registry, model.https().ssl(), store, new CipherSuites(registry));
        this.answers = new ResultWriter(registry, model::moduleSent);
        this.uploads = new UploadReceiver(config.timing());
        this.faults = new FaultInjector(config.faults(), config.timing(), log, registry);
        this.uart = new LineDiscipline((int) registry.limit("commandLineBytes").orElseThrow().value());
        this.certificates = new CertificateService(store, registry, answers, uploads, config, log);
        this.identity = new ModuleIdentity(answers, name);
        handlerTable();
        reset();
    }

    private void handlerTable() {
        // V.250 basics
        row(c -> Result.OK, "AT", "&W");
        row(c -> {
            uart.echo = flag(c);
            return Result.OK;
        }, "E");
        row(c -> {
            answers.verbose = flag(c);
            return Result.OK;
        }, "V");
        row(c -> {
            answers.quiet = flag(c);
            return Result.OK;
        }, "Q");
        row(c -> {
            settingsAtBoot();
            return Result.OK;
        }, "Z", "&F");
        row(identity::ati, "I");
        row(identity::manufacturer, "+CGMI");
        row(identity::model, "+CGMM");
        row(identity::revision, "+CGMR", "+GMR");
        row(identity::serialNumber, "+CGSN", "+GSN");
        row(identity::iccid, "+CCID");
        // 3GPP TS 27.007
        row(c -> Settings.integer(c, answers, "+CMEE: (0-2)", () -> "+CMEE: " + answers.cmee, v -> answers.cmee = v),
                "+CMEE");
        row(identity::cpin, "+CPIN");
        row(c -> pdp.csq(c), "+CSQ");
        row(c -> pdp.cfun(c), "+CFUN");
        row(c -> pdp.creg(c), "+CREG");
        row(c -> pdp.cgreg(c), "+CGREG");
        row(c -> pdp.cgatt(c), "+CGATT");
        // the TCP/IP stack (§1.2, §1.3.1)
        row(c -> pdp.qifgcnt(c), "+QIFGCNT");
        row(c -> pdp.qicsgp(c), "+QICSGP");
        row(c -> pdp.qiregapp(c), "+QIREGAPP");
        row(c -> pdp.qiact(c), "+QIACT");
        row(c -> pdp.qilocip(c), "+QILOCIP");
        row(c -> pdp.qideact(c), "+QIDEACT");
        // SSL, certificates and keys (§2.2)
        row(this::qsslcfg, "+QSSLCFG");
        row(certificates::qsecwrite, "+QSECWRITE");
        row(certificates::qsecread, "+QSECREAD");
        row(certificates::qsecdel, "+QSECDEL");
        // HTTP (§1.2 steps 5-7, §3.3)
        row(c -> http.qhttpurl(c), "+QHTTPURL");
        row(c -> http.qhttpget(c), "+QHTTPGET");
        row(c -> http.qhttppost(c), "+QHTTPPOST");
        row(c -> http.qhttpread(c), "+QHTTPREAD");
    }

    private void row(Handler h, String... commands) {
        for (String c : commands) {
            handlers.put(c, h);
        }
    }

    /** The commands the module answers: the rows of its handler table. */
    Set<String> answeredCommands() {
        return Set.copyOf(handlers.keySet());
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
        try (ByteInbox inbox = new ByteInbox(link.input(), "atscope-" + name + "-rx", model::hostSent)) {
            this.in = inbox;
            uploads.connect(inbox);
            answers.connect(link.output());
            if (boot) {
                boot();
            }
            uart.run(inbox, answers, this::commandLine);
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

    // ---- a command line ------------------------------------------------------------------------

    private void commandLine(String text) throws IOException, InterruptedException {
        try {
            execute(text);
        } catch (FaultInjector.RestartNow r) {
            restart();
        }
    }

    private void execute(String text) throws IOException, InterruptedException, FaultInjector.RestartNow {
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
            model.commandStarts();
            Result r = execute(c);
            boolean last = i == commands.size() - 1;
            if (r.kind() != Result.Kind.OK || last) {
                faults.urcBurst(c, answers);
                answers.result(r);
                return;
            }
            model.carriedOut(t, c); // a later command of the line sees what this one set
        }
    }

    private Result execute(AtCommand c) throws IOException, InterruptedException, FaultInjector.RestartNow {
        faults.beforeAnswer(c);
        // §3.3's "AT+ QIFGCNT=0" (a typesetting artefact) is refused here too: the validator's
        // command.space rule is an error, and a module answers ERROR to it
        List<Diagnostic> problems = grammarProblems(c);
        if (!problems.isEmpty()) {
            log.accept(c.display() + ": " + problems.get(0).message());
            // a form the command lacks is a syntax error; bad parameters of the file commands are a file error
            boolean badForm = problems.stream().anyMatch(d -> d.ruleId().equals("command.form"));
            if (!c.name().startsWith("+QSEC") || badForm) {
                return Result.ERROR;
            }
            // a file larger than its storage takes is "exceed max length" (the file error codes)
            boolean tooBig = problems.stream().allMatch(d -> d.ruleId().equals("file.size"));
            return Result.cme(tooBig ? ErrorSituation.FILE_TOO_LARGE : ErrorSituation.BAD_FILE_PARAMETER);
        }
        Handler h = handlers.get(c.name());
        if (h == null) {
            return Result.ERROR; // a command this module does not have
        }
        try {
            return h.handle(c);
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
            if (d.severity() == Severity.ERROR) {
                out.add(d);
            }
        }
        return out;
    }

    // ---- the commands that belong to no part ---------------------------------------------------------

    private static boolean flag(AtCommand c) {
        return c.form() == CommandForm.WRITE && c.args().strip().equals("1");
    }

    /** AT+QSSLCFG (§2.2.1): the SSL contexts' settings, checked by the grammar's subcommands first. */
    private Result qsslcfg(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            answers.info("+QSSLCFG: \"type\",(0-5),\"value\""); // as §2.2.1 prints it
            return Result.OK;
        }
        Optional<String> line = ssl.answer(c);
        if (line.isPresent()) {
            answers.info(line.get());
        }
        return Result.OK;
    }

    // ---- boot and restart -------------------------------------------------------------------------

    private void boot() throws IOException, InterruptedException {
        long step = config.timing().bootStep().toNanos();
        for (String u : List.of("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready")) {
            FaultInjector.sleep(step);
            answers.urc(u);
        }
    }

    private void restart() throws IOException, InterruptedException {
        FaultInjector.sleep(config.timing().bootStep().toNanos());
        in.discard();
        reset();
        boot();
    }

    private void settingsAtBoot() {
        uart.echo = true;
        answers.settingsAtBoot(config.cmeeAtBoot());
    }

    private void reset() {
        settingsAtBoot();
        pdp = new PdpStack(model, activePdpLimit, faults, answers, log, config.localIp());
        http = new HttpService(registry, config, network, answers, uploads, ssl, log, model);
        lastLine = null;
    }

    /** The module's state as the protocol libraries model it (the checker's model of its traffic). */
    ModuleModel model() {
        return model;
    }

    /** Whether the certificate storage holds the contents of a file the model says exists ({@code RAM:ca.pem}). */
    boolean stores(String file) {
        return store.data(file).isPresent();
    }
}
