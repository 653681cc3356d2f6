package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns the layout of a home-grown text log from its first lines, as a person reading it would.
 * On each line it finds where the traffic starts (a command line, a final result or an answer,
 * {@link AtText#anchor}); what comes before is the line's head. Heads that recur are markers or a
 * prefix: a marker whose lines are command lines and never final results is the host's, one whose
 * lines include final results is the module's, and a head whose lines are both (an echoing log) is
 * a prefix of a transcript. The spelling of a marker never decides its side, unless the user's
 * pattern file or {@code --host-marker} says it. The time is where most lines have it (a stamp at
 * the start, a count at the end); escapes of line ends ({@code \r\n}, {@code <CR>}) are read in the
 * families the log uses.
 */
final class LayoutLearner {

    /**
     * What was learned, with the evidence for {@code --explain}.
     *
     * @param layout the layout
     * @param doubts what is unsure, each naming the option that settles it
     * @param timeWords where the time is, in words
     * @param stripped what is taken off around the traffic, in words
     * @param carriesTime whether lines of their own give the time of the lines after them
     */
    record Learned(TextLayout layout, List<String> doubts, String timeWords, List<String> stripped,
            boolean carriesTime) {

        /** Whether the log has times, though perhaps not on every line. */
        boolean timed() {
            return layout.time() != TextLayout.Time.NONE || carriesTime;
        }
    }

    private final Map<String, HeadEvidence> heads = new LinkedHashMap<>();
    private final Map<String, Integer> trailingForms = new HashMap<>();
    private final EnumSet<Escapes.Family> escapes = EnumSet.noneOf(Escapes.Family.class);
    private final Map<Escapes.Family, Integer> escapeLines = new HashMap<>();
    private final ImportOptions options;
    /** The final results the grammar knows ({@link AtText#results}). */
    private final java.util.Set<String> results;
    private long lines;
    private long leadingStamps;
    private long headStamps;
    /** Lines that are only a time after a label, the time of the lines after them. */
    private long timeLines;
    private long trafficLines;
    private long spelledLines;
    /** Command lines without a marker, and those the same line follows at once (an echo). */
    private long commandLines;
    private long echoed;
    private String lastCommand;
    private int indent = -1;
    private boolean bareTrailing;
    /** The marker whose quote is open on the lines that follow, or null. */
    private HeadEvidence open;
    private HeadEvidence lastOpen;
    /** The head of the last line that held traffic, while no other line came between. */
    private HeadEvidence previous;

    LayoutLearner(ImportOptions options) {
        this.options = options;
        this.results = AtText.results(options.model());
    }

    /** Looks at one line of the log. */
    void add(String raw) {
        if (open != null) {
            // inside a quote a marker opened: the line is that marker's, up to the closing quote
            String t = raw.stripTrailing();
            char q = open.head.closer();
            if (!t.isEmpty() && t.charAt(t.length() - 1) == q) {
                t = t.substring(0, t.length() - 1);
                open = null;
            }
            classify(open == null ? lastOpen : open, t);
            return;
        }
        if (raw.isBlank()) {
            return;
        }
        lines++;
        LogTime.Stamp stamp;
        try {
            stamp = LogTime.leading(raw);
        } catch (LogTime.NoSuchTime e) {
            stamp = null;
        }
        if (stamp != null) {
            leadingStamps++;
        } else if (LogTime.within(raw, TextLayout.HEAD_STAMP) != null) {
            headStamps++;
        }
        String rest = stamp == null ? raw : raw.substring(stamp.end());
        int blanks = 0;
        while (blanks < rest.length() && (rest.charAt(blanks) == ' ' || rest.charAt(blanks) == '\t')) {
            blanks++;
        }
        rest = rest.substring(blanks);
        if (rest.isEmpty() || Pastes.isComment(rest)) {
            return;
        }
        rest = Pastes.unwrap(rest);
        if (LogTime.labelled(rest) != null) {
            timeLines++;
            return;
        }
        countEcho(rest.strip());
        String head;
        String payload;
        String pattern = null;
        Direction said = null;
        PrefixPatterns.Match pm = options.patterns().match(rest);
        if (pm != null) {
            head = pm.marker();
            payload = pm.data();
            pattern = pm.pattern();
            said = pm.direction();
        } else {
            int anchor = AtText.anchor(rest, 0);
            if (anchor < 0) {
                previous = null;
                return;
            }
            head = rest.substring(0, anchor);
            payload = rest.substring(anchor);
        }
        if (indent < 0 || blanks < indent) {
            indent = blanks;
        }
        HeadPattern h = HeadPattern.of(head);
        if (pattern == null && HeadEvidence.isComment(h)) {
            return;
        }
        String byPattern = pattern;
        Direction sideSaid = said;
        HeadEvidence e = heads.computeIfAbsent((pattern == null ? "" : pattern) + '\u0000' + h.key(),
                k -> new HeadEvidence(h, byPattern, sideSaid));
        e.lines++;
        if (e.head.empty() && e.pattern == null && previous != null && !previous.head.empty()) {
            // a bare line right after a marked one continues it ("Response: AT", then "OK")
            String bare = payload.strip();
            AtText.Kind kind = AtText.kind(bare, results);
            if (kind == AtText.Kind.RESULT || kind == AtText.Kind.INFORMATION) {
                previous.followed++;
            }
        } else {
            previous = e;
        }
        LogTime.Trailing t = LogTime.trailing(payload, 1000);
        if (t != null) {
            trailingForms.merge(t.form(), 1, Integer::sum);
            bareTrailing |= t.bare();
            payload = payload.substring(0, t.start());
        }
        char closer = h.closer();
        String p = TextLayout.withoutRemark(payload, closer).stripTrailing();
        if (closer != 0 && !p.isEmpty() && p.charAt(p.length() - 1) == closer) {
            e.closed++;
            payload = p.substring(0, p.length() - 1);
        } else if ((closer == '"' || closer == '\'') && p.indexOf(closer) < 0) {
            open = e; // a quoted block over several lines
            lastOpen = e;
        }
        e.follow(payload.strip());
        classify(e, payload);
        String word = HeadEvidence.sideWord(payload.strip());
        if (word != null) {
            HeadEvidence sub = e.bySideWord.computeIfAbsent(word, w -> new HeadEvidence(h, null, null));
            sub.sideWord = word;
            sub.lines++;
            classify(sub, payload.strip().substring(0, payload.strip().length() - word.length()));
        }
    }



    private void countEcho(String s) {
        boolean command = AtText.isCommand(s, 0);
        if (command) {
            commandLines++;
            if (s.equals(lastCommand)) {
                echoed++;
                lastCommand = null;
                return;
            }
        }
        lastCommand = command ? s : null;
    }



    /** Counts the commands, results and answers in a line's traffic (several when it spells its line ends). */
    private void classify(HeadEvidence e, String payload) {
        Set<Escapes.Family> found = Escapes.lineEnds(payload);
        boolean before = e.traffic() > 0;
        if (found.isEmpty()) {
            e.count(payload.strip());
        } else {
            spelledLines++;
            e.spelled++;
            escapes.addAll(found);
            for (Escapes.Family f : found) {
                escapeLines.merge(f, 1, Integer::sum);
            }
            String text = new String(Escapes.decode(payload, found), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String part : text.split("[\r\n]+")) {
                e.count(part.strip());
            }
        }
        if (e.traffic() > 0 || before) {
            trafficLines++;
        }
    }

    /** The layout the lines seen so far show. */
    Learned learn() {
        List<String> doubts = new ArrayList<>();
        List<String> stripped = new ArrayList<>();
        List<HeadEvidence> traffic = new ArrayList<>();
        for (HeadEvidence e : heads.values()) {
            if (e.traffic() > 0) {
                traffic.add(e);
            }
        }
        traffic.sort(Comparator.comparingLong(HeadEvidence::traffic).reversed());
        long all = traffic.stream().mapToLong(HeadEvidence::traffic).sum();

        List<TextLayout.Marker> markers = new ArrayList<>();
        Direction unmarked = null;
        String hint = options.hints().hostMarker();
        HeadEvidence none = null;
        List<HeadEvidence> marked = new ArrayList<>();
        for (HeadEvidence e : traffic) {
            if (e.head.empty() && e.pattern == null) {
                none = e;
            }
        }
        // a head on a handful of lines among many is text, not a marker; so is one on a single line
        // where bare lines hold commands too (a print glued to a command)
        boolean bareCommands = none != null && none.commands > 0;
        for (HeadEvidence e : traffic) {
            if (e != none && (e.traffic() * 20 >= all && (e.lines >= 2 || !bareCommands) || e.pattern != null)) {
                marked.add(e);
            }
        }
        // a head whose lines end with a word that tells the side: one marker per word
        for (HeadEvidence e : List.copyOf(marked)) {
            long worded = e.bySideWord.values().stream().mapToLong(x -> x.lines).sum();
            if (e.bySideWord.size() >= 2 && worded * 5 >= e.lines * 4) {
                marked.remove(e);
                marked.addAll(e.bySideWord.values());
            }
        }
        List<HeadEvidence> hosts = new ArrayList<>();
        List<HeadEvidence> modules = new ArrayList<>();
        // a marker of command lines that bare results follow is the module's echo, when another
        // marker of command lines stands alone ("Response: AT" then "OK" beside "command AT")
        boolean loneCommands = marked.stream().anyMatch(e -> e.commands > 0 && e.results == 0 && e.followed == 0);
        for (HeadEvidence e : marked) {
            Direction side = e.said;
            if (side == null && hint != null) {
                side = e.head.named(hint) ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
            }
            if (side == Direction.HOST_TO_MODULE || side == null && e.commands > 0 && e.results * 20 <= e.commands
                    && e.results <= 1 && (e.followed * 2 < e.lines || !loneCommands)) {
                hosts.add(e);
            } else if (side == Direction.MODULE_TO_HOST || side == null && (e.results > 0 || e.answers > 0 || e.followed > 0)) {
                modules.add(e);
            }
        }
        boolean bothMarked = !hosts.isEmpty() && !modules.isEmpty();
        // one side marked and the other bare: the bare lines must look like that other side (a
        // module's echo repeats the host's commands at most once each)
        long hostCommands = hosts.stream().mapToLong(e -> e.commands).sum();
        boolean oneMarked = none != null && (hosts.isEmpty() != modules.isEmpty())
                && (hosts.isEmpty() ? none.commands > 0 && none.results == 0
                        : none.results + none.answers > 0 && none.commands <= hostCommands);
        TextLayout.Mode mode;
        HeadPattern prefix = null;
        if (bothMarked || oneMarked) {
            mode = TextLayout.Mode.MARKERS;
            for (HeadEvidence e : hosts) {
                markers.add(marker(e, Direction.HOST_TO_MODULE, hint));
            }
            for (HeadEvidence e : modules) {
                markers.add(marker(e, Direction.MODULE_TO_HOST, hint));
            }
            if (oneMarked) {
                unmarked = hosts.isEmpty() ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
                stripped.add("no marker on the " + (unmarked == Direction.HOST_TO_MODULE ? "host's" : "module's")
                        + " lines: unmarked traffic lines are its");
            } else if (none != null && none.commands > none.results && hint == null) {
                unmarked = Direction.HOST_TO_MODULE; // bare commands beside a marked host: typed by hand
            }
            markers.sort(Comparator.comparingInt((TextLayout.Marker m) -> m.head().weight()).reversed());
            boolean said = hint != null || marked.stream().allMatch(e -> e.said != null);
            if (!said && modules.stream().mapToLong(e -> e.results).sum() == 0) {
                doubts.add("no final result shows which marker is the module: name the host's with --host-marker");
            }
        } else {
            mode = TextLayout.Mode.TRANSCRIPT;
            HeadEvidence top = traffic.isEmpty() ? null : traffic.get(0);
            if (top != null && !top.head.empty() && top.traffic() * 2 >= all) {
                prefix = top.head;
                stripped.add("the prefix '" + prefix.shown() + "' that every line repeats (no direction: a transcript)");
            }
        }

        // escapes: a family counts when it spells line ends on a few lines, not once by chance
        EnumSet<Escapes.Family> families = EnumSet.noneOf(Escapes.Family.class);
        for (Escapes.Family f : escapes) {
            int n = escapeLines.getOrDefault(f, 0);
            if (n >= 2 || n * 10 >= trafficLines) {
                families.add(f);
            }
        }
        boolean spells = !families.isEmpty() && spelledLines * 2 >= trafficLines;
        if (!families.isEmpty()) {
            stripped.add("escapes read: " + String.join(", ", families.stream().map(Escapes.Family::example).toList())
                    + (spells ? " (the lines show their own line ends)" : ""));
        }

        // time
        TextLayout.Time where = TextLayout.Time.NONE;
        String timeWords = "none: made-up times 1 ms apart keep only the order";
        long bare = 1000;
        String form = trailingForms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        int trailing = form == null ? 0 : trailingForms.get(form);
        LayoutHints.TimeHint hintTime = options.hints().time();
        if (hintTime == LayoutHints.TimeHint.NONE) {
            timeWords = "ignored (--time none): made-up times keep only the order";
        } else if (leadingStamps * 2 >= lines && leadingStamps > 0) {
            where = TextLayout.Time.LEADING;
            timeWords = "a stamp at the start of each line";
        } else if (headStamps * 2 >= lines && headStamps > 0) {
            where = TextLayout.Time.IN_HEAD;
            timeWords = "a stamp near the start of each line, after the log's own words";
        } else if (trailing * 2 >= Math.max(1, trafficLines) && trailing > 0) {
            where = TextLayout.Time.TRAILING;
            bare = switch (hintTime) {
                case S -> 1_000_000;
                case US -> 1;
                default -> 1000;
            };
            timeWords = "'" + form + "' at the end of each line";
            if (bareTrailing) {
                timeWords += ", a count read as " + (bare == 1 ? "microseconds" : bare == 1000 ? "milliseconds" : "seconds");
                if (hintTime == LayoutHints.TimeHint.AUTO) {
                    timeWords += " (assumed)";
                    doubts.add("the count at the end of each line is taken for milliseconds: say --time s, --time us or"
                            + " --time none if it is not");
                }
            }
            stripped.add("the time at the end of each line");
        }
        if (where == TextLayout.Time.LEADING) {
            stripped.add("the time stamp at the start of each line");
        }
        // echo: most commands show twice in a row; a log without echo repeats a command only to retry it
        boolean echo = echoed * 4 >= commandLines;
        TextLayout layout = new TextLayout(mode, markers, unmarked, prefix, Math.max(0, indent), where, bare,
                families, spells, echo, options.patterns());
        return new Learned(layout, doubts, timeWords, stripped, timeLines >= 2);
    }

    private static TextLayout.Marker marker(HeadEvidence e, Direction side, String hint) {
        String why;
        if (e.said != null) {
            why = "the pattern " + e.pattern + " says so";
        } else if (hint != null) {
            why = "--host-marker";
        } else if (side == Direction.HOST_TO_MODULE) {
            why = "its lines are command lines and never results";
        } else {
            why = e.results > 0 ? "its lines include final results, which only a module sends"
                    : "its lines are answers, not commands";
        }
        char closer = e.closed * 5 >= e.lines * 4 ? e.head.closer() : 0;
        String suffix = e.sideWord != null ? e.sideWord
                : e.varied && e.tail != null && !e.tail.isEmpty() && e.lines >= 2 ? e.tail : null;
        return new TextLayout.Marker(e.head, e.pattern, side, closer, suffix, e.spelled * 2 >= e.lines && e.spelled > 0,
                why);
    }
}
