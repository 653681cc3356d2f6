package dev.atscope.core.trace.imports;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The program's own prints a log showed on lines of their own, remembered (a bounded number) so
 * that the same print glued to the end of a traffic line can be cut off it: a library that prints
 * "Waiting for echo..." while a line of the module's is still open shows both on one line.
 */
final class PrintsSeen {

    /** Prints remembered; the oldest are forgotten first. */
    static final int MAX = 64;
    /** Prints shorter than this are too likely to be the end of real traffic. */
    static final int MIN_LENGTH = 8;

    private final Set<String> texts = new LinkedHashSet<>();

    /** Remembers a print. */
    void remember(String print) {
        if (print.length() < MIN_LENGTH || print.length() > 200 || texts.contains(print)) {
            return;
        }
        if (texts.size() >= MAX) {
            texts.remove(texts.iterator().next());
        }
        texts.add(print);
    }

    /** Whether the text is a remembered print. */
    boolean contains(String text) {
        return texts.contains(text);
    }

    /** The remembered print the text ends with, after some traffic, or null. */
    String endOf(String text) {
        String t = text.stripTrailing();
        for (String p : texts) {
            if (t.length() > p.length() && t.endsWith(p)) {
                return p;
            }
        }
        return null;
    }
}
