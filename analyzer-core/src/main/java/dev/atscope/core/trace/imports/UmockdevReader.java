package dev.atscope.core.trace.imports;

import java.io.IOException;

/**
 * Reads umockdev serial scripts (umockdev {@code docs/script-format.txt}): one operation a line,
 * {@code r <ms> <data>} for bytes the program read from the device (the module's), {@code w <ms>
 * <data>} for bytes it wrote (the host's), the number being the milliseconds since the previous
 * operation; {@code f} (fuzz) lines are skipped and {@code Q} ends the script.
 */
final class UmockdevReader extends LogTraceReader {

    private long elapsedMicros;
    private boolean stopped;

    UmockdevReader(LineSource in, ImportOptions options, boolean probe) {
        super(in, TraceFormat.UMOCKDEV, options, probe);
        describeTime("each operation's milliseconds since the one before");
        describeStripped("the operation letter and its delay; ^J-style escapes read");
    }

    @Override
    String defaultHostChannel() {
        return "w";
    }

    @Override
    String expected() {
        return "umockdev script line ('r <ms> <data>' or 'w <ms> <data>')";
    }

    @Override
    boolean step() throws IOException {
        if (stopped) {
            return false;
        }
        long line = in.line();
        String s = in.readLine();
        if (s == null) {
            return false;
        }
        if (s.isEmpty()) {
            return true;
        }
        if (s.startsWith("#")) {
            skip("comments", line, s);
            return true;
        }
        char op = s.charAt(0);
        if (op == 'Q' && (s.length() == 1 || s.charAt(1) == ' ')) {
            stopped = true;
            return false;
        }
        if (s.length() < 3 || s.charAt(1) != ' ' || "rwf".indexOf(op) < 0) {
            throw broken(line, "'" + clip(s) + "'; expected an operation 'r <ms> <data>', 'w <ms> <data>', 'f <percent> -' or 'Q'");
        }
        int sp = s.indexOf(' ', 2);
        String number = sp < 0 ? s.substring(2) : s.substring(2, sp);
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw broken(line, "'" + clip(number) + "' after '" + op + "'; expected a whole number of milliseconds");
        }
        if (value < 0 || value > 1_000_000_000L) {
            throw broken(line, "delay " + value + " ms; expected 0 to 1000000000");
        }
        if (op == 'f') {
            return true;
        }
        if (!in.lastTerminated() && probe) {
            return true; // the probe's cut may fall inside the data
        }
        elapsedMicros += value * 1000;
        byte[] data;
        try {
            data = Escapes.umockdev(sp < 0 ? "" : s.substring(sp + 1));
        } catch (IllegalArgumentException e) {
            throw broken(line, e.getMessage());
        }
        emit(time.at(new LogTime.Stamp(elapsedMicros, LogTime.Kind.RELATIVE, 0)), String.valueOf(op), data, line);
        return true;
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
