package dev.atscope.core.trace.imports;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.ResponseModel;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.trace.Direction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Puts back the line endings that logs of lines leave out, as V.250 frames them: a host's command
 * line ends with CR, a module's line is CR LF text CR LF. The grammar says where that does not
 * hold: after {@code CONNECT} to a command whose host sends data ({@code AT+QHTTPURL=57,60}), the
 * next host text is that many bytes with nothing added; after {@code CONNECT} to a command whose
 * module sends a body ({@code AT+QHTTPREAD}), each module line (blank ones too) is the text and
 * CR LF, up to the host's next line, which reproduces the body and its final result byte for
 * byte. Text that already holds a CR or LF is taken as it is. After the {@code >} prompt the
 * host's next text is the data it typed, with nothing added.
 *
 * <p>A log often leaves the upload out (the library printed no data): when the module speaks, or
 * the host sends a command line, before any upload byte came, the upload is not in the log ({@link
 * #uploadMissing}); the reader says so and goes on, never taking later lines for the payload. When
 * the module speaks after part of the upload, data mode ends there, short.
 */
final class LineFramer {

    /** The text of the gap marker that stands for an upload the log does not show. */
    static final String UPLOAD_NOT_IN_LOG = "upload not in the log";

    private enum State {
        /** Lines are commands and responses. */
        LINES,
        /** The module said CONNECT and the host sends a counted upload. */
        UPLOAD,
        /** The module said CONNECT and sends a body until its final result. */
        BODY
    }

    private final ResponseModel model;
    /** The final results the grammar knows ({@link AtText#results}). */
    private final java.util.Set<String> results;
    private State state = State.LINES;
    private ResponseShape shape = ResponseShape.PLAIN;
    private long remaining;
    private long lengthAnnounced;
    /** Bytes of the current upload seen so far. */
    private long uploaded;

    LineFramer(ResponseModel model) {
        this.model = model;
        this.results = AtText.results(model);
    }

    /** Whether the next host text is an upload rather than a command line. */
    boolean awaitingUpload() {
        return state == State.UPLOAD;
    }

    /** Whether the module is sending a body, in which blank lines are bytes too. */
    boolean inBody() {
        return state == State.BODY;
    }

    /**
     * Whether the log leaves out the upload the module asked for: data mode is on, nothing of the
     * upload came, and now the module speaks or the host sends a command line. Data mode is then
     * over; the caller marks the gap.
     */
    boolean uploadMissing(Direction dir, String text) {
        if (state != State.UPLOAD || uploaded > 0) {
            return false;
        }
        if (dir == Direction.MODULE_TO_HOST || AtText.isCommand(text.strip(), 0)) {
            state = State.LINES;
            return true;
        }
        return false;
    }

    /**
     * Whether the host's text, where the upload should be, is a placeholder the log printed in its
     * place ({@code (binary)}, {@code <data>}, {@code [payload]}): the whole text in brackets and
     * not the byte count the command announced. Data mode is then over, the upload not in the log.
     */
    boolean placeholder(Direction dir, String text) {
        if (state != State.UPLOAD || uploaded > 0 || dir != Direction.HOST_TO_MODULE) {
            return false;
        }
        String t = text.strip();
        if (t.length() < 3 || t.length() == lengthAnnounced || "([<{".indexOf(t.charAt(0)) < 0
                || t.charAt(t.length() - 1) != ")]>}".charAt("([<{".indexOf(t.charAt(0)))) {
            return false;
        }
        state = State.LINES;
        return true;
    }

    /** Ends data mode: the upload is over (the module answered, or the host went on with a command). */
    void endUpload() {
        if (state == State.UPLOAD) {
            state = State.LINES;
        }
    }

    /** The bytes a line of text stands for, with the framing its side and the state call for. */
    byte[] frame(Direction dir, byte[] text) {
        boolean framed = false;
        for (byte b : text) {
            if (b == '\r' || b == '\n') {
                framed = true;
                break;
            }
        }
        String s = new String(text, StandardCharsets.ISO_8859_1);
        if (dir == Direction.HOST_TO_MODULE) {
            if (state == State.UPLOAD && uploaded > 0 && AtText.isCommand(s.strip(), 0)) {
                state = State.LINES; // a command line after part of the upload: the upload ended short
            }
            if (state == State.UPLOAD) {
                remaining -= text.length;
                uploaded += text.length;
                if (remaining <= 0) {
                    state = State.LINES;
                }
                return text;
            }
            state = State.LINES;
            if (CommandLineParser.isCommandLine(s.strip())) {
                command(s.strip());
            }
            return framed ? text : concat(text, "\r");
        }
        if (state == State.BODY) {
            return framed ? text : concat(text, "\r\n");
        }
        if (state == State.UPLOAD) {
            state = State.LINES; // the module answered before the announced count: the upload ended short
        }
        String line = s.strip();
        if (line.equals(">") && shape.dataMode() != ResponseShape.DataMode.NONE || line.equals(">") && lengthAnnounced > 0) {
            startUpload();
            return framed ? text : "\r\n> ".getBytes(StandardCharsets.ISO_8859_1);
        }
        if (CommandLineParser.isCommandLine(line) && !framed) {
            return concat(line.getBytes(StandardCharsets.ISO_8859_1), "\r"); // the module's echo
        }
        if (shape.startsData(line, line.equals("CONNECT") || line.startsWith("CONNECT "))) {
            if (shape.dataMode() == ResponseShape.DataMode.UPLOAD) {
                startUpload();
            } else if (shape.dataMode() == ResponseShape.DataMode.BODY) {
                state = State.BODY;
            }
        }
        if (framed) {
            return text;
        }
        if (line.length() < s.length() && !line.isEmpty() && AtText.resultLength(line, 0, results) == line.length()) {
            text = line.getBytes(StandardCharsets.ISO_8859_1); // "OK ": a module sends no blank around a result
        }
        byte[] out = new byte[text.length + 4];
        out[0] = '\r';
        out[1] = '\n';
        System.arraycopy(text, 0, out, 2, text.length);
        out[text.length + 2] = '\r';
        out[text.length + 3] = '\n';
        return out;
    }

    private void startUpload() {
        state = State.UPLOAD;
        remaining = lengthAnnounced > 0 ? lengthAnnounced : Long.MAX_VALUE;
        uploaded = 0;
    }

    private void command(String line) {
        List<AtCommand> cmds = CommandLineParser.parse(line);
        AtCommand last = cmds.get(cmds.size() - 1);
        shape = model.shape(last);
        lengthAnnounced = 0;
        if (shape.lengthParam() >= 0 && shape.lengthParam() < last.params().size()) {
            try {
                lengthAnnounced = Long.parseLong(last.params().get(shape.lengthParam()).strip());
            } catch (NumberFormatException e) {
                lengthAnnounced = 0;
            }
        }
    }

    private static byte[] concat(byte[] a, String tail) {
        byte[] out = new byte[a.length + tail.length()];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < tail.length(); i++) {
            out[a.length + i] = (byte) tail.charAt(i);
        }
        return out;
    }
}
