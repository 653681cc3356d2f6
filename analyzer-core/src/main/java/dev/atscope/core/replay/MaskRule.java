package dev.atscope.core.replay;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A volatile value that may differ between a recording and its replay without counting as a
 * difference: every match of the pattern is replaced by {@code <name>} on both sides before they
 * are compared.
 *
 * @param name what is masked, shown in place of the value ({@code ip}, {@code checksum})
 * @param pattern what to mask
 */
public record MaskRule(String name, Pattern pattern) {

    public MaskRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** A rule from a regular expression; throws {@link java.util.regex.PatternSyntaxException} when it is not one. */
    public static MaskRule of(String name, String regex) {
        return new MaskRule(name, Pattern.compile(regex));
    }

    /** The text with every match replaced by {@code <name>}. */
    public String apply(String text) {
        return pattern.matcher(text).replaceAll("<" + name.replace("\\", "\\\\").replace("$", "\\$") + ">");
    }
}
