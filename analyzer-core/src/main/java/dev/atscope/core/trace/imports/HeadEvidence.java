package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the first lines of a log showed of one head (what comes before the traffic on a line): how
 * many of its lines are command lines, results and answers, what follows them, and the words that
 * end them. {@link LayoutLearner} decides from it whether the head is a marker and of which side.
 */
final class HeadEvidence {

    final HeadPattern head;
    final String pattern;
    final Direction said;
    long commands;
    long results;
    long answers;
    long lines;
    long closed;
    /** Results and answers on bare lines right after its lines. */
    long followed;
    /** Its lines that spell line ends. */
    long spelled;
    /** The last word of its lines while it is the same on all of them, "" once they differ. */
    String tail;
    /** The first payload, and whether another differed from it. */
    String first;
    boolean varied;
    /** The word at the end of the line that tells the side, for logs that say it there ({@code ...sent}). */
    String sideWord;
    /** The same head's lines by the side word at their end. */
    final Map<String, HeadEvidence> bySideWord = new LinkedHashMap<>();

    /**
     * @param head the head
     * @param pattern the pattern that found it, or null for a head found before the traffic
     * @param said the side the pattern names for it, or null
     */
    HeadEvidence(HeadPattern head, String pattern, Direction said) {
        this.head = head;
        this.pattern = pattern;
        this.said = said;
    }

    /** Its lines that are traffic of a known kind. */
    long traffic() {
        return commands + results + answers;
    }

    /** Counts a piece of traffic by its kind. */
    void count(String s) {
        switch (AtText.kind(s)) {
            case COMMAND -> commands++;
            case RESULT -> results++;
            case INFORMATION, PROMPT -> answers++;
            default -> {
                // other text tells nothing about the side
            }
        }
    }

    /** Follows the word that ends every line of the head: a label around the traffic, not part of it. */
    void follow(String payload) {
        int space = payload.lastIndexOf(' ');
        String word = space < 0 ? "" : payload.substring(space + 1);
        tail = tail == null ? word : tail.equals(word) ? word : "";
        if (first == null) {
            first = payload;
        } else if (!first.equals(payload)) {
            varied = true;
        }
    }

    /** A word after the traffic that tells its side or fate ({@code ...sent}, {@code ...matched}), or null. */
    static String sideWord(String payload) {
        int space = payload.lastIndexOf(' ');
        String word = space < 0 ? "" : payload.substring(space + 1);
        return word.length() >= 4 && word.startsWith("...") && Character.isLetter(word.charAt(3)) ? word : null;
    }

    /** Heads of comments and debug prints ({@code ###}, {@code [8972] ### Unhandled:}): never markers. */
    static boolean isComment(HeadPattern h) {
        String s = h.shown();
        return s.contains("###") || s.startsWith("#") || s.startsWith("//");
    }
}
