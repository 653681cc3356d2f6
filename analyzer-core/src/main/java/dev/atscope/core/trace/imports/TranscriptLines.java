package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The lines of a terminal transcript ({@link TraceFormat#TRANSCRIPT}), which carry no marker of
 * their side: each line, or each part of a line a carriage return started over, goes to the side
 * the grammar gives it ({@link TranscriptSides}); uploads and bodies in data mode go with the side
 * in data mode ({@link LineFramer}); prints of the program and comments are left out.
 */
final class TranscriptLines {

    /** What the reader does with what a line holds. */
    interface Sink {
        void skip(String reason, long line, String text);

        void emit(long t, Direction side, byte[] bytes, long line);

        /** The time of a line's parts: its stamp, or the one carried from a line before. */
        long timeOf(TextLayout.Parts p);

        void missingUpload(long t, long line);

        /** The side of the last line handed out, or null. */
        Direction lastSide();

        void lastSide(Direction side);
    }

    private final LineFramer framer;
    private final TranscriptSides transcript;
    /** The final results the grammar knows ({@link AtText#results}). */
    private final Set<String> results;
    private final Sink sink;

    TranscriptLines(LineFramer framer, TranscriptSides transcript, Set<String> results, Sink sink) {
        this.framer = framer;
        this.transcript = transcript;
        this.results = results;
        this.sink = sink;
    }

    /** Hands out what a transcript line (its parts split by the layout) holds. */
    void line(TextLayout layout, TextLayout.Parts p, long number, String text) {
        String body = p.payload();
        while (body.endsWith("\r")) {
            body = body.substring(0, body.length() - 1);
        }
        if (Pastes.isComment(body)) {
            sink.skip(TextLayout.COMMENT, number, text);
            return;
        }
        if (!layout.escapes().isEmpty()) {
            spelled(layout, p, number, text);
            return;
        }
        long t = -1;
        // a carriage return inside a line starts the line over on a terminal: each part is a line
        for (String part : body.split("\r", -1)) {
            String s = Pastes.unwrap(part).strip();
            if (s.isEmpty() && !framer.inBody()) {
                continue;
            }
            if (t < 0) {
                t = sink.timeOf(p);
            }
            if (framer.placeholder(Direction.HOST_TO_MODULE, s)) {
                sink.missingUpload(t, number);
                sink.skip(TextLogReader.PLACEHOLDER, number, text);
                continue;
            }
            if (framer.awaitingUpload()) {
                AtText.Kind kind = transcript.gluedCommand(s) > 0 ? AtText.Kind.RESULT : AtText.kind(s, results);
                if (!kind.traffic()) {
                    sink.emit(t, Direction.HOST_TO_MODULE, framer.frame(Direction.HOST_TO_MODULE, latin1(part)), number);
                    continue;
                }
                // a command or the module's answer: the upload is over, or was never logged
                Direction said = kind == AtText.Kind.COMMAND ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
                if (framer.uploadMissing(said, s)) {
                    sink.missingUpload(t, number);
                } else {
                    framer.endUpload();
                }
            }
            if (framer.inBody() && AtText.kind(s, results) != AtText.Kind.COMMAND) {
                sink.emit(t, Direction.MODULE_TO_HOST, framer.frame(Direction.MODULE_TO_HOST, latin1(part)), number);
                continue;
            }
            for (TranscriptSides.Piece piece : transcript.pieces(s, t, layout.time() != TextLayout.Time.NONE, layout.echo())) {
                if (piece.side() == null) {
                    sink.skip(TranscriptSides.PRINT, number, text);
                    continue;
                }
                sink.emit(t, piece.side(), framer.frame(piece.side(), latin1(piece.text())), number);
            }
        }
    }

    /**
     * A transcript line that spells its control bytes ({@code +CPIN: READY<CR><LF>}): its bytes are
     * what it spells; its side is the grammar's, and a line of line ends alone is the side's before.
     */
    private void spelled(TextLayout layout, TextLayout.Parts p, long number, String text) {
        byte[] bytes = Escapes.decode(p.payload(), layout.escapes());
        if (layout.spellsLineEnds() && bytes.length == p.payload().length() && !framer.inBody()) {
            // where the traffic shows its line ends, a line that shows none is the program's print
            sink.skip(TranscriptSides.PRINT, number, text);
            return;
        }
        String s = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        long t = sink.timeOf(p);
        if (s.isEmpty()) {
            Direction side = sink.lastSide() != null ? sink.lastSide() : Direction.MODULE_TO_HOST;
            sink.emit(t, side, bytes, number);
            return;
        }
        List<TranscriptSides.Piece> pieces = transcript.pieces(s, t, layout.time() != TextLayout.Time.NONE, layout.echo());
        if (pieces.size() == 1) {
            Direction side = pieces.get(0).side();
            if (side == null) {
                sink.skip(TranscriptSides.PRINT, number, text);
                return;
            }
            sink.emit(t, side, layout.spellsLineEnds() ? bytes : framer.frame(side, bytes), number);
            sink.lastSide(side);
            return;
        }
        for (TranscriptSides.Piece piece : pieces) {
            if (piece.side() == null) {
                sink.skip(TranscriptSides.PRINT, number, text);
            } else {
                sink.emit(t, piece.side(), framer.frame(piece.side(), latin1(piece.text())), number);
                sink.lastSide(piece.side());
            }
        }
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
