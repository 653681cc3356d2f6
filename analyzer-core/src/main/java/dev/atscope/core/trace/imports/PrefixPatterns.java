package dev.atscope.core.trace.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.compiled.RecordCodec;
import dev.atscope.core.trace.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Line layouts of home-grown logs ({@link TraceFormat#PREFIXED}) that a user names, as data: each
 * pattern is a regular expression with the named groups {@code dir} (the marker) and {@code data}
 * (the traffic). Which marker is the host is learned from what its lines are, like every other
 * marker's; a pattern may still name the {@code dir} words of each side ({@code host}, {@code
 * module}), which then wins. The built-in set ({@code prefix-patterns.json} beside this class)
 * keeps the common spellings ({@code >>}/{@code <<}, {@code ->}/{@code <-}, {@code TX:}/{@code RX:},
 * {@code Send}/{@code Recv}) without sides; a user file of the same shape adds patterns, tried
 * first. A time stamp before the marker or at the end of the line is taken off before matching.
 */
public final class PrefixPatterns {

    /** The system property naming a user pattern file. */
    public static final String PROPERTY = "atscope.patterns";
    private static volatile PrefixPatterns standard;

    private final List<Compiled> patterns;

    /** Jackson's databind, loaded only when a pattern file is read as JSON. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One layout as written in a pattern file. */
    record Spec(@JsonProperty("name") String name, @JsonProperty("regex") String regex,
            @JsonProperty("host") List<String> host, @JsonProperty("module") List<String> module) {}

    private record File(@JsonProperty("patterns") List<Spec> patterns) {}

    private record Compiled(Spec spec, Pattern regex) {}

    /**
     * A line that matched.
     *
     * @param pattern the name of the pattern
     * @param marker the {@code dir} group: the marker as printed
     * @param direction the side the pattern names for that marker, or null when it names none
     * @param data the text after the prefix
     */
    record Match(String pattern, String marker, Direction direction, String data) {}

    private PrefixPatterns(List<Compiled> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The built-in patterns, after those of the file named by the system property {@value #PROPERTY}
     * or {@code ~/.config/atscope/patterns.json} when it exists.
     */
    public static PrefixPatterns standard() {
        PrefixPatterns p = standard;
        if (p == null) {
            String named = System.getProperty(PROPERTY);
            Path user = named != null ? Path.of(named)
                    : Path.of(System.getProperty("user.home", "."), ".config", "atscope", "patterns.json");
            try {
                p = Files.isRegularFile(user) ? withFile(user) : builtIn();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = p;
        }
        return p;
    }

    /** The built-in patterns only. */
    public static PrefixPatterns builtIn() {
        try {
            // the compact form the build writes beside the JSON (RecordCodec): no JSON parser at start-up
            File f = RecordCodec.readBeside(PrefixPatterns.class, "prefix-patterns.json", File.class);
            if (f == null) {
                try (InputStream in = PrefixPatterns.class.getResourceAsStream("prefix-patterns.json")) {
                    f = Json.MAPPER.readValue(in, File.class);
                }
            }
            return new PrefixPatterns(compile(f, "prefix-patterns.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in prefix patterns do not load", e);
        }
    }

    /**
     * The patterns of a user file, tried before the built-in ones.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static PrefixPatterns withFile(Path file) throws IOException {
        File f;
        try {
            f = Json.MAPPER.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a pattern file: " + e.getMessage().lines().findFirst().orElse("")
                    + "; expected {\"patterns\": [{\"name\", \"regex\"}]} (\"host\" and \"module\" optional)", e);
        }
        List<Compiled> all = new ArrayList<>(compile(f, file.toString()));
        all.addAll(builtIn().patterns);
        return new PrefixPatterns(all);
    }

    private static List<Compiled> compile(File f, String source) throws IOException {
        List<Compiled> out = new ArrayList<>();
        if (f == null || f.patterns() == null) {
            throw new IOException(source + ": no \"patterns\" list");
        }
        for (Spec s : f.patterns()) {
            if (s.name() == null || s.regex() == null) {
                throw new IOException(source + ": pattern " + s.name() + " needs a name and a regex");
            }
            Pattern p;
            try {
                p = Pattern.compile(s.regex());
            } catch (PatternSyntaxException e) {
                throw new IOException(source + ": pattern " + s.name() + ": " + e.getDescription(), e);
            }
            if (!s.regex().contains("(?<dir>") || !s.regex().contains("(?<data>")) {
                throw new IOException(source + ": pattern " + s.name() + " needs the named groups (?<dir>...) and (?<data>...)");
            }
            out.add(new Compiled(s, p));
        }
        return out;
    }

    /** The names of the patterns, in the order they are tried. */
    public List<String> names() {
        return patterns.stream().map(c -> c.spec().name()).toList();
    }

    /** The first pattern that matches the line (its time stamp already taken off), or null. */
    Match match(String line) {
        for (Compiled c : patterns) {
            Matcher m = c.regex().matcher(line);
            if (m.find()) {
                // an optional dir group that took no part: a line without a marker, its side learned
                String marker = m.group("dir") == null ? "" : m.group("dir").strip();
                String word = marker.toLowerCase(Locale.ROOT);
                Direction d = contains(c.spec().host(), word) ? Direction.HOST_TO_MODULE
                        : contains(c.spec().module(), word) ? Direction.MODULE_TO_HOST : null;
                return new Match(c.spec().name(), marker, d, m.group("data") == null ? "" : m.group("data"));
            }
        }
        return null;
    }

    private static boolean contains(List<String> words, String word) {
        if (words == null) {
            return false;
        }
        for (String w : words) {
            if (w.toLowerCase(Locale.ROOT).equals(word)) {
                return true;
            }
        }
        return false;
    }
}
