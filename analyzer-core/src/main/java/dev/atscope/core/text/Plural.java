package dev.atscope.core.text;

/** A count with its noun in the right number: {@code 1 hit}, {@code 2 hits}, {@code 1 match}. */
public final class Plural {

    private Plural() {}

    /** {@code n} and the noun, with {@code s} (or {@code es} after s, x, ch, sh) unless n is 1. */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : plural(noun));
    }

    /** The plural of a regular English noun. */
    public static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }
}
