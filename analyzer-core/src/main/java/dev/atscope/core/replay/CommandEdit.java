package dev.atscope.core.replay;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A change to the recorded host's command lines for a what-if replay, written {@code OLD=>NEW}: every
 * command line that contains the text OLD is sent with it replaced by NEW ({@code
 * sslversion",0,1=>sslversion",0,3}); written {@code /REGEX/=>NEW}, every match of the regular
 * expression is replaced, NEW may name its groups ({@code $1}). Uploads are sent as recorded.
 *
 * @param spec the edit as written
 * @param pattern what is replaced
 * @param replacement what replaces it, as {@link Matcher#replaceAll(String)} takes it
 */
public record CommandEdit(String spec, Pattern pattern, String replacement) {

    /** Between what is replaced and what replaces it. */
    public static final String ARROW = "=>";

    public CommandEdit {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(replacement, "replacement");
    }

    /**
     * Reads an edit.
     *
     * @throws IllegalArgumentException naming what is wrong: no {@code =>}, nothing to replace, a
     *     regular expression that does not compile
     */
    public static CommandEdit parse(String spec) {
        if (spec.startsWith("/")) {
            int end = spec.indexOf("/" + ARROW, 1);
            if (end < 0) {
                throw new IllegalArgumentException("expected /REGEX/=>NEW");
            }
            String regex = spec.substring(1, end);
            if (regex.isEmpty()) {
                throw new IllegalArgumentException("the regular expression is empty");
            }
            try {
                return new CommandEdit(spec, Pattern.compile(regex), spec.substring(end + 1 + ARROW.length()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + e.getDescription()
                        + " at index " + e.getIndex(), e);
            }
        }
        int arrow = spec.indexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException("expected OLD=>NEW (or /REGEX/=>NEW)");
        }
        if (arrow == 0) {
            throw new IllegalArgumentException("nothing to replace before =>");
        }
        return new CommandEdit(spec, Pattern.compile(Pattern.quote(spec.substring(0, arrow))),
                Matcher.quoteReplacement(spec.substring(arrow + ARROW.length())));
    }

    /** The command line with this edit made; the same string when it does not match. */
    public String apply(String commandLine) {
        Matcher m = pattern.matcher(commandLine);
        return m.find() ? m.replaceAll(replacement) : commandLine;
    }

    /** Whether the edit changes this command line. */
    public boolean matches(String commandLine) {
        return pattern.matcher(commandLine).find();
    }

    @Override
    public String toString() {
        return spec;
    }
}
