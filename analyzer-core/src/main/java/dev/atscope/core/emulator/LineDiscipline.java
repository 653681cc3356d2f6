package dev.atscope.core.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The UART in command mode: bytes become command lines at CR (a LF after it is ignored, backspace
 * and DEL erase), echoed back as they come when ATE1 is on, each line handed over whole.
 */
final class LineDiscipline {

    /** The longest command line kept (the grammar's {@code commandLineBytes}); the rest of a longer one is dropped. */
    private final int maxLine;

    /** What a whole command line goes to. */
    @FunctionalInterface
    interface LineHandler {
        void line(String text) throws IOException, InterruptedException;
    }

    /** ATE: echo what the host types. */
    boolean echo;

    LineDiscipline(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Reads lines until the link ends, echoing through {@code answers} and handing each to {@code handler}. */
    void run(ByteInbox in, ResultWriter answers, LineHandler handler) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        boolean afterCr = false;
        int b;
        while ((b = in.next(-1)) != ByteInbox.END) {
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (echo) {
                echoed.write(b);
            }
            if (b == '\r') {
                answers.write(echoed.toByteArray());
                echoed.reset();
                String l = line.toString();
                line.setLength(0);
                handler.line(l);
                continue;
            }
            if (b == 8 || b == 127) {
                line.setLength(Math.max(0, line.length() - 1));
            } else if (line.length() < maxLine) {
                line.append((char) b);
            }
            if (in.buffered() == 0 && echoed.size() > 0) {
                answers.write(echoed.toByteArray());
                echoed.reset();
            }
        }
    }
}
