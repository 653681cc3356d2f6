package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.SourceLocation;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceFormatException;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared shape of the importers of text logs: a subclass reads a unit of its format at a time
 * ({@link #step()}) and hands out entries; this class keeps them in order, turns stamps into trace
 * times, names channels as host or module where the log does not, marks broken units as gaps when
 * asked to keep going, and builds the metadata once the first entry is known.
 *
 * <p>Logs that name their sides by a port or an arrow ({@code >}, {@code /dev/ttyS1}) say nothing
 * about which is the host: the channel that first sends {@code AT} at the start of a line is the
 * host (the module's echo always follows the host's command). Entries wait, in bounded number,
 * until that is known; after {@link #MAX_WAITING} entries, or at the end, the format's default
 * applies.
 */
abstract class LogTraceReader implements TraceReader {

    /** How the text of a gap marker for a broken part starts. */
    static final String NOT_IMPORTED = "not imported: ";

    /** Entries held while the sides of the channels are unknown. */
    static final int MAX_WAITING = 4096;

    protected final LineSource in;
    protected final TimeLine time = new TimeLine();
    protected final ImportOptions options;
    /** True when the input is the first part of a file, cut anywhere (format detection). */
    protected final boolean probe;
    private final TraceFormat format;
    private final ArrayDeque<Staged> staged = new ArrayDeque<>();
    private final Map<String, Direction> channels = new HashMap<>();
    private final Map<String, Integer> channelState = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> channelOrder = new ArrayList<>();
    private TraceMetadata metadata;
    private boolean ended;
    private long chunks;
    /** The last line of the latest keep-going gap, or -1. */
    private long lastGapLine = -1;
    /** A failure met while reading ahead for the metadata, thrown by the next call to next(). */
    private IOException pending;

    private record Staged(TraceEntry entry, String channel, long time, byte[] data, long line) {}

    LogTraceReader(LineSource in, TraceFormat format, ImportOptions options, boolean probe) {
        this.in = in;
        this.format = format;
        this.options = options;
        this.probe = probe;
    }

    /**
     * Reads the next unit of the format and hands out what it holds.
     *
     * @return false at the end of the input
     * @throws TraceFormatException when the unit breaks the format
     */
    abstract boolean step() throws IOException;

    /** Called after a broken unit was skipped (with keep-going), to start afresh at the next line. */
    void resync() {}

    /** Called at the end of the input; may hand out a last unit or fail on one cut short. */
    void finish() throws IOException {}

    /** What the format looks like, for the message when a file holds none of it. */
    abstract String expected();

    // ---- logs that mix AT traffic with other output (syslog, journal, firmware traces)

    /** Non-blank lines passed over as other log output. */
    private long otherLines;
    /** The number of the line {@link #readLine()} read last. */
    long lastLine;
    /** The text of that line. */
    String lastText;

    /** Reads the next line into {@link #lastLine} and {@link #lastText}; false at the end of the input. */
    final boolean readLine() throws IOException {
        lastLine = in.line();
        lastText = in.readLine();
        return lastText != null;
    }

    /**
     * The pattern found in the last line read, or null when the line is other log output (counted,
     * when not blank, for the warning at the end).
     */
    final java.util.regex.Matcher find(java.util.regex.Pattern p) {
        java.util.regex.Matcher m = p.matcher(lastText);
        if (m.find()) {
            return m;
        }
        other(lastText);
        return null;
    }

    /** Counts a line that is not traffic, unless it is blank. */
    final void other(String line) {
        if (!line.isBlank()) {
            otherLines++;
        }
    }

    /** The time of a line: its leading time stamp, or the next step of made-up time when it has none. */
    final long timeOf(LogTime.Stamp stamp) {
        return stamp != null ? time.at(stamp) : time.next();
    }

    /** Warns, once at the end, how many lines of other output were left out, in the format's words. */
    final void warnOtherLines(String what) {
        if (otherLines > 0) {
            warn(-1, otherLines + " " + what);
        }
    }

    /** The channel that is the host when the log never shows which one is. */
    String defaultHostChannel() {
        return channelOrder.isEmpty() ? null : channelOrder.get(0);
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

    /** Hands out bytes of a known direction. */
    protected final void emit(long t, Direction dir, byte[] data, long line) {
        if (data.length == 0) {
            return;
        }
        staged.add(new Staged(new Chunk(t, dir, data, line), null, t, data, line));
    }

    /** Hands out a marker. */
    protected final void emit(Marker m) {
        staged.add(new Staged(m, null, m.timeMicros(), null, m.line()));
    }

    /** Hands out bytes of a channel whose side may not be known yet. */
    protected final void emit(long t, String channel, byte[] data, long line) {
        if (data.length == 0) {
            return;
        }
        if (!channels.containsKey(channel) && !channelOrder.contains(channel)) {
            channelOrder.add(channel);
        }
        Direction d = channels.get(channel);
        if (d != null) {
            emit(t, d, data, line);
            return;
        }
        learn(channel, data);
        staged.add(new Staged(null, channel, t, data, line));
    }

    /** Names a channel's side, when the log says it. */
    protected final void assign(String channel, Direction dir) {
        channels.put(channel, dir);
    }

    /** Watches a channel's bytes for {@code AT} at the start of a line. */
    private void learn(String channel, byte[] data) {
        int state = channelState.getOrDefault(channel, 0);
        for (byte b : data) {
            if (state == 1 && (b == 'T' || b == 't')) {
                channels.put(channel, Direction.HOST_TO_MODULE);
                for (String other : channelOrder) {
                    if (!other.equals(channel)) {
                        channels.putIfAbsent(other, Direction.MODULE_TO_HOST);
                    }
                }
                return;
            }
            state = b == '\r' || b == '\n' ? 0 : state == 0 && (b == 'A' || b == 'a') ? 1 : 2;
        }
        channelState.put(channel, state);
    }

    private void settleChannels() {
        String host = channels.entrySet().stream().filter(e -> e.getValue() == Direction.HOST_TO_MODULE)
                .map(Map.Entry::getKey).findFirst().orElse(defaultHostChannel());
        for (String c : channelOrder) {
            channels.putIfAbsent(c, c.equals(host) ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST);
        }
    }

    /** Moves entries whose side is known to the output, in order. */
    private TraceEntry take(boolean force) {
        if (staged.isEmpty()) {
            return null;
        }
        Staged s = staged.peekFirst();
        if (s.entry == null) {
            Direction d = channels.get(s.channel);
            if (d == null) {
                if (!force && staged.size() < MAX_WAITING) {
                    return null;
                }
                settleChannels();
                d = channels.get(s.channel);
            }
            staged.pollFirst();
            return count(new Chunk(s.time, d, s.data, s.line));
        }
        if (!force && staged.size() == 1 && s.entry instanceof Marker m && m.text().startsWith(NOT_IMPORTED)) {
            return null; // the next lines may be broken too and belong to the same gap
        }
        staged.pollFirst();
        return count(s.entry);
    }

    private TraceEntry count(TraceEntry e) {
        if (e instanceof Chunk) {
            chunks++;
        }
        return e;
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
        try {
            if (!step()) {
                finish();
                ended = true;
                if (chunks == 0 && staged.stream().noneMatch(s -> s.data != null)) {
                    throw broken(1, "no " + expected() + " found");
                }
                if (time.backwards() > 0) {
                    warnings.add(in.source() + ": " + time.backwards()
                            + " time stamps went back in time; their entries are kept in file order at the time before");
                }
            }
        } catch (TraceFormatException e) {
            if (!options.keepGoing() || probe || ended) {
                throw e;
            }
            long at = e.location().line() < 0 ? line : e.location().line();
            resync();
            // a run of broken lines is one gap: extend the last one while nothing came after it
            if (staged.peekLast() != null && staged.peekLast().entry() instanceof Marker m
                    && m.kind() == Marker.Kind.GAP && lastGapLine >= 0 && at <= lastGapLine + 1) {
                staged.pollLast();
                warnings.set(warnings.size() - 1, m.text().substring(NOT_IMPORTED.length())
                        + " (and up to line " + at + "); skipped (--keep-going)");
                emit(new Marker(m.timeMicros(), null, Marker.Kind.GAP, m.text(), m.line()));
                lastGapLine = at;
                return;
            }
            warnings.add(e.getMessage() + "; skipped up to the next line (--keep-going)");
            emit(new Marker(time.current(), null, Marker.Kind.GAP, NOT_IMPORTED + e.getMessage(), at));
            lastGapLine = at;
        }
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

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
