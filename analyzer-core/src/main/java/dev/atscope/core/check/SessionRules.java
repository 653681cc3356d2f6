package dev.atscope.core.check;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.UrcKind;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of the application note that need what came before: the module's state as the trace
 * shows it (SSL contexts, stored certificates, the PDP context, the URL), and the diagnostics that
 * state makes due. The state is bounded (six SSL contexts, the files of one run of the module),
 * never proportional to the trace. A restart of the module (RDY, a power-down) clears what the
 * module forgets: its settings and its RAM files; NVRAM files survive it.
 */
final class SessionRules {

    /** Files remembered at most; a session uploads a handful, this only bounds a pathological trace. */
    private static final int MAX_FILES = 1024;

    private final ProtocolRegistry registry;
    private final Consumer<Diagnostic> sink;

    /** One SSL context's settings as AT+QSSLCFG set them (2.2.1). */
    private static final class SslContext {
        String secllevel;
        Where secllevelWhere;
        String cacert;
        String clientcert;
        String clientkey;
        /** Where each file was configured, by the subcommand that named it ({@code cacert}, ...). */
        final Map<String, Where> fileWhere = new HashMap<>(4);
        /** The HTTPS rules about this configuration have been reported; set again when it changes. */
        boolean reported;
    }

    // settings: cleared by a restart
    private final Map<String, SslContext> contexts = new HashMap<>();
    private boolean httpsEnabled;
    private String httpsContext;

    // files: names written with AT+QSECWRITE and not deleted since; RAM ones are lost at a restart
    private final Set<String> written = new HashSet<>();
    private final Map<String, String> readChecksums = new LinkedHashMap<>();

    // the PDP context and the section 1.3.1 checklist
    private boolean pdpActive;
    private String foreground = "0";
    private final Set<String> activeForeground = new HashSet<>();
    private final Set<String> activeCids = new HashSet<>();
    private String attachAnswer;
    private String registrationAnswer;
    /** The meaning of the registration state, from the grammar's table for AT+CGREG's {@code <stat>}. */
    private String registrationMeaning;
    private String apnSetBy;
    private boolean activationFailed;
    /** A restart was seen: the files of storages not kept at a restart are exactly those written since. */
    private boolean restartSeen;
    private long lastRestartAfterFailure = -1;

    /** AT+CMEE=1 or 2 is in effect: the module gives error codes where it can. */
    private boolean errorCodesOn;

    // HTTP
    private String url;
    private boolean getDone;
    private Transaction urlTransaction;

    SessionRules(ProtocolRegistry registry, Consumer<Diagnostic> sink) {
        this.registry = registry;
        this.sink = sink;
    }

    /** The column of a command within its command line, minus the {@code AT} its display starts with. */
    static int shift(String line, AtCommand c) {
        if (c.raw().isEmpty()) {
            return 0;
        }
        int at = line.indexOf(c.raw(), 2);
        return at < 0 ? 0 : at - 2;
    }

    /** Where the i-th parameter of a command of the transaction is, for a caret under it. */
    static Where param(Transaction t, AtCommand c, int index) {
        List<String> params = c.params();
        if (index >= params.size()) {
            return Where.NONE.at(t);
        }
        String display = c.display();
        int[] cols = CommandValidator.columns(c.args(), params, display.length() - c.args().length());
        return Where.column(cols[index], params.get(index).length()).shifted(shift(t.command().text(), c))
                .at(t);
    }

    // ------------------------------------------------------------------ events

    /**
     * A restart or power-down seen but not yet applied: the decoder hands out the transactions it
     * interrupted right after it, and those are judged with the state from before.
     */
    private UrcKind pendingRestart;

    private void applyRestart() {
        if (pendingRestart != null) {
            pendingRestart = null;
            restart();
        }
    }

    void event(Event e) {
        applyRestart();
        if (e.kind() == EventKind.COMMAND) {
            urlTransaction = null;
            return;
        }
        if (e.kind() == EventKind.NOISE && e.direction() == Direction.HOST_TO_MODULE && urlTransaction != null) {
            // bytes after the counted URL that no command line claims: the URL was longer than announced
            Transaction t = urlTransaction;
            urlTransaction = null;
            sink.accept(new Diagnostic("http.url-length", Severity.ERROR, "the host sent " + e.bytes().length
                    + " more bytes after the " + t.last().params().get(0) + " that AT+QHTTPURL announced: the URL was"
                    + " cut short, and the rest reached the module as a broken command", "1.2", param(t, t.last(), 0)));
            return;
        }
        if (e.kind() == EventKind.URC) {
            UrcKind kind = registry.urcKind(e.text());
            if (kind == UrcKind.RESTART) {
                restartInterval(e);
                activationFailed = false;
            }
            if (kind == UrcKind.RESTART || kind == UrcKind.POWER_DOWN) {
                pendingRestart = kind;
            } else if (e.text().startsWith("+PDP DEACT")) {
                pdpDown();
            }
        }
    }

    void finish() {
        // every rule reports as soon as it can; nothing waits for the end
    }

    /** 1.3.1: after activation failures, restart the module at most every 10 minutes. */
    private void restartInterval(Event e) {
        if (!activationFailed) {
            lastRestartAfterFailure = -1;
            return;
        }
        Grammar.LimitSpec limit = registry.limit("restartIntervalMs").orElse(null);
        if (limit != null && lastRestartAfterFailure >= 0
                && e.startMicros() - lastRestartAfterFailure < limit.value() * 1000) {
            long minutes = (e.startMicros() - lastRestartAfterFailure) / 60_000_000;
            sink.accept(new Diagnostic("pdp.restart-interval", Severity.WARNING, "the module restarted again "
                    + (minutes == 0 ? "less than a minute" : minutes + " min") + " after the last restart that"
                    + " followed a failed AT+QIACT; the note asks for at least " + limit.value() / 60_000
                    + " minutes between such restarts", limit.section(), new Where(-1, e.direction(),
                    e.startOffset(), e.endOffset(), e.startMicros(), e.line(), -1, 0)));
        }
        lastRestartAfterFailure = e.startMicros();
    }

    private void restart() {
        restartSeen = true;
        contexts.clear();
        httpsEnabled = false;
        httpsContext = null;
        written.removeIf(n -> !keptAtRestart(n));
        readChecksums.keySet().removeIf(n -> !keptAtRestart(n));
        pdpDown();
        attachAnswer = null;
        registrationAnswer = null;
        registrationMeaning = null;
        apnSetBy = null;
        foreground = "0";
        errorCodesOn = false;
        url = null;
        getDone = false;
        urlTransaction = null;
    }

    private boolean keptAtRestart(String file) {
        int colon = file.indexOf(':');
        return colon > 0 && registry.storage(file.substring(0, colon)).map(Grammar.StorageSpec::keptAtRestart)
                .orElse(false);
    }

    private void pdpDown() {
        pdpActive = false;
        activeForeground.clear();
        activeCids.clear();
        getDone = false;
    }

    // ------------------------------------------------------------------ transactions

    void transaction(Transaction t, boolean valid) {
        if (t.outcome() != dev.atscope.core.decode.Outcome.INTERRUPTED) {
            applyRestart();
        }
        urlTransaction = null;
        for (AtCommand c : t.commands()) {
            switch (c.name()) {
                case "+QSSLCFG" -> {
                    if (valid && c.form() == CommandForm.WRITE) {
                        sslConfig(t, c);
                    }
                }
                case "+QSECWRITE" -> upload(t, c);
                case "+QSECDEL" -> {
                    if (TraceChecker.ok(t) && c.form() == CommandForm.WRITE && !c.params().isEmpty()) {
                        String name = fileKey(c.params().get(0));
                        written.remove(name);
                        readChecksums.remove(name);
                    }
                }
                case "+QSECREAD" -> secRead(t, c);
                case "+CGATT" -> attach(t, c);
                case "+CGREG" -> registration(t, c);
                case "+QICSGP", "+QIREGAPP" -> apn(t, c);
                case "+QIFGCNT" -> {
                    if (TraceChecker.ok(t) && c.form() == CommandForm.WRITE && valid) {
                        foreground = c.params().get(0);
                    }
                }
                case "+CGACT" -> cgact(t, c);
                case "+CMEE" -> {
                    if (TraceChecker.ok(t) && c.form() == CommandForm.WRITE) {
                        errorCodesOn = !c.args().equals("0");
                    }
                }
                case "+QIACT" -> activate(t, c);
                case "+QIDEACT" -> {
                    if (TraceChecker.ok(t)) {
                        pdpDown();
                    }
                }
                case "+QHTTPURL" -> httpUrl(t, c);
                case "+QHTTPGET" -> httpGet(t, c);
                case "+QHTTPREAD" -> httpRead(t, c);
                default -> {
                    // no state to keep
                }
            }
        }
    }

    // ------------------------------------------------------------------ SSL configuration (2.2.1)

    private void sslConfig(Transaction t, AtCommand c) {
        var sub = registry.subcommand(c);
        if (sub.isEmpty() || !TraceChecker.ok(t)) {
            return;
        }
        List<NamedParam> ps = registry.parameters(c);
        String name = sub.get().name();
        String ctxIndex = null;
        NamedParam value = null;
        int valueIndex = -1;
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).name().equals("ctxindex")) {
                ctxIndex = ps.get(i).value();
            } else if (ps.get(i).name().equals(name)) {
                value = ps.get(i);
                valueIndex = i;
            }
        }
        if (value == null) {
            return; // a query: nothing changes
        }
        String v = value.value();
        switch (name) {
            case "sslversion" -> {
                if (value.meaning() != null && value.meaning().startsWith("SSL 3")) {
                    sink.accept(new Diagnostic("security.ssl3", Severity.WARNING, "SSL 3.0 is broken (POODLE) and"
                            + " most servers refuse it; use 3 (TLS 1.2)", "1.1, 2.2.1", param(t, c, valueIndex)));
                }
            }
            case "ciphersuite" -> {
                Grammar.ParamSpec spec = registry.paramSpecs(c).get(valueIndex);
                List<String> weak = new ArrayList<>();
                for (String item : ProtocolRegistry.items(spec, v)) {
                    String suite = ProtocolRegistry.valueMeaning(spec, item);
                    // the suites' names say their algorithms (1.1, Table 2): RC4, MD5 and 3DES are broken
                    if (suite != null && (suite.contains("_RC4_") || suite.endsWith("_MD5") || suite.contains("_3DES_"))) {
                        weak.add(suite);
                    }
                }
                if (!weak.isEmpty()) {
                    sink.accept(new Diagnostic("security.weak-cipher", Severity.WARNING, String.join(", ", weak)
                            + (weak.size() == 1 ? " is" : " are") + " weak (RC4, MD5 and 3DES are broken); use"
                            + " an AES suite", "1.1, 2.2.1", param(t, c, valueIndex)));
                }
            }
            case "secllevel" -> {
                SslContext ctx = context(ctxIndex);
                ctx.secllevel = v;
                ctx.secllevelWhere = param(t, c, valueIndex);
                ctx.reported = false;
            }
            case "cacert" -> {
                context(ctxIndex).cacert = v;
                context(ctxIndex).fileWhere.put(name, param(t, c, valueIndex));
                context(ctxIndex).reported = false;
            }
            case "clientcert" -> {
                context(ctxIndex).clientcert = v;
                context(ctxIndex).fileWhere.put(name, param(t, c, valueIndex));
                context(ctxIndex).reported = false;
            }
            case "clientkey" -> {
                context(ctxIndex).clientkey = v;
                context(ctxIndex).fileWhere.put(name, param(t, c, valueIndex));
                context(ctxIndex).reported = false;
            }
            case "ignorertctime" -> {
                if (v.equals("1")) {
                    sink.accept(new Diagnostic("security.ignore-rtc", Severity.WARNING, "ignoring the RTC time"
                            + " accepts expired and not-yet-valid certificates; set the clock instead", "2.2.1",
                            param(t, c, valueIndex)));
                }
            }
            case "https" -> httpsEnabled = v.equals("1");
            case "httpsctxi" -> httpsContext = v;
            default -> {
                // SMTP settings: no rule here
            }
        }
    }

    private SslContext context(String index) {
        return contexts.computeIfAbsent(index == null ? "0" : index, k -> new SslContext());
    }

    // ------------------------------------------------------------------ certificates (2.2.2 - 2.2.4)

    private static String fileKey(String raw) {
        String v = AtArguments.unquote(raw);
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(0, colon).toUpperCase(Locale.ROOT) + v.substring(colon);
    }

    private void upload(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().size() < 2) {
            return;
        }
        String name = fileKey(c.params().get(0));
        if (written.contains(name)) {
            sink.accept(new Diagnostic("upload.exists", Severity.ERROR, name + " was already written in this session"
                    + " and not deleted: the module refuses to overwrite it; send AT+QSECDEL=\"" + name + "\" first",
                    "2.2.2", param(t, c, 0)));
        }
        Event payload = null;
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD && e.direction() == Direction.HOST_TO_MODULE) {
                payload = e;
                break;
            }
        }
        if (payload == null) {
            return;
        }
        int sent = payload.bytes().length;
        String announced = c.params().get(1);
        boolean countOk = announced.equals(Integer.toString(sent));
        if (!countOk) {
            sink.accept(new Diagnostic("upload.size", Severity.ERROR, "AT+QSECWRITE announced " + announced
                    + " bytes but the host sent " + sent + (payload.note() == null ? "" : " (" + payload.note() + ")")
                    + ": the stored file is incomplete", "2.2.2", param(t, c, 1)));
        }
        for (Event r : t.informationLines()) {
            String text = r.text();
            if (!text.startsWith("+QSECWRITE:")) {
                continue;
            }
            List<String> f = AtArguments.split(text.substring(11).strip());
            int fieldsAt = text.length() - text.substring(11).stripLeading().length();
            if (f.isEmpty()) {
                continue;
            }
            if (!f.get(0).equals(Integer.toString(sent))) {
                sink.accept(new Diagnostic("upload.size", Severity.ERROR, "the module stored " + f.get(0)
                        + " bytes of the " + sent + " the host sent", "2.2.2",
                        Where.column(fieldsAt, f.get(0).length()).at(t, r)));
            } else if (countOk && f.size() >= 2) {
                String mine = UploadChecksum.hex(payload.bytes());
                if (!f.get(1).equalsIgnoreCase(mine)) {
                    int col = text.indexOf(f.get(1), fieldsAt + f.get(0).length());
                    sink.accept(new Diagnostic("upload.checksum", Severity.WARNING, "the module reports checksum "
                            + f.get(1) + " but the captured bytes give " + mine + ": the file may have been damaged"
                            + " on the wire. How sure: the checksum is taken to be the XOR of 16-bit big-endian"
                            + " words, as for AT+QFUPL; it fits the note's examples but is not confirmed for"
                            + " AT+QSECWRITE", "2.2.2", Where.column(col, f.get(1).length()).at(t, r)));
                }
            }
        }
        if (TraceChecker.ok(t) && written.size() < MAX_FILES) {
            written.add(name);
        }
    }

    private void secRead(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        String name = fileKey(c.params().get(0));
        for (Event r : t.informationLines()) {
            String text = r.text();
            if (!text.startsWith("+QSECREAD:")) {
                continue;
            }
            String body = text.substring(10).strip();
            int at = text.length() - text.substring(10).stripLeading().length();
            List<String> f = AtArguments.split(body);
            if (f.isEmpty()) {
                continue;
            }
            if (f.get(0).equals("0")) {
                sink.accept(new Diagnostic("upload.damaged", Severity.ERROR, "the module says " + name + " is"
                        + " damaged (its checksum no longer matches the one stored when it was written): delete it"
                        + " and write it again", "2.2.3", Where.column(at, 1).at(t, r)));
            }
            if (f.size() >= 2) {
                // PROTOCOL-NOTES: compare only with earlier AT+QSECREADs of the same file, never with AT+QSECWRITE
                String before = readChecksums.get(name);
                if (before != null && !before.equalsIgnoreCase(f.get(1))) {
                    int col = text.indexOf(f.get(1), at + f.get(0).length());
                    sink.accept(new Diagnostic("upload.read-checksum", Severity.WARNING, name + " reads with checksum "
                            + f.get(1) + " now and " + before + " before, with no AT+QSECWRITE between: the stored"
                            + " file changed", "2.2.3", Where.column(col, f.get(1).length()).at(t, r)));
                }
                if (readChecksums.size() < MAX_FILES || before != null) {
                    readChecksums.put(name, f.get(1));
                }
            }
        }
    }

    // ------------------------------------------------------------------ PDP context (1.2, 1.3.1)

    private static String answer(Transaction t, String prefix) {
        for (Event r : t.informationLines()) {
            if (r.text().startsWith(prefix)) {
                return r.text().substring(prefix.length()).strip();
            }
        }
        return null;
    }

    private void attach(Transaction t, AtCommand c) {
        if (c.form() == CommandForm.READ) {
            String a = answer(t, "+CGATT:");
            if (a != null) {
                attachAnswer = a;
            }
        } else if (c.form() == CommandForm.WRITE && TraceChecker.ok(t) && !c.params().isEmpty()) {
            attachAnswer = c.params().get(0);
        }
    }

    private void registration(Transaction t, AtCommand c) {
        if (c.form() == CommandForm.READ) {
            String a = answer(t, "+CGREG:");
            if (a != null && !a.isEmpty()) {
                List<String> f = AtArguments.split(a);
                registrationAnswer = f.size() >= 2 ? f.get(1) : f.get(0);
                registrationMeaning = null;
                for (Grammar.ResponseSpec r : registry.responseSpecs(c)) {
                    for (Grammar.ParamSpec p : r.params()) {
                        if (p.name().equals("stat")) {
                            registrationMeaning = ProtocolRegistry.valueMeaning(p, registrationAnswer);
                        }
                    }
                }
            }
        }
    }

    private void apn(Transaction t, AtCommand c) {
        if (!TraceChecker.ok(t)) {
            return;
        }
        if (c.form() == CommandForm.WRITE) {
            for (NamedParam p : registry.parameters(c)) {
                if (p.name().equals("apn") && !p.value().isEmpty()) {
                    apnSetBy = t.command().text();
                }
            }
        } else if (c.form() == CommandForm.READ && c.name().equals("+QIREGAPP")) {
            String a = answer(t, "+QIREGAPP:");
            if (a != null && !AtArguments.split(a).isEmpty() && !AtArguments.unquote(AtArguments.split(a).get(0))
                    .isEmpty()) {
                apnSetBy = t.command().text();
            }
        }
    }

    private void cgact(Transaction t, AtCommand c) {
        if (!TraceChecker.ok(t) || c.form() != CommandForm.WRITE || c.params().size() < 2) {
            return;
        }
        if (c.params().get(0).equals("1")) {
            activeCids.add(c.params().get(1));
            pdpLimit(t);
        } else {
            activeCids.remove(c.params().get(1));
        }
    }

    private int activeContexts() {
        return activeForeground.size() + activeCids.size();
    }

    private void pdpLimit(Transaction t) {
        Grammar.LimitSpec limit = registry.limit("pdpContexts").orElse(null);
        if (limit != null && activeContexts() > limit.value()) {
            sink.accept(new Diagnostic("pdp.limit", Severity.ERROR, activeContexts() + " PDP contexts are active; the"
                    + " module keeps at most " + limit.value() + " at once", limit.section(), Where.NONE.at(t)));
        }
    }

    private void activate(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.EXECUTE) {
            return;
        }
        if (TraceChecker.ok(t)) {
            pdpActive = true;
            if (activeForeground.size() < 64) {
                activeForeground.add(foreground);
            }
            pdpLimit(t);
            return;
        }
        activationFailed = true;
        Grammar.LimitSpec limit = registry.limit("pdpContexts").orElse(null);
        StringBuilder m = new StringBuilder(t.command().text()).append(" failed");
        if (t.result() != null) {
            m.append(" with ").append(explainResult(t));
        }
        m.append(". The checklist of section 1.3.1, as far as this session shows it: ");
        List<String> items = new ArrayList<>();
        items.add(attachAnswer == null ? "[not done] PS attach never queried (AT+CGATT?)"
                : attachAnswer.equals("1") ? "[done] PS attached (AT+CGATT: 1)"
                : "[problem] PS not attached (AT+CGATT: " + attachAnswer + "); send AT+CGATT=1");
        items.add(registrationAnswer == null ? "[not done] registration never queried (AT+CGREG?)"
                : registrationMeaning != null && registrationMeaning.startsWith("registered")
                        ? "[done] " + registrationMeaning + " (AT+CGREG? stat " + registrationAnswer + ")"
                        : "[problem] " + (registrationMeaning == null ? "not registered" : registrationMeaning)
                                + " (AT+CGREG? stat " + registrationAnswer + ")");
        items.add(apnSetBy == null ? "[not done] no APN set (AT+QICSGP or AT+QIREGAPP)" : "[done] APN set by " + apnSetBy);
        if (limit != null) {
            items.add(activeContexts() >= limit.value()
                    ? "[problem] " + activeContexts() + " PDP contexts already active, the module keeps " + limit.value()
                    : "[done] " + activeContexts() + " of at most " + limit.value() + " PDP contexts active");
        }
        m.append(String.join("; ", items)).append(". If all pass and it still fails, restart the module");
        registry.limit("restartIntervalMs").ifPresent(l -> m.append(", at most every ").append(l.value() / 60_000)
                .append(" minutes"));
        m.append('.');
        sink.accept(new Diagnostic("pdp.activation-failed", Severity.ERROR, m.toString(), "1.3.1", Where.NONE.at(t)));
    }

    private String explainResult(Transaction t) {
        int code = t.errorCode();
        if (code < 0 && t.errorDetail() != null) {
            code = registry.cmeCodeOf(t.errorDetail());
        }
        String meaning = code >= 0 ? registry.cmeMeaning(code) : null;
        return t.resultText() + (meaning == null || t.resultText().contains(meaning) ? "" : " (" + meaning + ")");
    }

    // ------------------------------------------------------------------ HTTP(S) (1.2, 3.3)

    private void httpUrl(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        Event payload = null;
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD && e.direction() == Direction.HOST_TO_MODULE) {
                payload = e;
                break;
            }
        }
        if (payload == null) {
            return;
        }
        String announced = c.params().get(0);
        int sent = payload.bytes().length;
        if (!announced.equals(Integer.toString(sent))) {
            sink.accept(new Diagnostic("http.url-length", Severity.ERROR, "AT+QHTTPURL announced " + announced
                    + " bytes but the host sent a URL of " + sent, "1.2", param(t, c, 0)));
        } else {
            urlTransaction = t;
        }
        if (TraceChecker.ok(t)) {
            url = payload.text().strip();
            getDone = false;
        }
    }

    private void httpGet(Transaction t, AtCommand c) {
        if (!pdpActive) {
            sink.accept(new Diagnostic("http.no-pdp", Severity.ERROR, "an HTTP request with no active PDP context:"
                    + " activate it first with AT+QIACT", "1.2", Where.NONE.at(t)));
        }
        getDone = TraceChecker.ok(t);
        if (url == null || !url.regionMatches(true, 0, "https://", 0, 8)) {
            return;
        }
        if (!httpsEnabled) {
            sink.accept(new Diagnostic("https.not-enabled", Severity.ERROR, "the URL is https:// but HTTPS was not"
                    + " enabled: send AT+QSSLCFG=\"https\",1 first", "2.2.1, 3.3", Where.NONE.at(t)));
        }
        // 3.3 configures context 0 and never sets "httpsctxi": an unset index means context 0
        String index = httpsContext == null ? "0" : httpsContext;
        SslContext ctx = contexts.get(index);
        if (ctx == null || ctx.secllevel == null || ctx.reported) {
            return;
        }
        ctx.reported = true;
        switch (ctx.secllevel) {
            case "0" -> sink.accept(new Diagnostic("security.no-auth", Severity.WARNING, "HTTPS with security level 0"
                    + " in SSL context " + index + ": the server is not authenticated, so anyone on the path can"
                    + " pose as it; set level 1 with a CA certificate", "2.2.1", ctx.secllevelWhere));
            case "1", "2" -> {
                if (ctx.cacert == null) {
                    sink.accept(new Diagnostic("https.ca-missing", Severity.ERROR, "security level " + ctx.secllevel
                            + " in SSL context " + index + " needs a CA certificate, and none was configured: send"
                            + " AT+QSSLCFG=\"cacert\"," + index + ",\"RAM:...\"", "2.2.1", ctx.secllevelWhere));
                }
                notUploaded(ctx, "cacert", ctx.cacert, "CA certificate");
                if (ctx.secllevel.equals("2")) {
                    notUploaded(ctx, "clientcert", ctx.clientcert, "client certificate");
                    notUploaded(ctx, "clientkey", ctx.clientkey, "client key");
                }
                if (ctx.secllevel.equals("2") && (ctx.clientcert == null || ctx.clientkey == null)) {
                    String missing = ctx.clientcert == null && ctx.clientkey == null ? "a client certificate and key"
                            : ctx.clientcert == null ? "a client certificate" : "a client key";
                    sink.accept(new Diagnostic("https.client-missing", Severity.ERROR, "security level 2 in SSL"
                            + " context " + index + " needs " + missing + ", and none was configured (AT+QSSLCFG="
                            + "\"clientcert\" and \"clientkey\")", "2.2.1", ctx.secllevelWhere));
                }
            }
            default -> {
                // not a level the grammar knows: the validator said so
            }
        }
    }

    /**
     * A configured file in a storage that a restart empties (RAM), not written since the restart
     * this trace shows: the module has no such file. Before any restart the trace cannot know.
     */
    private void notUploaded(SslContext ctx, String role, String file, String what) {
        if (file == null || !restartSeen) {
            return;
        }
        String key = fileKey(file);
        int colon = key.indexOf(':');
        if (colon <= 0 || registry.storage(key.substring(0, colon)).isEmpty() || keptAtRestart(key)
                || written.contains(key)) {
            return;
        }
        sink.accept(new Diagnostic("https.cert-not-uploaded", Severity.ERROR, "the " + what + " " + key + " was"
                + " configured but not written with AT+QSECWRITE since the module restarted, and "
                + key.substring(0, colon) + " loses its files at a restart: the module has no such file", "1.2, 2.2.2",
                ctx.fileWhere.getOrDefault(role, Where.NONE)));
    }

    private void httpRead(Transaction t, AtCommand c) {
        if (!getDone) {
            sink.accept(new Diagnostic("http.read-without-get", Severity.ERROR, "AT+QHTTPREAD with no successful"
                    + " AT+QHTTPGET before it: there is no response to read", "1.2", Where.NONE.at(t)));
        }
    }

    /** Whether AT+CMEE=1 or 2 was set in this run of the module. */
    boolean errorCodesOn() {
        return errorCodesOn;
    }

    /** A hint for an HTTP failure of an https request: PROTOCOL-NOTES, a failed handshake shows up as these codes. */
    String errorHint(Transaction t, int code) {
        if (url != null && url.regionMatches(true, 0, "https://", 0, 8) && t.last().name().equals("+QHTTPGET")
                && (code == 3815 || code == 3822 || code == 3816 || code == 3817 || code == 3818)) {
            return "; with an https:// URL this usually means the TLS handshake failed (check the SSL version,"
                    + " cipher suites, certificates and the module's clock)";
        }
        return "";
    }
}
