package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared shape of the importers of text logs: the head every one of them needs (read a line,
 * take off its time stamp, leave out what is not traffic with a count, stamp the traffic, learn
 * which channel is which side) is here; a subclass reads a unit of its format at a time ({@link
 * #step()}) and hands out entries. Entries are kept in order, broken units become gaps when asked
 * to keep going, and the metadata is built once the first entry is known.
 *
 * <p>Logs name their sides by a marker, an arrow or a port ({@code >}, {@code <-}, {@code
 * /dev/ttyS1}); which is the host is learned from the content ({@link ChannelSides}), never from
 * the spelling. Entries of a channel whose side is not known yet wait, in bounded number; after
 * {@link #MAX_WAITING} entries, or at the end, the evidence so far (or the format's default)
 * decides.
 */
abstract class LogTraceReader implements TraceReader {

    /** How the text of a gap marker for a broken part starts. */
    static final String NOT_IMPORTED = "not imported: ";

    /** Entries held while the sides of the channels are unknown. */
    static final int MAX_WAITING = 4096;

    protected final LineSource in;
    protected final TimeLine time;
    protected final ImportOptions options;
    /** True when the input is the first part of a file, cut anywhere (format detection). */
    protected final boolean probe;
    private final TraceFormat format;
    private final ChannelSides sides;
    /** Entries on their way out, some waiting for their channel's side. */
    private final EntryStaging staged;
    private final SkippedLines skipped = new SkippedLines();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> stripped = new ArrayList<>();
    private final List<String> doubts = new ArrayList<>();
    private String timeWords;
    private TraceMetadata metadata;
    private boolean ended;
    /** The last line of the latest keep-going gap, or -1. */
    private long lastGapLine = -1;
    /** A failure met while reading ahead for the metadata, thrown by the next call to next(). */
    private IOException pending;

    /**
     * One line as the shared head reads it.
     *
     * @param number its line number in the file
     * @param text the whole line
     * @param stamp the time stamp it starts with, or null
     * @param rest the line after that stamp
     */
    record LogLine(long number, String text, LogTime.Stamp stamp, String rest) {}

    LogTraceReader(LineSource in, TraceFormat format, ImportOptions options, boolean probe) {
        this.in = in;
        this.format = format;
        this.options = options;
        this.probe = probe;
        this.sides = new ChannelSides(options.hints().hostMarker());
        this.staged = new EntryStaging(sides);
        this.time = new TimeLine(options.hints().time() == LayoutHints.TimeHint.NONE);
    }

    /**
     * Reads the next unit of the format and hands out what it holds; for a format of lines, one
     * line through the shared head ({@link #nextLine()}) to {@link #line}.
     *
     * @return false at the end of the input
     * @throws TraceFormatException when the unit breaks the format
     */
    boolean step() throws IOException {
        LogLine l = nextLine();
        if (l == null) {
            return false;
        }
        line(l);
        return true;
    }

    /**
     * Reads one line of a format of lines, its stamp already taken off, and hands out what it holds.
     *
     * @throws TraceFormatException when the line breaks the format
     */
    void line(LogLine l) throws IOException {
        throw new IllegalStateException(getClass().getSimpleName() + " reads units of its own: it overrides step()");
    }

    /** Called after a broken unit was skipped (with keep-going), to start afresh at the next line. */
    void resync() {}

    /** Called at the end of the input; may hand out a last unit or fail on one cut short. */
    void finish() throws IOException {}

    /**
     * Called before a broken line is skipped with keep-going: hands out what the reader holds back
     * waiting for lines after it, so that nothing is handed out after the gap it came before.
     */
    void beforeGap() throws IOException {}

    /** What the format looks like, for the message when a file holds none of it. */
    abstract String expected();

    // ---- the head: one line, its stamp, what is left out

    /**
     * The next line with its leading time stamp taken off, or null at the end.
     *
     * @throws TraceFormatException when the stamp names a date or time that does not exist
     */
    final LogLine nextLine() throws IOException {
        long number = in.line();
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        LogTime.Stamp stamp = stamp(text, number);
        return new LogLine(number, text, stamp, stamp == null ? text : text.substring(stamp.end()));
    }

    /**
     * The stamp at the start of {@code text} of line {@code number}, or null.
     *
     * @throws TraceFormatException when it names a date or time that does not exist
     */
    final LogTime.Stamp stamp(String text, long number) throws TraceFormatException {
        try {
            return LogTime.leading(text);
        } catch (LogTime.NoSuchTime e) {
            throw broken(number, e.getMessage());
        }
    }

    /** Leaves a line out of the traffic, counted under its reason (for the warning and {@code --explain}). */
    final void skip(String reason, long line, String text) {
        skipped.add(reason, line, text);
    }

    /** The time of a line: its stamp, or the next step of made-up time when it has none. */
    final long timeOf(LogTime.Stamp stamp) {
        return stamp != null ? time.at(stamp) : time.next();
    }

    /** Says where the log's time is, in words, for {@code --explain}. */
    final void describeTime(String words) {
        timeWords = words;
    }

    /** Says what was taken off around the traffic, in words, for {@code --explain}. */
    final void describeStripped(String words) {
        if (!stripped.contains(words)) {
            stripped.add(words);
        }
    }

    /** Records a doubt about the layout, naming the option that settles it. */
    final void doubt(String words) {
        if (!doubts.contains(words)) {
            doubts.add(words);
        }
    }

    /** The channel that is the host when the content never shows which one is (the format's word). */
    String defaultHostChannel() {
        return null;
    }

    /** Extra metadata: ports named by the log, tags. */
    TraceMetadata describe(TraceMetadata m) {
        return m;
    }

    protected final SourceLocation at(long line) {
        return new SourceLocation(in.source(), line);
    }

    protected final TraceFormatException broken(long line, String problem) {
        return new TraceFormatException(at(line), problem);
    }

    protected final void warn(long line, String message) {
        warnings.add(at(line) + ": " + message);
    }

    // ---- handing out entries

    /** Hands out bytes of a known direction, counted under the name of its side. */
    protected final void emit(long t, Direction dir, byte[] data, long line) {
        staged.bytes(t, dir, data, line, sideName(dir), this::sideWhy);
    }

    /** The name a side's lines are counted under when the log says the direction itself. */
    String sideName(Direction dir) {
        return dir == Direction.HOST_TO_MODULE ? "host lines" : "module lines";
    }

    /** Why the lines a log gives a direction itself are on their side, for {@code --explain}. */
    String sideWhy() {
        return "the " + format.id() + " format says who sent each line";
    }

    /** Hands out a marker. */
    protected final void emit(Marker m) {
        staged.marker(m);
    }

    /** Hands out a marker about a channel whose side may not be known yet (it gets that side). */
    protected final void emit(String channel, Marker m) {
        staged.marker(channel, m);
    }

    /** Hands out bytes of a channel whose side may not be known yet. */
    protected final void emit(long t, String channel, byte[] data, long line) {
        staged.bytes(t, channel, data, line);
    }

    /** Names a channel's side, when the log itself says it (a tool's documented layout). */
    protected final void assign(String channel, Direction dir, String why) {
        sides.assign(channel, dir, why);
    }

    private TraceEntry take(boolean force) {
        return staged.take(force, defaultHostChannel());
    }

    @Override
    public final TraceEntry next() throws IOException {
        if (pending != null) {
            TraceEntry before = take(true);
            if (before != null) {
                return before;
            }
            IOException e = pending;
            pending = null;
            ended = true;
            throw e;
        }
        while (true) {
            TraceEntry e = take(ended);
            if (e != null) {
                return e;
            }
            if (ended) {
                return null;
            }
            advance();
        }
    }

    private void advance() throws IOException {
        long line = in.line();
        boolean more;
        try {
            more = step();
        } catch (TraceFormatException e) {
            if (!options.keepGoing() || probe) {
                throw e;
            }
            beforeGap();
            gap(e, line);
            return;
        }
        if (!more) {
            // the end: nothing is read after it, so keep-going cannot skip past a failure here
            ended = true;
            finish();
            end();
        }
    }

    private void end() throws TraceFormatException {
        if (!staged.anyData()) {
            throw broken(1, "no " + expected() + " found");
        }
        if (time.backwards() > 0) {
            warnings.add(in.source() + ": " + time.backwards()
                    + " time stamps went back in time; their entries are kept in file order at the time before");
        }
        sides.decide(true, defaultHostChannel());
        if (sides.doubt() != null) {
            doubt(sides.doubt());
        }
        long left = skipped.total();
        if (left > 0) {
            warnings.add(in.source() + ": " + left + (left == 1 ? " line was" : " lines were")
                    + " not AT traffic and " + (left == 1 ? "was" : "were") + " left out ("
                    + String.join(", ", skipped.all().stream().map(s -> s.count() + " " + s.reason()).toList())
                    + "; import --explain shows them)");
        }
        LogLayout l = layout();
        if (!l.sure()) {
            warnings.add(in.source() + ": " + l.warning());
        }
    }

    /** Skips a broken unit with keep-going: one gap marker for a run of broken lines. */
    private void gap(TraceFormatException e, long line) {
        long at = e.location().line() < 0 ? line : e.location().line();
        resync();
        Marker m = staged.lastGap();
        if (m != null && lastGapLine >= 0 && at <= lastGapLine + 1) {
            staged.dropLast();
            warnings.set(warnings.size() - 1, m.text().substring(NOT_IMPORTED.length())
                    + " (and up to line " + at + "); skipped (--keep-going)");
            emit(new Marker(m.timeMicros(), null, Marker.Kind.GAP, m.text(), m.line()));
            lastGapLine = at;
            return;
        }
        warnings.add(e.getMessage() + "; skipped up to the next line (--keep-going)");
        emit(new Marker(Math.max(time.current(), staged.latest()), null, Marker.Kind.GAP, NOT_IMPORTED + e.getMessage(), at));
        lastGapLine = at;
    }

    @Override
    public final TraceMetadata metadata() {
        if (metadata == null) {
            try {
                while (staged.isEmpty() && !ended) {
                    advance();
                }
            } catch (IOException e) {
                pending = e;
            }
            metadata = describe(new TraceMetadata(in.source(), null, null, 0, time.start(), time.synthetic(),
                    Map.of("imported-from", format.id())));
        }
        return metadata;
    }

    /** The layout as far as it is known: complete once every entry was read. */
    LogLayout layout() {
        String t = timeWords != null ? timeWords
                : time.synthetic() ? "none: made-up times 1 ms apart keep only the order"
                : "stamps in the log";
        return new LogLayout(format.id(), sides.sides(), t, stripped, skipped.all(), doubts);
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
