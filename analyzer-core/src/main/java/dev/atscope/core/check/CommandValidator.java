package dev.atscope.core.check;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one command, and the module's answer lines to it, against the grammar of the protocol
 * libraries: known command, allowed form, subcommand, parameter count, types and ranges, file
 * names and sizes. The checker, the emulator and the report all ask this one class, so that there
 * is one reading of the grammar. Columns in the returned diagnostics are 0-based positions in
 * {@link AtCommand#display()} (for answers: in the answer line).
 */
public final class CommandValidator {

    /** Answer lines whose findings are remembered, by their command and text; a power of two. */
    private static final int RESPONSES = 256;

    private final ProtocolRegistry registry;
    /**
     * The findings of recent answer lines ({@link #validateResponse}): a trace that polls gets the
     * same answers to the same commands over and over. A slot per command and line, the newer taking
     * the place of the older.
     */
    private final CheckedResponse[] responses = new CheckedResponse[RESPONSES];

    /** An answer line to a command, and its findings. */
    private record CheckedResponse(AtCommand command, String line, List<Diagnostic> problems) {}

    public CommandValidator(ProtocolRegistry registry) {
        this.registry = registry;
    }

    /**
     * The problems of one command; empty when it is valid. Unmodifiable, and kept with the command
     * ({@link AtCommand#derived}): a command line repeated through a trace is checked once.
     */
    public List<Diagnostic> validate(AtCommand command) {
        return command.derived(this, problemsOf);
    }

    /** {@link #problems} as a function made once: a method reference made at each call is an object each time. */
    private final java.util.function.Function<AtCommand, List<Diagnostic>> problemsOf = this::problems;

    /** The problems of one command, found afresh: for a command that is asked about once. */
    List<Diagnostic> problems(AtCommand command) {
        return List.copyOf(find(command));
    }

    private List<Diagnostic> find(AtCommand command) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<Grammar.CommandSpec> spec = Optional.ofNullable(registry.spec(command));
        String display = command.display();
        String raw = command.raw();
        if (raw.length() > 1 && raw.charAt(0) == '+' && raw.charAt(1) == ' ') {
            // 3.3 prints "AT+ QIFGCNT=0": a typesetting artefact; a module answers ERROR (PROTOCOL-NOTES)
            out.add(new Diagnostic("command.space", Severity.ERROR, "a space after AT+: the module answers ERROR;"
                    + " send AT" + command.name() + " without it", "3.3", Where.column(3, 1)));
        }
        if (spec.isEmpty()) {
            out.add(new Diagnostic("command.unknown", Severity.INFO,
                    "AT" + command.name() + " is not in any loaded protocol library; not checked", null,
                    Where.column(2, Math.max(0, display.length() - 2))));
            return out;
        }
        Grammar.CommandSpec c = spec.get();
        Grammar.FormSpec form = registry.form(command);
        if (form == null) {
            out.add(new Diagnostic("command.form", Severity.ERROR,
                    "AT" + c.name() + " has no " + command.form().word() + " form" + forms(c), c.section(),
                    Where.column(2, Math.max(0, display.length() - 2))));
            return out;
        }
        if (command.form() != CommandForm.WRITE) {
            return out;
        }
        String args = command.args();
        int argsColumn = display.length() - args.length();
        Diagnostic quote = unbalancedQuote(c, args, argsColumn);
        if (quote != null) {
            out.add(quote);
            return out;
        }
        List<String> params = command.params();
        int[] columns = columns(args, params, argsColumn);
        String section = c.section();
        List<Grammar.ParamSpec> specs = form.params();
        String what = "AT" + c.name();
        if (!form.subcommands().isEmpty()) {
            Optional<ProtocolRegistry.Sub> sub = registry.subcommand(command);
            String first = params.isEmpty() ? "" : params.get(0);
            if (sub.isEmpty()) {
                String problem = AtArguments.isQuoted(first) ? first + " is not a subcommand of " + what
                        : first.isEmpty() ? "the subcommand is missing" : first + " is not a quoted subcommand name";
                out.add(new Diagnostic(AtArguments.isQuoted(first) ? "param.value" : "param.type", Severity.ERROR,
                        problem + "; expected one of " + String.join(", ", quoted(form.subcommands().keySet())),
                        section, Where.column(columns[0], first.length())));
                return out;
            }
            if (!AtArguments.isQuoted(first)) {
                out.add(new Diagnostic("param.type", Severity.ERROR, "<type> of " + what + ": " + first
                        + " is not a quoted string; expected \"" + sub.get().name() + "\"", section,
                        Where.column(columns[0], first.length())));
            }
            if (sub.get().alias()) {
                out.add(new Diagnostic("param.spelling", Severity.INFO, first + " is another spelling of \""
                        + sub.get().name() + "\", the one the note uses; modules accept both", section,
                        Where.column(columns[0], first.length())));
            }
            specs = sub.get().params();
            what = what + "=\"" + sub.get().name() + "\"";
        }
        int required = 0;
        for (Grammar.ParamSpec p : specs) {
            if (!p.optional()) {
                required++;
            }
        }
        int group = repeatedFrom(specs);
        if (params.size() > specs.size() && group >= 0 && (params.size() - group) % (specs.size() - group) != 0) {
            int extra = columns[specs.size() + (params.size() - specs.size()) / (specs.size() - group) * (specs.size() - group)];
            out.add(new Diagnostic("param.count", Severity.ERROR, what + " repeats " + names(specs.subList(group, specs.size()))
                    + " as a whole; " + params.size() + " parameters given", section,
                    Where.column(extra, display.length() - extra)));
        } else if (params.size() > specs.size() && group < 0) {
            int extra = columns[specs.size()];
            out.add(new Diagnostic("param.count", Severity.ERROR, what + " takes at most " + specs.size()
                    + " parameters (" + names(specs) + "); " + params.size() + " given", section,
                    Where.column(extra, display.length() - extra)));
        } else if (params.size() < required) {
            out.add(new Diagnostic("param.count", Severity.ERROR, what + " needs " + required
                    + " parameters (" + names(specs) + "); " + params.size() + " given", section,
                    Where.column(argsColumn, args.length())));
        }
        int first = form.subcommands().isEmpty() ? 0 : 1;
        int checked = group >= 0 ? params.size() : Math.min(params.size(), specs.size());
        for (int i = first; i < checked; i++) {
            Grammar.ParamSpec p = i < specs.size() ? specs.get(i)
                    : specs.get(group + (i - specs.size()) % (specs.size() - group));
            String value = params.get(i);
            ValueCheck.Problem problem = check(p, value, true);
            if (problem == null && p.sizeOf() != null) {
                problem = sizeProblem(p, value, specs, params);
            }
            if (problem != null) {
                out.add(new Diagnostic(problem.rule(), Severity.ERROR, "<" + p.name() + "> of " + what + ": "
                        + problem.message(), section, Where.column(columns[i], value.length())));
            }
        }
        return out;
    }

    /** The index of the first parameter of the group that may repeat ({@code AT+CGACT=1,1,2}), or -1. */
    private static int repeatedFrom(List<Grammar.ParamSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).repeats()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An odd number of quotes: a parameter lacks one, and the commas after it no longer separate
     * parameters. The culprit is the first comma-separated piece with a quote at one end only.
     */
    private static Diagnostic unbalancedQuote(Grammar.CommandSpec c, String args, int argsColumn) {
        int quotes = 0;
        for (int i = 0; i < args.length(); i++) {
            if (args.charAt(i) == '"') {
                quotes++;
            }
        }
        if (quotes % 2 == 0) {
            return null;
        }
        int from = 0;
        while (from <= args.length()) {
            int comma = args.indexOf(',', from);
            int to = comma < 0 ? args.length() : comma;
            String piece = args.substring(from, to).strip();
            boolean opens = piece.startsWith("\"");
            boolean closes = piece.length() > (opens ? 1 : 0) && piece.endsWith("\"");
            if (opens != closes) {
                int col = argsColumn + args.indexOf(piece, from);
                return new Diagnostic("param.type", Severity.ERROR, piece + " lacks a quote: every string of AT"
                        + c.name() + " is wrapped in a pair of double quotes", c.section(),
                        Where.column(col, piece.length()));
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return new Diagnostic("param.type", Severity.ERROR, "a quote is missing in the parameters of AT" + c.name(),
                c.section(), Where.column(argsColumn, args.length()));
    }

    /**
     * The problems of one information line that the module sent in answer to {@code command}:
     * its fields against the grammar's response lines (the subcommand's, for AT+QSSLCFG). Lines
     * the grammar does not describe are not judged. Columns are positions in {@code line}.
     */
    public List<Diagnostic> validateResponse(AtCommand command, String line) {
        // two slots a pair, so that two pairs a trace alternates between do not take each other's place
        int slot = (System.identityHashCode(command) * 31 + line.hashCode()) & (RESPONSES - 2);
        for (int i = slot; i < slot + 2; i++) {
            CheckedResponse r = responses[i];
            if (r != null && r.command() == command && r.line().equals(line)) {
                return r.problems();
            }
        }
        CheckedResponse r = new CheckedResponse(command, line, List.copyOf(findInResponse(command, line)));
        responses[slot + 1] = responses[slot]; // the newest first, the one before it second
        responses[slot] = r;
        return r.problems();
    }

    private List<Diagnostic> findInResponse(AtCommand command, String line) {
        List<Grammar.ResponseSpec> specs = registry.responseSpecs(command);
        if (specs.isEmpty()) {
            return List.of();
        }
        Grammar.ResponseSpec match = null;
        for (Grammar.ResponseSpec r : specs) {
            if (r.prefix() == null ? !line.startsWith("+") : line.startsWith(r.prefix())) {
                match = r;
                break;
            }
        }
        if (match == null || match.params().isEmpty()) {
            return List.of();
        }
        int bodyStart = match.prefix() == null ? 0 : match.prefix().length();
        String body = line.substring(bodyStart);
        int lead = body.length() - body.stripLeading().length();
        body = body.strip();
        List<String> fields = AtArguments.split(body);
        int[] columns = columns(body, fields, bodyStart + lead);
        List<Diagnostic> out = new ArrayList<>();
        String section = registry.command(command.name()).map(Grammar.CommandSpec::section).orElse(null);
        String what = (match.prefix() == null ? "the answer" : match.prefix()) + " to " + command.display();
        List<Grammar.ParamSpec> ps = match.params();
        int required = 0;
        for (Grammar.ParamSpec p : ps) {
            if (!p.optional()) {
                required++;
            }
        }
        if (fields.size() > ps.size() || fields.size() < required) {
            out.add(new Diagnostic("response.count", Severity.WARNING, what + " has " + fields.size()
                    + " fields; the grammar expects " + (required == ps.size() ? "" : required + " to ") + ps.size()
                    + " (" + names(ps) + ")", section, Where.column(bodyStart + lead, body.length())));
        }
        for (int i = 0; i < Math.min(fields.size(), ps.size()); i++) {
            ValueCheck.Problem problem = check(ps.get(i), fields.get(i), false);
            if (problem != null) {
                out.add(new Diagnostic("response.value", Severity.WARNING, "<" + ps.get(i).name() + "> of " + what
                        + ": " + problem.message(), section,
                        Where.column(columns[i], fields.get(i).length())));
            }
        }
        return out;
    }

    /**
     * What is wrong with one value of a command, or null when it fits the parameter. File names are
     * only checked for their quotes here; {@link #validate} also checks their storage and name.
     */
    public static String problem(Grammar.ParamSpec p, String raw) {
        ValueCheck.Problem pr = ValueCheck.basic(p, raw, true);
        return pr == null ? null : pr.message();
    }

    private ValueCheck.Problem check(Grammar.ParamSpec p, String raw, boolean strict) {
        ValueCheck.Problem pr = ValueCheck.basic(p, raw, strict);
        if (pr != null || !"file".equals(p.type()) || raw.isEmpty()) {
            return pr;
        }
        String v = AtArguments.unquote(raw);
        int colon = v.indexOf(':');
        if (colon <= 0 && registry.defaultStorage().isPresent()) {
            v = registry.defaultStorage().get() + ":" + v; // a name without a prefix is in the default storage
            colon = v.indexOf(':');
        }
        Optional<Grammar.StorageSpec> storage = colon > 0 ? registry.storage(v.substring(0, colon)) : Optional.empty();
        if (storage.isEmpty()) {
            return new ValueCheck.Problem("file.storage", raw + " names no storage; expected "
                    + String.join(" or ", quoted(prefixed(registry.storages().keySet()))) + " (2.2.1, 2.2.2)");
        }
        String name = v.substring(colon + 1);
        if (name.isEmpty()) {
            return new ValueCheck.Problem("file.name", raw + " has no file name after the storage");
        }
        if (!storage.get().names().isEmpty() && !storage.get().names().containsKey(name)) {
            return new ValueCheck.Problem("file.name", v.substring(0, colon) + " only takes the names "
                    + String.join(", ", storage.get().names().keySet()) + "; " + name + " given (2.2.2)");
        }
        return null;
    }

    private ValueCheck.Problem sizeProblem(Grammar.ParamSpec p, String raw, List<Grammar.ParamSpec> specs, List<String> params) {
        for (int j = 0; j < Math.min(specs.size(), params.size()); j++) {
            if (!specs.get(j).name().equals(p.sizeOf())) {
                continue;
            }
            String file = AtArguments.unquote(params.get(j));
            int colon = file.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String prefix = file.substring(0, colon);
            Long max = registry.storage(prefix).map(Grammar.StorageSpec::maxSize).orElse(null);
            if (max != null && Long.parseLong(raw.strip()) > max) {
                return new ValueCheck.Problem("file.size", raw + " bytes is more than " + prefix + " takes; at most " + max);
            }
        }
        return null;
    }

    /** The column of each parameter in the command line (or answer line), given where its text starts. */
    static int[] columns(String args, List<String> params, int argsColumn) {
        int[] out = new int[params.size() + 1];
        int pos = 0;
        for (int i = 0; i < params.size(); i++) {
            String raw = params.get(i);
            int at = raw.isEmpty() ? -1 : args.indexOf(raw, pos);
            out[i] = argsColumn + (at < 0 ? Math.min(pos, args.length()) : at);
            pos = at < 0 ? pos : at + raw.length();
            // past the comma that ends this parameter
            int comma = nextComma(args, pos);
            pos = comma < 0 ? args.length() : comma + 1;
        }
        out[params.size()] = argsColumn + args.length();
        return out;
    }

    private static int nextComma(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> quoted(java.util.Collection<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList();
    }

    private static List<String> prefixed(java.util.Collection<String> storages) {
        return storages.stream().map(n -> n + ":name").toList();
    }

    private static String names(List<Grammar.ParamSpec> specs) {
        List<String> n = new ArrayList<>();
        for (Grammar.ParamSpec p : specs) {
            n.add(p.optional() ? "[" + p.name() + "]" : p.name());
        }
        return String.join(",", n);
    }

    private static String forms(Grammar.CommandSpec c) {
        return "; it has " + String.join(", ", c.forms().keySet());
    }
}
