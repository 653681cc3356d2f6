package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtCommand;
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

/**
 * The protocol libraries in use, merged: the one place the decoder, checker, emulator and report
 * ask about commands, responses, URCs and error codes.
 */
public final class ProtocolRegistry implements ResponseModel {

    private static volatile ProtocolRegistry defaultRegistry;

    private final List<ProtocolLibrary> libraries;
    private final Map<String, Grammar.CommandSpec> commands = new LinkedHashMap<>();
    private final Map<String, String> commandLibrary = new HashMap<>();
    private final UrcTable urcs = new UrcTable();
    private final ErrorTables errors = new ErrorTables();
    private final ResultCodes results = new ResultCodes();
    private String defaultStorage;
    private final Map<String, Grammar.StorageSpec> storages = new LinkedHashMap<>();
    private final Map<String, Grammar.LimitSpec> limits = new LinkedHashMap<>();
    private final Map<String, ResponseShape> shapes = new ConcurrentHashMap<>();
    /** Subcommands and parameter names of the commands as sent. */
    private final CommandResolution resolution;
    /** {@link #finalTexts()}, made once. */
    private volatile java.util.Set<String> finalTexts;
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
                GrammarChecks.check(lib.id(), c);
                String key = c.name().toUpperCase(Locale.ROOT);
                if (commands.putIfAbsent(key, c) == null) {
                    commandLibrary.put(key, lib.id());
                }
            }
            urcs.add(g);
            errors.add(g);
            results.add(g);
            if (defaultStorage == null && g.defaultStorage() != null) {
                defaultStorage = g.defaultStorage().toUpperCase(Locale.ROOT);
            }
            g.fileStorages().forEach((k, v) -> storages.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
            g.limits().forEach(limits::putIfAbsent);
        }
        this.resolution = new CommandResolution(this, commands);
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
        return resolution.resolved(command).form;
    }

    /** The definition of a command as sent, or null when no library knows it; what {@link #command} says, kept with the command. */
    public Grammar.CommandSpec spec(AtCommand command) {
        return resolution.resolved(command).spec;
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
        return errors.cmeMeaning(code);
    }

    /**
     * The code of a verbose {@code +CME ERROR} text (after AT+CMEE=2), matched without regard to
     * case, spaces or punctuation, and tolerating small wording differences of firmware versions
     * ({@code http response fail} for "HTTP response failed"): an exact match wins, else the longest
     * meaning that one text begins with the other; -1 when no library knows it.
     */
    public int cmeCodeOf(String text) {
        return errors.cmeCodeOf(text);
    }

    /** Where the meaning of a {@code +CME ERROR} code is documented, or null. */
    public String cmeSection(int code) {
        return errors.cmeSection(code);
    }

    /** The meaning and class of a {@code +CME ERROR} code, if a library knows it. */
    public Optional<Grammar.ErrorSpec> cmeError(int code) {
        return errors.cmeError(code);
    }

    /**
     * The {@code +CME ERROR} code the module answers in a situation ({@code name-not-resolved}), as
     * the grammar's error tables say ({@link Grammar.ErrorSpec#when}); fails when none does.
     */
    public int cmeCodeWhen(String situation) {
        return errors.cmeCodeWhen(situation).orElseThrow(() -> new IllegalStateException(
                "no protocol library gives the +CME ERROR code for \"" + situation + "\""));
    }

    /** The meaning and class of a {@code +CMS ERROR} code (27.005 3.2.5), if a library knows it. */
    public Optional<Grammar.ErrorSpec> cmsError(int code) {
        return errors.cmsError(code);
    }

    /** The class of a {@code +CME ERROR} code; {@link ErrorClass#UNKNOWN} when no library classes it. */
    public ErrorClass errorClass(int cmeCode) {
        return errors.errorClass(cmeCode);
    }

    /**
     * The error a final result stands for: {@code +CME ERROR: 565}, {@code +CMS ERROR: 304}, or
     * their verbose texts after AT+CMEE=2; empty for other results or codes no library knows.
     */
    public Optional<KnownError> error(String resultText) {
        return errors.error(resultText);
    }

    /** The V.250 result codes of the libraries, by verbose text ({@code OK}, {@code NO CARRIER}). */
    public Map<String, Grammar.ResultCodeSpec> resultCodes() {
        return results.resultCodes();
    }

    /**
     * The result code a module line is in verbose form ({@code NO CARRIER}, {@code CONNECT 9600}),
     * or, with {@code numeric} (after ATV0), in numeric form ({@code 3}); empty when it is none.
     */
    public Optional<Grammar.ResultCodeSpec> resultCode(String line, boolean numeric) {
        return results.resultCode(line, numeric);
    }

    @Override
    public dev.atscope.core.decode.Outcome resultOutcome(String line, boolean numeric) {
        return results.resultOutcome(line, numeric);
    }

    @Override
    public boolean connect(String line, boolean numeric) {
        return results.connect(line, numeric);
    }

    /** The result codes that end a command or lead into data mode, and every command's own finals, from the grammars. */
    @Override
    public java.util.Set<String> finalTexts() {
        java.util.Set<String> t = finalTexts;
        if (t == null) {
            java.util.Set<String> all = new java.util.LinkedHashSet<>();
            results.resultCodes().values().stream().filter(r -> !"unsolicited".equals(r.kind()))
                    .forEach(r -> all.add(r.text().toUpperCase(Locale.ROOT)));
            commands.values().forEach(c -> c.finals().forEach(f -> all.add(f.toUpperCase(Locale.ROOT))));
            t = java.util.Set.copyOf(all);
            finalTexts = t;
        }
        return t;
    }

    /** The URC definition that matches a line, if any. */
    public Optional<Grammar.UrcSpec> urc(String line) {
        return urcs.urc(line);
    }

    @Override
    public UrcKind urcKind(String line) {
        return urcs.urcKind(line);
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
        return resolution.hasSubcommands(command);
    }

    /**
     * The subcommand a write command selects with its quoted first parameter, aliases resolved;
     * empty when the command has no subcommands or the value names none.
     */
    public Optional<Sub> subcommand(AtCommand command) {
        return resolution.resolved(command).sub;
    }

    /** The subcommands of a command's write form by lower-case name, or an empty map. */
    public Map<String, Sub> subcommands(String commandName) {
        return resolution.subcommands(commandName);
    }

    /**
     * The parameter list that applies to a command as sent: its form's, or for a command with
     * subcommands the selector followed by the subcommand's; empty when the grammar does not know it.
     */
    public List<Grammar.ParamSpec> paramSpecs(AtCommand command) {
        return resolution.resolved(command).paramSpecs();
    }

    /** The information responses a command as sent may give: its subcommand's, else its form's. */
    public List<Grammar.ResponseSpec> responseSpecs(AtCommand command) {
        return resolution.resolved(command).responseSpecs();
    }

    /**
     * The command's parameters named by the grammar, subcommands resolved: {@code
     * AT+QSSLCFG="sslversion",0,2} gives {@code type="sslversion"}, {@code ctxindex=0} and {@code
     * sslversion=2} (TLS 1.1). Values the grammar has no place for are named {@code pN}.
     */
    public List<NamedParam> parameters(AtCommand command) {
        return resolution.resolved(command).parameters();
    }

    /** What a value of a parameter means, from its value table (each item of a list) or its file storage; or null. */
    public String meaning(Grammar.ParamSpec p, String value) {
        return ValueTables.meaning(p, value, storages);
    }

    /** The items of a value: split at the parameter's list separator when it has one, each stripped. */
    public static List<String> items(Grammar.ParamSpec p, String value) {
        return ValueTables.items(p, value);
    }

    /** The meaning of one value in a parameter's table (hexadecimal and string values without regard to case), or null. */
    public static String valueMeaning(Grammar.ParamSpec p, String value) {
        return ValueTables.valueMeaning(p, value);
    }

    @Override
    public ResponseShape shape(AtCommand command) {
        return resolution.resolved(command).shape();
    }

    /** The shape of the answers of a command of that name and form, made once for all commands like it. */
    ResponseShape shapeOf(AtCommand command) {
        String key = command.name() + command.form().suffix();
        ResponseShape s = shapes.get(key);
        if (s == null) {
            s = ResponseShapes.of(command, commands.get(command.name()));
            shapes.put(key, s);
        }
        return s;
    }
}
