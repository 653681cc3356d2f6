package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.decode.UrcKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The protocol libraries in use, merged: the one place the decoder, checker, emulator and report
 * ask about commands, responses, URCs and error codes.
 */
public final class ProtocolRegistry implements ResponseModel {

    private static volatile ProtocolRegistry defaultRegistry;

    /** {@link CommandForm#word()} of each form, computed once: lookups run for every command of a trace. */
    private static final String[] FORM_WORDS = new String[CommandForm.values().length];

    static {
        for (CommandForm f : CommandForm.values()) {
            FORM_WORDS[f.ordinal()] = f.word();
        }
    }

    private final List<ProtocolLibrary> libraries;
    private final Map<String, Grammar.CommandSpec> commands = new LinkedHashMap<>();
    private final Map<String, String> commandLibrary = new HashMap<>();
    private final Map<String, UrcKind> urcTexts = new HashMap<>();
    private final List<Map.Entry<String, UrcKind>> urcPrefixes = new ArrayList<>();
    private final List<Map.Entry<Pattern, UrcKind>> urcPatterns = new ArrayList<>();
    private final Map<String, Grammar.UrcSpec> urcSpecs = new LinkedHashMap<>();
    private final Map<String, String> cmeErrors = new LinkedHashMap<>();
    /** {@link #cmeErrors}' meanings, normalised once for {@link #cmeCodeOf(String)}. */
    private final Map<String, String> cmeNormalised = new LinkedHashMap<>();
    private final Map<String, String> cmeSections = new HashMap<>();
    /** Each {@code +CME ERROR} code's meaning and class, from the first library that has the code. */
    private final Map<String, Grammar.ErrorSpec> cmeSpecs = new HashMap<>();
    /** The {@code +CMS ERROR} codes (SMS): meaning and class, and where each is documented. */
    private final Map<String, Grammar.ErrorSpec> cmsSpecs = new LinkedHashMap<>();
    private final Map<String, String> cmsNormalised = new LinkedHashMap<>();
    private final Map<String, String> cmsSections = new HashMap<>();
    /** The V.250 result codes by verbose text, the first library's row for each. */
    private final Map<String, Grammar.ResultCodeSpec> resultCodes = new LinkedHashMap<>();
    private String defaultStorage;
    private final Map<String, Grammar.StorageSpec> storages = new LinkedHashMap<>();
    private final Map<String, Grammar.LimitSpec> limits = new LinkedHashMap<>();
    /** Per command with subcommands: each subcommand's whole parameter list, selector first, aliases resolved. */
    private final Map<String, Map<String, Sub>> subcommands = new HashMap<>();
    private final Map<String, ResponseShape> shapes = new ConcurrentHashMap<>();
    /** {@link #select} views, by their sorted library ids. */
    private final Map<String, ProtocolRegistry> views = new ConcurrentHashMap<>();

    /** A registry of the given libraries; on a conflict the one with the lower priority wins. */
    public ProtocolRegistry(List<ProtocolLibrary> libraries) {
        List<ProtocolLibrary> sorted = new ArrayList<>(libraries);
        sorted.sort(Comparator.comparingInt(ProtocolLibrary::priority).thenComparing(ProtocolLibrary::id));
        this.libraries = List.copyOf(sorted);
        for (ProtocolLibrary lib : this.libraries) {
            Grammar g = lib.grammar();
            for (Grammar.CommandSpec c : g.commands()) {
                checkParams(lib.id(), c);
                String key = c.name().toUpperCase(Locale.ROOT);
                if (commands.putIfAbsent(key, c) == null) {
                    commandLibrary.put(key, lib.id());
                }
            }
            addCompletionUrcs(g); // before the library's URCs, so that a line names its command rather than a general prefix
            for (Grammar.UrcSpec u : g.urcs()) {
                UrcKind kind = urcKind(u);
                if (u.text() != null) {
                    urcTexts.putIfAbsent(u.text(), kind);
                    urcSpecs.putIfAbsent(u.text(), u);
                }
                if (u.prefix() != null) {
                    urcPrefixes.add(Map.entry(u.prefix(), kind));
                    urcSpecs.putIfAbsent(u.prefix(), u);
                }
                if (u.pattern() != null) {
                    urcPatterns.add(Map.entry(Pattern.compile(u.pattern()), kind));
                    urcSpecs.putIfAbsent(u.pattern(), u);
                }
            }
            for (Map.Entry<String, Grammar.ErrorSpec> e : g.cmeErrors().entrySet()) {
                if (cmeErrors.putIfAbsent(e.getKey(), e.getValue().text()) == null) {
                    cmeSpecs.put(e.getKey(), e.getValue());
                    String section = e.getValue().section() != null ? e.getValue().section() : g.cmeSection();
                    if (section != null) {
                        cmeSections.put(e.getKey(), section);
                    }
                }
            }
            for (Map.Entry<String, Grammar.ErrorSpec> e : g.cmsErrors().entrySet()) {
                if (cmsSpecs.putIfAbsent(e.getKey(), e.getValue()) == null) {
                    cmsNormalised.put(e.getKey(), normalise(e.getValue().text()));
                    String section = e.getValue().section() != null ? e.getValue().section() : g.cmsSection();
                    if (section != null) {
                        cmsSections.put(e.getKey(), section);
                    }
                }
            }
            for (Grammar.ResultCodeSpec r : g.resultCodes()) {
                resultCodes.putIfAbsent(r.text(), r);
            }
            if (defaultStorage == null && g.defaultStorage() != null) {
                defaultStorage = g.defaultStorage().toUpperCase(Locale.ROOT);
            }
            g.fileStorages().forEach((k, v) -> storages.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
            g.limits().forEach(limits::putIfAbsent);
        }
        cmeErrors.forEach((k, v) -> cmeNormalised.put(k, normalise(v)));
        commands.forEach((name, c) -> {
            Grammar.FormSpec write = c.forms().get(CommandForm.WRITE.word());
            if (write == null || write.subcommands().isEmpty()) {
                return;
            }
            Map<String, Sub> subs = new HashMap<>();
            write.subcommands().forEach((key, sub) -> {
                Grammar.SubcommandSpec target = sub;
                String targetKey = key.toLowerCase(Locale.ROOT);
                if (sub.aliasOf() != null) {
                    target = write.subcommands().get(sub.aliasOf());
                    if (target == null) {
                        throw new IllegalArgumentException(c.name() + " subcommand \"" + key + "\" is an alias of \""
                                + sub.aliasOf() + "\", which is not defined");
                    }
                    targetKey = sub.aliasOf().toLowerCase(Locale.ROOT);
                }
                List<Grammar.ParamSpec> all = new ArrayList<>(write.params());
                all.addAll(target.params());
                subs.put(key.toLowerCase(Locale.ROOT), new Sub(targetKey, target, List.copyOf(all), sub.aliasOf() != null));
            });
            subcommands.put(name, subs);
        });
    }

    private static final java.util.Set<String> TYPES = java.util.Set.of("integer", "string", "hex", "enum", "file");

    /** Refuses a grammar whose parameters name an unknown type or a size's file parameter that is not there. */
    private static void checkParams(String library, Grammar.CommandSpec c) {
        for (Map.Entry<String, Grammar.FormSpec> f : c.forms().entrySet()) {
            String where = library + ": " + c.name() + " " + f.getKey();
            checkParams(where, f.getValue().params(), f.getValue().responses());
            for (Map.Entry<String, Grammar.SubcommandSpec> sub : f.getValue().subcommands().entrySet()) {
                List<Grammar.ParamSpec> all = new ArrayList<>(f.getValue().params());
                all.addAll(sub.getValue().params());
                checkParams(where + " \"" + sub.getKey() + "\"", all, sub.getValue().responses());
            }
            Grammar.CompletionSpec done = f.getValue().completion();
            if (done != null) {
                checkParams(where + " completion", done.params(), List.of());
                for (Grammar.ResultFieldSpec r : done.results()) {
                    if (done.params().stream().noneMatch(p -> p.name().equals(r.param()))) {
                        throw new IllegalArgumentException(where + " completion " + done.prefix() + ": result <"
                                + r.param() + "> is not one of its fields");
                    }
                }
            }
        }
    }

    private static void checkParams(String where, List<Grammar.ParamSpec> params, List<Grammar.ResponseSpec> responses) {
        List<Grammar.ParamSpec> all = new ArrayList<>(params);
        responses.forEach(r -> all.addAll(r.params()));
        for (Grammar.ParamSpec p : List.copyOf(all)) {
            if (p.or() != null) {
                all.add(p.or());
            }
        }
        for (Grammar.ParamSpec p : all) {
            if (p.type() != null && !TYPES.contains(p.type())) {
                throw new IllegalArgumentException(where + " <" + p.name() + ">: type '" + p.type()
                        + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
            }
        }
        for (Grammar.ParamSpec p : params) {
            if (p.sizeOf() != null && params.stream().noneMatch(q -> q.name().equals(p.sizeOf()) && "file".equals(q.type()))) {
                throw new IllegalArgumentException(where + " <" + p.name() + ">: sizeOf names '" + p.sizeOf()
                        + "', which is not a file parameter of the same form");
            }
        }
    }

    /**
     * A subcommand of a command ({@code AT+QSSLCFG="sslversion",...}), resolved.
     *
     * @param name the subcommand's name in the grammar (the target of an alias), lower case
     * @param spec its definition
     * @param params the whole parameter list of the command with this subcommand, selector first
     * @param alias whether the command used another spelling of it ({@code "seclevel"})
     */
    public record Sub(String name, Grammar.SubcommandSpec spec, List<Grammar.ParamSpec> params, boolean alias) {}

    /** The libraries found on the class path with {@link ServiceLoader}, loaded once. */
    public static ProtocolRegistry loadDefault() {
        ProtocolRegistry r = defaultRegistry;
        if (r == null) {
            synchronized (ProtocolRegistry.class) {
                r = defaultRegistry;
                if (r == null) {
                    List<ProtocolLibrary> libs = new ArrayList<>();
                    ServiceLoader.load(ProtocolLibrary.class, ProtocolRegistry.class.getClassLoader()).forEach(libs::add);
                    r = new ProtocolRegistry(libs);
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /** The libraries, highest priority first. */
    public List<ProtocolLibrary> libraries() {
        return libraries;
    }

    /**
     * The libraries in the order their states, rules and judges run: the base libraries first
     * (a vendor's model builds on theirs), then the vendors', each group by priority.
     */
    public List<ProtocolLibrary> basesFirst() {
        List<ProtocolLibrary> ordered = new ArrayList<>(libraries.stream().filter(ProtocolLibrary::base).toList());
        libraries.stream().filter(l -> !l.base()).forEach(ordered::add);
        return ordered;
    }

    /** The library of that id, if loaded. */
    public Optional<ProtocolLibrary> library(String id) {
        return libraries.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * A registry of only the given libraries (those loaded here), made once per set: the view of a
     * trace once its libraries are chosen, where a vendor's commands no longer compete with another
     * vendor's of the same name.
     */
    public ProtocolRegistry select(java.util.Collection<String> libraryIds) {
        java.util.SortedSet<String> key = new java.util.TreeSet<>(libraryIds);
        if (key.size() == libraries.size() && libraries.stream().allMatch(l -> key.contains(l.id()))) {
            return this;
        }
        return views.computeIfAbsent(String.join(",", key), k -> new ProtocolRegistry(
                libraries.stream().filter(l -> key.contains(l.id())).toList()));
    }

    /** The upload checksums of a transaction, from the library that defines its command; empty when it reports none. */
    public Optional<ProtocolLibrary.UploadSum> uploadSum(dev.atscope.core.decode.Transaction t) {
        String lib = libraryOf(t.last().name());
        return lib == null ? Optional.empty() : library(lib).flatMap(l -> l.uploadSum(t));
    }

    /** The command of that name ({@code +QSSLCFG}, any case), if a library knows it. */
    public Optional<Grammar.CommandSpec> command(String name) {
        Grammar.CommandSpec c = commands.get(name); // decoded names are upper case already
        return Optional.ofNullable(c != null ? c : commands.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The grammar of the form a command was sent in, or null when the command or that form is unknown. */
    public Grammar.FormSpec form(AtCommand command) {
        Grammar.CommandSpec spec = command(command.name()).orElse(null);
        return spec == null ? null : spec.forms().get(FORM_WORDS[command.form().ordinal()]);
    }

    /**
     * Whether the bytes a command sends in data mode are secrets (certificates and private keys
     * uploaded with AT+QSECWRITE): the grammar marks them, the index and the reports ask here.
     */
    public boolean secretPayload(AtCommand command) {
        Grammar.FormSpec f = form(command);
        return f != null && f.dataMode() != null && f.dataMode().secret();
    }

    /** Whether a command's parameter of that name holds a secret (an APN password), as the grammar marks it. */
    public boolean secretParameter(AtCommand command, String name) {
        for (Grammar.ParamSpec p : paramSpecs(command)) {
            if (p.name().equals(name)) {
                return p.secret();
            }
        }
        return false;
    }

    /** All known commands, by upper-case name. */
    public Map<String, Grammar.CommandSpec> commands() {
        return java.util.Collections.unmodifiableMap(commands);
    }

    /** The id of the library that defines the command, or null. */
    public String libraryOf(String commandName) {
        return commandLibrary.get(commandName.toUpperCase(Locale.ROOT));
    }

    /** The meaning of a {@code +CME ERROR} code, or null when no library knows it. */
    public String cmeMeaning(int code) {
        return cmeErrors.get(Integer.toString(code));
    }

    /**
     * The code of a verbose {@code +CME ERROR} text (after AT+CMEE=2), matched without regard to
     * case, spaces or punctuation, and tolerating small wording differences of firmware versions
     * ({@code http response fail} for "HTTP response failed"): an exact match wins, else the longest
     * meaning that one text begins with the other; -1 when no library knows it.
     */
    public int cmeCodeOf(String text) {
        return codeOf(cmeNormalised, text);
    }

    private static int codeOf(Map<String, String> normalised, String text) {
        String want = normalise(text);
        if (want.length() < 4) {
            return -1;
        }
        int best = -1;
        int bestLength = 0;
        for (Map.Entry<String, String> e : normalised.entrySet()) {
            String have = e.getValue();
            if (have.equals(want)) {
                return Integer.parseInt(e.getKey());
            }
            boolean near = have.startsWith(want) && want.length() >= 8 || want.startsWith(have) && have.length() >= 8;
            if (near && have.length() > bestLength) {
                best = Integer.parseInt(e.getKey());
                bestLength = have.length();
            }
        }
        return best;
    }

    /**
     * The error code of a failed transaction: the number of {@code +CME ERROR: n}, or the code of its
     * verbose text (after AT+CMEE=2); -1 when there is none or no library knows the text.
     */
    public int errorCode(dev.atscope.core.decode.Transaction t) {
        return error(t.resultText()).map(KnownError::code).orElse(t.errorCode());
    }

    /** The class of a failed transaction's error code ({@link ErrorClass#UNKNOWN} when none is known): what outcomes read instead of code lists. */
    public ErrorClass errorClass(dev.atscope.core.decode.Transaction t) {
        return error(t.resultText()).map(KnownError::errorClass).orElse(ErrorClass.UNKNOWN);
    }

    /** A transaction's final result with its error code's meaning when the result does not spell it: {@code +CME ERROR: 30 (no network service)}. */
    public String resultWithMeaning(dev.atscope.core.decode.Transaction t) {
        String meaning = error(t.resultText()).map(KnownError::text).orElse(null);
        return t.resultText() + (meaning == null || t.resultText().contains(meaning) ? "" : " (" + meaning + ")");
    }

    /** Where the meaning of a {@code +CME ERROR} code is documented, or null. */
    public String cmeSection(int code) {
        return cmeSections.get(Integer.toString(code));
    }

    /** The meaning and class of a {@code +CME ERROR} code, if a library knows it. */
    public Optional<Grammar.ErrorSpec> cmeError(int code) {
        return Optional.ofNullable(cmeSpecs.get(Integer.toString(code)));
    }

    /** The meaning and class of a {@code +CMS ERROR} code (27.005 3.2.5), if a library knows it. */
    public Optional<Grammar.ErrorSpec> cmsError(int code) {
        return Optional.ofNullable(cmsSpecs.get(Integer.toString(code)));
    }

    /** The class of a {@code +CME ERROR} code; {@link ErrorClass#UNKNOWN} when no library classes it. */
    public ErrorClass errorClass(int cmeCode) {
        Grammar.ErrorSpec e = cmeSpecs.get(Integer.toString(cmeCode));
        return e == null || e.errorClass() == null ? ErrorClass.UNKNOWN : e.errorClass();
    }

    /**
     * The error a final result stands for: {@code +CME ERROR: 565}, {@code +CMS ERROR: 304}, or
     * their verbose texts after AT+CMEE=2; empty for other results or codes no library knows.
     */
    public Optional<KnownError> error(String resultText) {
        String upper = resultText.toUpperCase(Locale.ROOT);
        boolean cms = upper.startsWith("+CMS ERROR:");
        if (!cms && !upper.startsWith("+CME ERROR:")) {
            return Optional.empty();
        }
        String detail = resultText.substring(11).strip();
        int code;
        try {
            code = Integer.parseInt(detail);
        } catch (NumberFormatException e) {
            code = codeOf(cms ? cmsNormalised : cmeNormalised, detail);
        }
        String key = Integer.toString(code);
        Grammar.ErrorSpec spec = (cms ? cmsSpecs : cmeSpecs).get(key);
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownError(cms ? "+CMS ERROR" : "+CME ERROR", code, spec.text(),
                spec.errorClass() == null ? ErrorClass.UNKNOWN : spec.errorClass(),
                (cms ? cmsSections : cmeSections).get(key)));
    }

    /** The V.250 result codes of the libraries, by verbose text ({@code OK}, {@code NO CARRIER}). */
    public Map<String, Grammar.ResultCodeSpec> resultCodes() {
        return java.util.Collections.unmodifiableMap(resultCodes);
    }

    /**
     * The result code a module line is in verbose form ({@code NO CARRIER}, {@code CONNECT 9600}),
     * or, with {@code numeric} (after ATV0), in numeric form ({@code 3}); empty when it is none.
     */
    public Optional<Grammar.ResultCodeSpec> resultCode(String line, boolean numeric) {
        return Optional.ofNullable(numeric ? numericCode(line) : verboseCode(line));
    }

    @Override
    public dev.atscope.core.decode.Outcome resultOutcome(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = code(line, numeric);
        if (r == null || r.outcome() == null || "unsolicited".equals(r.kind())) {
            return null;
        }
        return "error".equals(r.outcome()) ? dev.atscope.core.decode.Outcome.ERROR : dev.atscope.core.decode.Outcome.OK;
    }

    @Override
    public boolean connect(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = code(line, numeric);
        return r != null && "intermediate".equals(r.kind());
    }

    /** The result code a line is, verbose always and by its digit when numeric: read for every module line, so without allocating. */
    private Grammar.ResultCodeSpec code(String line, boolean numeric) {
        Grammar.ResultCodeSpec r = verboseCode(line);
        return r == null && numeric ? numericCode(line) : r;
    }

    private Grammar.ResultCodeSpec verboseCode(String line) {
        Grammar.ResultCodeSpec r = resultCodes.get(line);
        if (r != null) {
            return r;
        }
        int space = line.indexOf(' ');
        r = space > 0 ? resultCodes.get(line.substring(0, space)) : null;
        return r != null && r.textMayFollow() ? r : null;
    }

    private Grammar.ResultCodeSpec numericCode(String line) {
        if (line.length() <= 2) {
            for (Grammar.ResultCodeSpec c : resultCodes.values()) {
                if (line.equals(Integer.toString(c.digit()))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The line that completes a command after its {@code OK} ({@code +QIOPEN: 0,0}), if the form has one. */
    public Optional<Grammar.CompletionSpec> completionSpec(AtCommand command) {
        Grammar.FormSpec f = form(command);
        return Optional.ofNullable(f == null ? null : f.completion());
    }

    /**
     * What a module line says about the command it completes: {@code +QIOPEN: 0,565} after
     * AT+QIOPEN is a failure with code 565 (DNS parse failed, class dns). Empty when the command has
     * no completion, the line is not it, or the line is a further line of the answer (the address
     * lines after {@code +QIURC: "dnsgip",0,1,600}).
     */
    public Optional<Completion> completion(AtCommand command, String line) {
        return completionSpec(command).flatMap(spec -> Completion.read(spec, line, this));
    }

    /** Completion prefixes are unsolicited lines to the decoder: they come after the command's result. */
    private void addCompletionUrcs(Grammar g) {
        for (Grammar.CommandSpec c : g.commands()) {
            for (Grammar.FormSpec f : c.forms().values()) {
                Grammar.CompletionSpec done = f.completion();
                if (done != null && !urcSpecs.containsKey(done.prefix())) {
                    urcPrefixes.add(Map.entry(done.prefix(), UrcKind.REPORT));
                    urcSpecs.put(done.prefix(), new Grammar.UrcSpec(null, done.prefix(), null, "report",
                            "completes AT" + c.name() + ": its outcome after the OK"));
                }
            }
        }
    }

    /** The storage of a file name without a prefix ({@code UFS}), if a library names one. */
    public Optional<String> defaultStorage() {
        return Optional.ofNullable(defaultStorage);
    }

    /** The file storage that a name's prefix selects ({@code NVRAM} of {@code NVRAM:CA0}, any case), if known. */
    public Optional<Grammar.StorageSpec> storage(String prefix) {
        return Optional.ofNullable(storages.get(prefix.toUpperCase(Locale.ROOT)));
    }

    /** All file storages, by upper-case prefix. */
    public Map<String, Grammar.StorageSpec> storages() {
        return java.util.Collections.unmodifiableMap(storages);
    }

    /** A named limit of the module ({@code pdpContexts}), if a library gives it. */
    public Optional<Grammar.LimitSpec> limit(String name) {
        return Optional.ofNullable(limits.get(name));
    }

    /** Whether the command's write form selects a subcommand with its first parameter. */
    public boolean hasSubcommands(AtCommand command) {
        return command.form() == CommandForm.WRITE && subcommands.containsKey(command.name());
    }

    /**
     * The subcommand a write command selects with its quoted first parameter, aliases resolved;
     * empty when the command has no subcommands or the value names none.
     */
    public Optional<Sub> subcommand(AtCommand command) {
        if (!hasSubcommands(command)) {
            return Optional.empty();
        }
        String first = firstParam(command.args());
        return Optional.ofNullable(subcommands.get(command.name()).get(
                AtArguments.unquote(first).toLowerCase(Locale.ROOT)));
    }

    /** The subcommands of a command's write form by lower-case name, or an empty map. */
    public Map<String, Sub> subcommands(String commandName) {
        Map<String, Sub> m = subcommands.get(commandName.toUpperCase(Locale.ROOT));
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The parameter list that applies to a command as sent: its form's, or for a command with
     * subcommands the selector followed by the subcommand's; empty when the grammar does not know it.
     */
    public List<Grammar.ParamSpec> paramSpecs(AtCommand command) {
        Optional<Sub> sub = subcommand(command);
        if (sub.isPresent()) {
            return sub.get().params();
        }
        Grammar.FormSpec form = form(command);
        return form == null ? List.of() : form.params();
    }

    /** The information responses a command as sent may give: its subcommand's, else its form's. */
    public List<Grammar.ResponseSpec> responseSpecs(AtCommand command) {
        Optional<Sub> sub = subcommand(command);
        if (sub.isPresent() && !sub.get().spec().responses().isEmpty()) {
            return sub.get().spec().responses();
        }
        Grammar.FormSpec form = form(command);
        return form == null ? List.of() : form.responses();
    }

    /**
     * The command's parameters named by the grammar, subcommands resolved: {@code
     * AT+QSSLCFG="sslversion",0,2} gives {@code type="sslversion"}, {@code ctxindex=0} and {@code
     * sslversion=2} (TLS 1.1). Values the grammar has no place for are named {@code pN}.
     */
    public List<NamedParam> parameters(AtCommand command) {
        List<String> raws = command.params();
        if (raws.isEmpty()) {
            return List.of();
        }
        List<Grammar.ParamSpec> specs = paramSpecs(command);
        Optional<Sub> sub = subcommand(command);
        List<NamedParam> out = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            String raw = raws.get(i);
            String value = AtArguments.unquote(raw);
            Grammar.ParamSpec repeated = specs.isEmpty() || !specs.get(specs.size() - 1).repeats() ? null
                    : specs.get(specs.size() - 1);
            if (i < specs.size() || repeated != null) {
                Grammar.ParamSpec p = i < specs.size() ? specs.get(i) : repeated;
                String meaning = i == 0 && sub.isPresent() ? sub.get().spec().title() : meaning(p, value);
                out.add(new NamedParam(p.name(), raw, value, meaning));
            } else {
                out.add(new NamedParam("p" + (i + 1), raw, value, null));
            }
        }
        return out;
    }

    /** What a value of a parameter means, from its value table (each item of a list) or its file storage; or null. */
    public String meaning(Grammar.ParamSpec p, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if ("file".equals(p.type())) {
            int colon = value.indexOf(':');
            if (colon > 0) {
                Grammar.StorageSpec st = storages.get(value.substring(0, colon).toUpperCase(Locale.ROOT));
                if (st != null) {
                    return st.names().get(value.substring(colon + 1));
                }
            }
            return null;
        }
        if (p.or() != null && valueMeaning(p, value) == null) {
            String m = meaning(p.or(), value);
            if (m != null) {
                return m;
            }
        }
        if (p.values().isEmpty()) {
            return null;
        }
        if (p.list() != null && value.contains(p.list())) {
            StringBuilder sb = new StringBuilder();
            for (String item : items(p, value)) {
                String m = valueMeaning(p, item);
                if (m == null) {
                    return null;
                }
                sb.append(sb.length() == 0 ? "" : ", ").append(m);
            }
            return sb.toString();
        }
        return valueMeaning(p, value);
    }

    /** The items of a value: split at the parameter's list separator when it has one, each stripped. */
    public static List<String> items(Grammar.ParamSpec p, String value) {
        if (p.list() == null || !value.contains(p.list())) {
            return List.of(value);
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = value.indexOf(p.list(), from)) >= 0) {
            out.add(value.substring(from, at).strip());
            from = at + p.list().length();
        }
        out.add(value.substring(from).strip());
        return out;
    }

    /** The meaning of one value in a parameter's table (hexadecimal and string values without regard to case), or null. */
    public static String valueMeaning(Grammar.ParamSpec p, String value) {
        String m = p.values().get(value);
        if (m == null && ("hex".equals(p.type()) || "string".equals(p.type()))) {
            for (Map.Entry<String, String> e : p.values().entrySet()) {
                if (e.getKey().equalsIgnoreCase(value)) {
                    return e.getValue();
                }
            }
        }
        return m;
    }

    private static String firstParam(String args) {
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return args.substring(0, i).strip();
            }
        }
        return args.strip();
    }

    private static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The URC definition that matches a line, if any. */
    public Optional<Grammar.UrcSpec> urc(String line) {
        String l = line.stripTrailing();
        if (urcSpecs.containsKey(l) && urcTexts.containsKey(l)) {
            return Optional.of(urcSpecs.get(l));
        }
        for (Map.Entry<String, UrcKind> p : urcPrefixes) {
            if (l.startsWith(p.getKey())) {
                return Optional.of(urcSpecs.get(p.getKey()));
            }
        }
        for (Map.Entry<Pattern, UrcKind> p : urcPatterns) {
            if (p.getKey().matcher(l).matches()) {
                return Optional.of(urcSpecs.get(p.getKey().pattern()));
            }
        }
        return Optional.empty();
    }

    @Override
    public UrcKind urcKind(String line) {
        UrcKind k = urcTexts.get(line);
        if (k != null) {
            return k;
        }
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        for (Map.Entry<String, UrcKind> p : urcPrefixes) {
            String prefix = p.getKey();
            if (prefix.charAt(0) == first && line.startsWith(prefix)) {
                return p.getValue();
            }
        }
        if (!urcPatterns.isEmpty()) {
            String l = line.stripTrailing();
            k = urcTexts.get(l);
            if (k != null) {
                return k;
            }
            for (UrcPattern p : urcPatternFilters()) {
                if (p.mayMatch(l) && p.pattern().matcher(l).matches()) {
                    return p.kind();
                }
            }
        }
        return null;
    }

    /**
     * A URC pattern with the literal texts that every line it matches begins with, so that most
     * lines (which are not URCs) are turned away without a regex match: matching was the largest
     * cost of the decoder's module side.
     *
     * @param prefixes the texts, or null when the pattern does not begin with plain literals
     */
    private record UrcPattern(Pattern pattern, UrcKind kind, List<String> prefixes) {
        boolean mayMatch(String line) {
            if (prefixes == null) {
                return true;
            }
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@link #urcPatterns} with their prefixes, computed on first use (the registry is immutable after that). */
    private volatile List<UrcPattern> urcPatternFilters;

    private List<UrcPattern> urcPatternFilters() {
        List<UrcPattern> f = urcPatternFilters;
        if (f == null) {
            List<UrcPattern> list = new ArrayList<>();
            for (Map.Entry<Pattern, UrcKind> p : urcPatterns) {
                list.add(new UrcPattern(p.getKey(), p.getValue(), literalPrefixes(p.getKey())));
            }
            f = List.copyOf(list);
            urcPatternFilters = f;
        }
        return f;
    }

    /**
     * The texts that every string the pattern matches as a whole begins with, from the pattern's
     * leading plain characters and groups of plain alternatives ({@code (UNDER|OVER)[_-]VOLTAGE}
     * gives {@code UNDER} and {@code OVER}); null when the pattern does not start that way or has a
     * top-level alternative, flags or quoting that would make the reading unsafe.
     */
    static List<String> literalPrefixes(Pattern pattern) {
        String re = pattern.pattern();
        if (pattern.flags() != 0 || re.contains("\\Q") || hasTopLevelBar(re)) {
            return null;
        }
        List<String> prefixes = List.of("");
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            List<String> alternatives;
            int next;
            if (isPlain(c)) {
                alternatives = List.of(String.valueOf(c));
                next = i + 1;
            } else if (c == '(' && i + 1 < re.length() && re.charAt(i + 1) != '?') {
                int close = re.indexOf(')', i);
                if (close < 0) {
                    break;
                }
                alternatives = List.of(re.substring(i + 1, close).split("\\|", -1));
                boolean plain = true;
                for (String a : alternatives) {
                    plain &= !a.isEmpty() && a.chars().allMatch(ch -> isPlain((char) ch));
                }
                if (!plain) {
                    break;
                }
                next = close + 1;
            } else {
                break;
            }
            char after = next < re.length() ? re.charAt(next) : 0;
            if (after == '?' || after == '*' || after == '{') {
                break; // the atom may be absent
            }
            List<String> longer = new ArrayList<>();
            for (String p : prefixes) {
                for (String a : alternatives) {
                    longer.add(p + a);
                }
            }
            prefixes = longer;
            if (after == '+') {
                break; // present at least once; what follows may be a repetition of it
            }
            i = next;
        }
        return prefixes.contains("") ? null : List.copyOf(prefixes);
    }

    /** Characters that stand for themselves outside a character class. */
    private static boolean isPlain(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || " _-:,!\"'=/@#%&<>;~`".indexOf(c) >= 0;
    }

    /** Whether a {@code |} outside any group or class makes the whole pattern a choice (or the pattern is unreadable). */
    private static boolean hasTopLevelBar(String re) {
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(re, i);
                if (i < 0) {
                    return true;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the {@code ]} that closes the class opened at {@code open} (classes nest), or -1. */
    private static int classEnd(String re, int open) {
        int j = open + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++; // a ']' first in a class is a plain character
        }
        int depth = 1;
        for (; j < re.length(); j++) {
            char c = re.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public ResponseShape shape(AtCommand command) {
        String key = command.name() + command.form().suffix();
        ResponseShape s = shapes.get(key);
        if (s == null) {
            s = computeShape(command);
            shapes.put(key, s);
        }
        return s;
    }

    private ResponseShape computeShape(AtCommand command) {
        Grammar.CommandSpec spec = commands.get(command.name());
        List<String> prefixes = new ArrayList<>();
        if (command.name().startsWith("+")) {
            prefixes.add(command.name() + ":");
        }
        if (spec == null) {
            return new ResponseShape(java.util.Set.of(), false, ResponseShape.DataMode.NONE, -1, prefixes, 0);
        }
        Grammar.FormSpec form = spec.forms().get(command.form().word());
        boolean bare = false;
        ResponseShape.DataMode mode = ResponseShape.DataMode.NONE;
        int lengthParam = -1;
        if (form != null) {
            bare = form.bareResponse();
            for (Grammar.ResponseSpec r : form.responses()) {
                if (r.prefix() != null && !prefixes.contains(r.prefix())) {
                    prefixes.add(r.prefix());
                }
            }
            for (Grammar.SubcommandSpec sub : form.subcommands().values()) {
                for (Grammar.ResponseSpec r : sub.responses()) {
                    if (r.prefix() != null && !prefixes.contains(r.prefix())) {
                        prefixes.add(r.prefix());
                    }
                }
            }
            if (form.completion() != null && form.responses().stream()
                    .noneMatch(r -> form.completion().prefix().equals(r.prefix()))) {
                // the completion comes after the OK, maybe while the next command is pending
                prefixes.remove(form.completion().prefix());
            }
            Grammar.DataModeSpec dm = form.dataMode();
            if (dm != null) {
                mode = "module".equals(dm.sender()) ? ResponseShape.DataMode.MODULE_SENDS
                        : dm.prompt() ? ResponseShape.DataMode.PROMPT : ResponseShape.DataMode.HOST_SENDS;
                if (dm.lengthParam() != null) {
                    for (int i = 0; i < form.params().size(); i++) {
                        if (form.params().get(i).name().equals(dm.lengthParam())) {
                            lengthParam = i;
                        }
                    }
                }
            }
        }
        java.util.Set<String> finals = new java.util.HashSet<>();
        for (String f : spec.finals()) {
            finals.add(f.toUpperCase(Locale.ROOT));
        }
        long max = spec.maxResponseMs() == null ? 0 : spec.maxResponseMs();
        return new ResponseShape(finals, bare, mode, lengthParam, prefixes, max);
    }

    private static UrcKind urcKind(Grammar.UrcSpec u) {
        if (u.kind() == null) {
            return UrcKind.REPORT;
        }
        return switch (u.kind()) {
            case "restart" -> UrcKind.RESTART;
            case "power-down" -> UrcKind.POWER_DOWN;
            case "report" -> UrcKind.REPORT;
            default -> throw new IllegalArgumentException("URC kind '" + u.kind()
                    + "'; expected restart, power-down or report");
        };
    }
}
