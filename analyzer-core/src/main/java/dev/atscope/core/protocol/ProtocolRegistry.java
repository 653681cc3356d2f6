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
import java.util.regex.Pattern;

/**
 * The protocol libraries in use, merged: the one place the decoder, checker, emulator and report
 * ask about commands, responses, URCs and error codes.
 */
public final class ProtocolRegistry implements ResponseModel {

    private static volatile ProtocolRegistry defaultRegistry;

    private final List<ProtocolLibrary> libraries;
    private final Map<String, Grammar.CommandSpec> commands = new LinkedHashMap<>();
    private final Map<String, String> commandLibrary = new HashMap<>();
    private final Map<String, UrcKind> urcTexts = new HashMap<>();
    private final List<Map.Entry<String, UrcKind>> urcPrefixes = new ArrayList<>();
    private final List<Map.Entry<Pattern, UrcKind>> urcPatterns = new ArrayList<>();
    private final Map<String, Grammar.UrcSpec> urcSpecs = new LinkedHashMap<>();
    private final Map<String, String> cmeErrors = new LinkedHashMap<>();
    private final Map<String, ResponseShape> shapes = new ConcurrentHashMap<>();

    /** A registry of the given libraries; on a conflict the one with the lower priority wins. */
    public ProtocolRegistry(List<ProtocolLibrary> libraries) {
        List<ProtocolLibrary> sorted = new ArrayList<>(libraries);
        sorted.sort(Comparator.comparingInt(ProtocolLibrary::priority).thenComparing(ProtocolLibrary::id));
        this.libraries = List.copyOf(sorted);
        for (ProtocolLibrary lib : this.libraries) {
            Grammar g = lib.grammar();
            for (Grammar.CommandSpec c : g.commands()) {
                String key = c.name().toUpperCase(Locale.ROOT);
                if (commands.putIfAbsent(key, c) == null) {
                    commandLibrary.put(key, lib.id());
                }
            }
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
            g.cmeErrors().forEach(cmeErrors::putIfAbsent);
        }
    }

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

    /** The command of that name ({@code +QSSLCFG}, any case), if a library knows it. */
    public Optional<Grammar.CommandSpec> command(String name) {
        return Optional.ofNullable(commands.get(name.toUpperCase(Locale.ROOT)));
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
        String want = normalise(text);
        if (want.length() < 4) {
            return -1;
        }
        int best = -1;
        int bestLength = 0;
        for (Map.Entry<String, String> e : cmeErrors.entrySet()) {
            String have = normalise(e.getValue());
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

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
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
            for (Map.Entry<Pattern, UrcKind> p : urcPatterns) {
                if (p.getKey().matcher(l).matches()) {
                    return p.getValue();
                }
            }
        }
        return null;
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
            Grammar.DataModeSpec dm = form.dataMode();
            if (dm != null) {
                mode = "module".equals(dm.sender()) ? ResponseShape.DataMode.MODULE_SENDS : ResponseShape.DataMode.HOST_SENDS;
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
