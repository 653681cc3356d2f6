package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.util.List;
import java.util.Set;

/**
 * The layout of a home-grown text log as {@link LayoutLearner} learned it from the log's first
 * lines, and how it splits each line into time, marker and traffic. Either the lines carry markers
 * whose sides were learned ({@link Mode#MARKERS}: {@code <- AT+CGMI (20732)}), or they carry none
 * and the grammar decides each line's side ({@link Mode#TRANSCRIPT}), possibly after a prefix that
 * every line repeats (the Arduino monitor's {@code 17:13:30.563 -> }).
 *
 * @param mode whether the lines carry markers
 * @param markers the markers with their sides, longest first ({@link Mode#MARKERS})
 * @param unmarked the side of lines with no marker in a layout that marks only the other side, or
 *     null when such lines are not traffic
 * @param prefix a head every transcript line repeats, or null
 * @param indent the blanks before the traffic that a paste adds to every line (a code block)
 * @param time where the time is
 * @param bareMicros what a count without a unit at the end of a line is worth
 * @param escapes the families of escapes the traffic is spelled in
 * @param spellsLineEnds whether the lines show their own line ends ({@code \r\n}), so none are added
 * @param echo whether the log shows the module's echo (a command line twice in a row), so that a
 *     command repeated at once is its echo and not a retry
 * @param patterns the user's and built-in marker patterns, tried before the learned markers
 */
record TextLayout(Mode mode, List<Marker> markers, Direction unmarked, HeadPattern prefix, int indent, Time time,
        long bareMicros, Set<Escapes.Family> escapes, boolean spellsLineEnds, boolean echo, PrefixPatterns patterns) {

    /** Whether the lines carry markers. */
    enum Mode {
        /** Each traffic line carries a marker of its side. */
        MARKERS,
        /** No markers: command lines are the host's, the rest the module's, as the grammar says. */
        TRANSCRIPT
    }

    /** Where a line's time is. */
    enum Time {
        /** No time: made-up times keep the order. */
        NONE,
        /** A stamp starts the line. */
        LEADING,
        /** A stamp or a count ends the line. */
        TRAILING,
        /** A stamp inside the head, after a few characters of the log's own ({@code [I] May 22 15:57:36}). */
        IN_HEAD
    }

    /**
     * A marker and the side its lines are.
     *
     * @param head what the marker looks like (digits general)
     * @param pattern the name of the pattern that found it, or null for a learned head
     * @param side who sent its lines
     * @param closer the character that closes each of its lines ({@code ]} for {@code [SEND][3][AT\r]}), or 0
     * @param suffix a word that ends each of its lines and is no traffic ({@code Output from AT+CSQ? command:}), or null
     * @param spells whether its lines show their own line ends ({@code AT\r}), so that none are added
     * @param why how its side was decided
     */
    record Marker(HeadPattern head, String pattern, Direction side, char closer, String suffix, boolean spells,
            String why) {

        /** The marker as a person reads it: its head, and the word at the end when that tells the side. */
        String name() {
            return suffix != null && suffix.startsWith("...") ? head.shown() + " " + suffix : head.shown();
        }
    }

    /**
     * A line split into its parts.
     *
     * @param stamp its time, or null
     * @param marker its marker, or null (no marker: the reader decides whether the line is traffic)
     * @param payload the traffic's text, escapes not yet read
     * @param skip why the line is not traffic, or null
     */
    record Parts(LogTime.Stamp stamp, Marker marker, String payload, String skip) {}

    /** Why a line is left out: a markdown fence, a comment or a harness header. */
    static final String COMMENT = "comments, separators and harness headers";
    /** Why a line is left out: it lacks the prefix that every line of a transcript's traffic has. */
    static final String NO_PREFIX = "lines without the prefix of the traffic (the program's own output)";
    /** Why a line is left out: it has no marker where every traffic line has one. */
    static final String NO_MARKER = "lines without a marker (the program's own output)";

    /**
     * Splits a line. A leading stamp is taken off (its validity checked by the caller), then the
     * markdown around a paste, then the marker or prefix; a trailing stamp and the marker's closer
     * come off the end.
     */
    Parts split(String line, LogTime.Stamp leading) {
        String rest = leading == null ? line : line.substring(leading.end());
        rest = dedent(rest);
        if (Pastes.isComment(rest)) {
            return new Parts(leading, null, "", COMMENT);
        }
        rest = Pastes.unwrap(rest);
        LogTime.Stamp stamp = leading;
        if (stamp == null && time == Time.IN_HEAD) {
            stamp = LogTime.within(rest, HEAD_STAMP);
        }
        Marker marker = null;
        if (mode == Mode.MARKERS) {
            PrefixPatterns.Match pm = patterns.match(rest.stripLeading());
            if (pm != null) {
                marker = byPattern(pm);
                if (marker != null) {
                    rest = pm.data();
                }
            }
            if (marker == null) {
                for (Marker m : markers) {
                    if (m.pattern() != null) {
                        continue;
                    }
                    int at = m.head().match(rest, 0);
                    if (at >= 0 && (m.suffix() == null || m.pattern() != null || sharesHead(m) == 1
                            || rest.stripTrailing().endsWith(" " + m.suffix()))) {
                        marker = m;
                        rest = rest.substring(at);
                        break;
                    }
                }
            }
        } else {
            // a transcript: its prefix, or the markers of a log read as a transcript when told to
            for (Marker m : markers) {
                int at = m.head().match(rest, 0);
                if (at >= 0) {
                    rest = rest.substring(at);
                    break;
                }
            }
            int at = prefix == null ? -1 : prefix.match(rest, 0);
            if (at >= 0) {
                rest = rest.substring(at);
                String t = rest.stripTrailing();
                if (prefix.closer() != 0 && !t.isEmpty() && t.charAt(t.length() - 1) == prefix.closer()) {
                    rest = t.substring(0, t.length() - 1); // "Token: {OK}"
                }
            } else if (prefix != null && !prefix.empty() && !rest.isBlank()) {
                return new Parts(leading, null, rest, NO_PREFIX);
            }
        }
        if (time != Time.NONE) {
            LogTime.Trailing t = LogTime.trailing(rest, bareMicros);
            if (t != null && (marker != null || mode == Mode.TRANSCRIPT)) {
                rest = rest.substring(0, t.start());
                if (stamp == null || time == Time.TRAILING) {
                    stamp = t.stamp();
                }
            }
        }
        if (marker != null) {
            rest = withoutRemark(rest, marker.head().closer());
        }
        if (marker != null && marker.suffix() != null) {
            String t = rest.stripTrailing();
            if (t.endsWith(" " + marker.suffix())) {
                rest = t.substring(0, t.length() - marker.suffix().length()).stripTrailing();
            }
        }
        if (marker != null && marker.closer() != 0) {
            int end = rest.length();
            while (end > 0 && rest.charAt(end - 1) == ' ') {
                end--;
            }
            if (end > 0 && rest.charAt(end - 1) == marker.closer()) {
                rest = rest.substring(0, end - 1);
            }
        }
        return new Parts(time == Time.NONE ? null : stamp, marker, rest, null);
    }

    /** How far into a line a stamp inside the head may start. */
    static final int HEAD_STAMP = 40;

    /**
     * A quoted payload without the remark a log adds after the closing quote: {@code "AT+CGACT=1,1"
     * (expect "OK").} is {@code AT+CGACT=1,1"}, the quote left for the closer to take off.
     */
    static String withoutRemark(String payload, char quote) {
        if (quote != '"' && quote != '\'') {
            return payload;
        }
        String t = payload.stripTrailing();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        int open = t.lastIndexOf(quote + " (");
        return t.endsWith(")") && open >= 0 ? t.substring(0, open + 1) : payload;
    }

    /** How many markers have this marker's head (more than one when words at the end tell their sides apart). */
    private int sharesHead(Marker m) {
        int n = 0;
        for (Marker o : markers) {
            if (o.head().equals(m.head())) {
                n++;
            }
        }
        return n;
    }

    private String dedent(String s) {
        int cut = 0;
        while (cut < indent && cut < s.length() && (s.charAt(cut) == ' ' || s.charAt(cut) == '\t')) {
            cut++;
        }
        return s.substring(cut);
    }

    private Marker byPattern(PrefixPatterns.Match pm) {
        for (Marker m : markers) {
            if (pm.pattern().equals(m.pattern()) && m.head().equals(HeadPattern.of(pm.marker()))) {
                return m;
            }
        }
        return null;
    }
}
