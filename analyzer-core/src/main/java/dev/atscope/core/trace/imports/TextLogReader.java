package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Marker;
import dev.atscope.core.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads the text logs that no tool defines: home-grown logs whose lines carry a marker of their
 * side ({@link TraceFormat#PREFIXED}: {@code <- AT+CGMI (20732)}, {@code [SEND][ 3][AT\r]},
 * {@code TX: AT}) and terminal transcripts that carry none ({@link TraceFormat#TRANSCRIPT}: minicom,
 * PuTTY with its {@code =~=~= PuTTY log ... =~=~=} header, screen, tio, the Arduino monitor, text
 * pasted into a ticket). The layout is learned from the first lines ({@link LayoutLearner}):
 * markers and their sides, a prefix, the time, escapes; then each line is split by it. In a
 * transcript the grammar gives each line its side ({@link TranscriptSides}). Lines a log leaves
 * without line ends get them back from {@link LineFramer}; lines that are no traffic are left out
 * and counted.
 */
final class TextLogReader extends LogTraceReader {

    /** Lines looked at to learn the layout (or fewer, when they hold {@link #LEARN_CHARS}). */
    static final int LEARN_LINES = 4000;
    /** Characters looked at to learn the layout. */
    static final int LEARN_CHARS = 1 << 16;
    /** Where lines with no marker go, when the layout marks only the other side's. */
    private static final String UNMARKED = "(no marker)";
    /** Where bare results go that continue the module's marked lines. */
    private static final String UNMARKED_MODULE = "(no marker, after the module's)";

    private record Raw(long number, String text, boolean terminated) {}

    /** Why a line is left out: it gives the time of the lines after it. */
    static final String TIME_LINES = "lines that give the time of the lines after them";
    /** Why a line is left out: the log shows it in place of an upload it leaves out. */
    static final String PLACEHOLDER = "placeholders the log shows in place of an upload";
    /** Why a piece of a line is left out: a print glued to the traffic. */
    static final String GLUED = "prints glued to the end of a traffic line";

    private final ArrayDeque<Raw> ahead = new ArrayDeque<>();
    private final PrintsSeen prints = new PrintsSeen();
    private final LineFramer framer;
    private final TranscriptSides transcript;
    /** The lines of a transcript, each put on the side the grammar gives it. */
    private final TranscriptLines transcriptLines;
    /** The final results the grammar knows ({@link AtText#results}). */
    private final java.util.Set<String> results;
    private final TraceFormat format;
    private TextLayout layout;
    private boolean noMarkers;
    private Direction lastSide;
    /** The time a line of its own gave, for the lines after it that have none. */
    private LogTime.Stamp carried;
    /** A marker whose quote is still open: the next lines without a marker are its. */
    private TextLayout.Marker open;
    private Instant puttyStart;
    private long uploadsMissing;
    private long firstMissing = -1;
    /** The host's last command line and the module's lines after it, while its echo may still come. */
    private final EchoOrder echoOrder = new EchoOrder(this::emit);

    TextLogReader(LineSource in, TraceFormat format, ImportOptions options, boolean probe) {
        super(in, format, options, probe);
        this.format = format;
        this.framer = new LineFramer(options.model());
        this.transcript = new TranscriptSides(options.model());
        this.results = AtText.results(options.model());
        this.transcriptLines = new TranscriptLines(framer, transcript, results, new TranscriptLines.Sink() {
            @Override
            public void skip(String reason, long line, String text) {
                TextLogReader.this.skip(reason, line, text);
            }

            @Override
            public void emit(long t, Direction side, byte[] bytes, long line) {
                TextLogReader.this.emit(t, side, bytes, line);
            }

            @Override
            public long timeOf(TextLayout.Parts p) {
                return TextLogReader.this.timeOf(stampOf(p));
            }

            @Override
            public void missingUpload(long t, long line) {
                TextLogReader.this.missingUpload(t, line);
            }

            @Override
            public Direction lastSide() {
                return lastSide;
            }

            @Override
            public void lastSide(Direction side) {
                lastSide = side;
            }
        });
    }

    @Override
    String expected() {
        return format == TraceFormat.PREFIXED
                ? "line with a marker of its side (one marker on command lines, another on results; patterns "
                        + String.join(", ", options.patterns().names()) + ")"
                : "AT command line in a text transcript";
    }

    @Override
    TraceMetadata describe(TraceMetadata m) {
        return m.start() == null && puttyStart != null ? m.withStart(puttyStart) : m;
    }

    @Override
    String sideName(Direction dir) {
        return dir == Direction.HOST_TO_MODULE ? "command lines" : "answers";
    }

    @Override
    String sideWhy() {
        return "no markers: command lines are the host's, results, answers and URCs the module's";
    }

    @Override
    boolean step() throws IOException {
        if (layout == null) {
            learn();
        }
        if (noMarkers) {
            return false;
        }
        Raw raw = ahead.poll();
        if (raw == null) {
            long number = in.line();
            String text = in.readLine();
            if (text == null) {
                return false;
            }
            raw = new Raw(number, text, in.lastTerminated());
        }
        line(raw);
        return true;
    }

    /** Reads the first lines ahead and learns the layout from them. */
    private void learn() throws IOException {
        LayoutLearner learner = new LayoutLearner(options);
        long chars = 0;
        while (ahead.size() < LEARN_LINES && chars < LEARN_CHARS) {
            long number = in.line();
            String text = in.readLine();
            if (text == null) {
                break;
            }
            ahead.add(new Raw(number, text, in.lastTerminated()));
            chars += text.length();
            learner.add(text);
        }
        LayoutLearner.Learned learned = learner.learn();
        TextLayout l = learned.layout();
        if (format == TraceFormat.TRANSCRIPT && l.mode() == TextLayout.Mode.MARKERS) {
            // read as a transcript when told to: markers are taken off, the grammar decides the sides
            l = new TextLayout(TextLayout.Mode.TRANSCRIPT, l.markers(), null, null, l.indent(), l.time(),
                    l.bareMicros(), l.escapes(), l.spellsLineEnds(), l.echo(), l.patterns());
        }
        layout = l;
        noMarkers = format == TraceFormat.PREFIXED && l.mode() == TextLayout.Mode.TRANSCRIPT;
        describeTime(learned.timeWords());
        if (learned.timed()) {
            time.expectStamps();
        }
        learned.stripped().forEach(this::describeStripped);
        learned.doubts().forEach(this::doubt);
        if (l.mode() == TextLayout.Mode.MARKERS) {
            for (TextLayout.Marker m : l.markers()) {
                assign(m.name(), m.side(), m.why());
            }
            if (l.unmarked() != null) {
                assign(UNMARKED, l.unmarked(), "the other side's lines carry a marker and these none");
            }
        }
    }

    private void line(Raw raw) throws IOException {
        String text = raw.text();
        long number = raw.number();
        if (probe) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r' && c != 0x1b || c == 0x7f) {
                    throw broken(number, String.format("control byte 0x%02x; expected text", (int) c));
                }
            }
            if (!raw.terminated()) {
                return; // the probe's cut may fall inside this line
            }
        }
        if (number == 1 && PuttyHeader.is(text)) {
            putty(text);
            return;
        }
        if (text.isBlank() && !framer.inBody()) {
            return;
        }
        TextLayout.Parts p = layout.split(text, stamp(text, number));
        if (p.skip() != null) {
            skip(p.skip(), number, text);
            return;
        }
        if (p.marker() == null && open == null) {
            LogTime.Stamp label = LogTime.labelled(p.payload());
            if (label != null) {
                // "接收:35:06.111961": the time of the lines that follow
                carried = label;
                describeTime("a time on a line of its own before what was received, carried to the lines after it");
                skip(TIME_LINES, number, text);
                return;
            }
        }
        if (layout.mode() == TextLayout.Mode.MARKERS) {
            marked(p, number, text);
        } else {
            transcribed(p, number, text);
        }
    }

    private void marked(TextLayout.Parts p, long number, String text) {
        Direction side;
        String channel;
        if (p.marker() != null) {
            side = p.marker().side();
            channel = p.marker().name();
        } else if (open != null) {
            // the rest of a quoted block that a marker opened on an earlier line
            side = open.side();
            channel = open.name();
        } else {
            AtText.Kind kind = AtText.kind(p.payload().strip(), results);
            side = null;
            if (layout.unmarked() == Direction.MODULE_TO_HOST
                    || layout.unmarked() == Direction.HOST_TO_MODULE && kind == AtText.Kind.COMMAND) {
                side = layout.unmarked();
            } else if (lastSide == Direction.MODULE_TO_HOST
                    && (kind == AtText.Kind.RESULT || kind == AtText.Kind.INFORMATION)) {
                // a library that prints the first line of an answer with its marker and the rest bare
                side = Direction.MODULE_TO_HOST;
            }
            if (side == null) {
                skip(TextLayout.NO_MARKER, number, text);
                prints.remember(p.payload().strip());
                return;
            }
            channel = side == layout.unmarked() ? UNMARKED : UNMARKED_MODULE;
            assign(channel, side, side == layout.unmarked() ? "the other side's lines carry a marker and these none"
                    : "bare results right after the module's lines continue them");
        }
        String quoted = p.payload();
        if (p.marker() != null || open != null) {
            TextLayout.Marker m = p.marker() != null ? p.marker() : open;
            char q = m.head().closer();
            String end = quoted.stripTrailing();
            if ((q == '"' || q == '\'') && m.closer() == 0 && (open != null || end.indexOf(q) < 0
                    || end.charAt(end.length() - 1) == q && end.indexOf(q) == end.length() - 1)) {
                // a quote opened by the marker: the block goes on until a line that closes it
                if (!end.isEmpty() && end.charAt(end.length() - 1) == q) {
                    quoted = end.substring(0, end.length() - 1);
                    open = null;
                } else {
                    open = m;
                    quoted = quoted + "\n";
                }
            }
        }
        String payload = unglue(quoted, number);
        List<String> items = p.marker() != null ? Pastes.listItems(channel, payload) : null;
        if (items != null) {
            // a program that prints the lines it read as a list ("['+CFUN: 1', 'OK']"): each item a line
            long t = timeOf(stampOf(p));
            for (String item : items) {
                out(t, channel, side, framer.frame(side, Escapes.c(item)), number);
            }
            lastSide = side;
            return;
        }
        byte[] bytes = layout.escapes().isEmpty() ? payload.getBytes(StandardCharsets.ISO_8859_1)
                : Escapes.decode(payload, layout.escapes());
        if (bytes.length == 0 && !framer.inBody()) {
            return;
        }
        long t = timeOf(stampOf(p));
        String shown = new String(bytes, StandardCharsets.ISO_8859_1);
        if (framer.placeholder(side, shown)) {
            missingUpload(t, number);
            skip(PLACEHOLDER, number, text);
            return;
        }
        if (framer.uploadMissing(side, shown)) {
            missingUpload(t, number);
        }
        // a marker whose lines show their line ends gets none added (a command in pieces stays in pieces)
        boolean spelled = p.marker() != null ? p.marker().spells() : open != null && open.spells();
        out(t, channel, side, spelled ? bytes : framer.frame(side, bytes), number);
        lastSide = side;
    }

    private void transcribed(TextLayout.Parts p, long number, String text) {
        transcriptLines.line(layout, p, number, text);
    }

    @Override
    void resync() {
        flushHeld(); // before the gap marker of a broken line, which comes after them
    }

    /** Hands out a line of a marked log, a command line after its echo ({@link EchoOrder}). */
    private void out(long t, String channel, Direction side, byte[] bytes, long number) {
        echoOrder.out(t, channel, side, bytes, number);
    }

    /** Hands out the held lines as the log has them. */
    private void flushHeld() {
        echoOrder.flush();
    }

    /**
     * A line's traffic without what the log glued after it: a print seen on a line of its own
     * before ({@code <--\ufffdWaiting for echo...}) or the marker of the next, empty line ({@code
     * -->This is the body<--}); what is cut off is counted as left out.
     */
    private String unglue(String payload, long number) {
        String print = prints.endOf(payload);
        if (print != null) {
            skip(GLUED, number, print);
            return payload.substring(0, payload.length() - print.length());
        }
        for (TextLayout.Marker m : layout.markers()) {
            String shown = m.head().shown();
            if (shown.length() >= 2 && payload.length() > shown.length() && payload.endsWith(shown)) {
                return payload.substring(0, payload.length() - shown.length());
            }
        }
        return payload;
    }

    /** A line's time: its own stamp, else the one a time line before it gave. */
    private LogTime.Stamp stampOf(TextLayout.Parts p) {
        return p.stamp() != null ? p.stamp() : carried;
    }

    private void missingUpload(long t, long number) {
        flushHeld();
        uploadsMissing++;
        if (firstMissing < 0) {
            firstMissing = number;
        }
        emit(new Marker(t, Direction.HOST_TO_MODULE, Marker.Kind.GAP, LineFramer.UPLOAD_NOT_IN_LOG, number));
    }

    private void putty(String header) throws IOException {
        puttyStart = PuttyHeader.start(header);
        if (puttyStart == null) {
            throw broken(1, "PuTTY log header with a date that does not exist: " + PuttyHeader.date(header));
        }
        describeStripped("PuTTY's log header (the start of the log)");
    }

    @Override
    void finish() throws IOException {
        flushHeld();
        if (uploadsMissing > 0) {
            warn(firstMissing, uploadsMissing + (uploadsMissing == 1 ? " upload is" : " uploads are")
                    + " not in the log (the module answered, or the next command came, before any data)");
        }
        if (format == TraceFormat.TRANSCRIPT && transcript.commands() == 0) {
            throw broken(1, "no AT command line" + (probe ? " in the first part of the file" : "")
                    + "; expected a transcript with commands such as AT+CGMI");
        }
    }
}
