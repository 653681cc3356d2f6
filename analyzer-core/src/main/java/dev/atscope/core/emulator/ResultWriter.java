package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the module writes its answers on the UART, as V.250 and AT+CMEE set it: information lines,
 * URCs and result codes, in words or (after ATV0) as digits from the basic library's table, none
 * after ATQ1, and {@code +CME ERROR} as {@code ERROR}, a number or its text from the grammar.
 */
final class ResultWriter {

    private final ProtocolRegistry registry;
    private OutputStream out;
    /** Sees every byte written (the module's model). */
    private final java.util.function.Consumer<byte[]> written;

    /** ATV: results in words (true) or digits. */
    boolean verbose;
    /** ATQ: no result codes. */
    boolean quiet;
    /** AT+CMEE: 0 ERROR, 1 the code, 2 the code's text. */
    int cmee;

    ResultWriter(ProtocolRegistry registry, java.util.function.Consumer<byte[]> written) {
        this.registry = registry;
        this.written = written;
    }

    /** Writes to this stream from now on (the link being served). */
    void connect(OutputStream stream) {
        this.out = stream;
    }

    /** The settings after a restart or AT&F. */
    void settingsAtBoot(int cmeeAtBoot) {
        verbose = true;
        quiet = false;
        cmee = cmeeAtBoot;
    }

    /** An information line of the command's answer. */
    void info(String line) throws IOException {
        write((verbose ? "\r\n" + line + "\r\n" : line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An unsolicited result code. */
    void urc(String line) throws IOException {
        write(("\r\n" + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A command's result code. */
    void result(Result r) throws IOException {
        if (quiet && r.kind() != Result.Kind.DONE) {
            return;
        }
        String text;
        String digit;
        switch (r.kind()) {
            case OK -> {
                text = "OK";
                digit = digit(text);
            }
            case ERROR -> {
                text = "ERROR";
                digit = digit(text);
            }
            case CME -> {
                if (cmee == 0) {
                    text = "ERROR";
                    digit = digit(text);
                } else {
                    int code = r.when() != null ? r.when().code(registry) : r.code();
                    String meaning = registry.cmeMeaning(code);
                    text = "+CME ERROR: " + (cmee == 2 && meaning != null ? meaning : Integer.toString(code));
                    digit = null;
                }
            }
            case TEXT -> {
                text = r.text();
                digit = registry.connect(r.text(), false) ? digit(r.text()) : null;
            }
            default -> {
                return;
            }
        }
        if (verbose) {
            write(("\r\n" + text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        } else {
            write((digit != null ? digit + "\r" : text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** The test form's answer, built from the grammar's write form: {@code +QHTTPURL: (1-450),(1-65535)}. */
    String testAnswer(AtCommand c) {
        Grammar.FormSpec w = registry.command(c.name()).map(s -> s.forms().get("write")).orElse(null);
        List<String> parts = new ArrayList<>();
        if (w != null) {
            for (Grammar.ParamSpec p : w.params()) {
                if (!p.values().isEmpty()) {
                    parts.add("(" + String.join(",", p.values().keySet()) + ")");
                } else if (p.min() != null && p.max() != null) {
                    parts.add("(" + p.min() + "-" + p.max() + ")");
                } else {
                    parts.add("<" + p.name() + ">");
                }
            }
        }
        return c.name() + ": " + String.join(",", parts);
    }

    /** The answer of a form that only reports: the test form's line, then OK; the other forms OK alone. */
    Result test(AtCommand c) throws IOException {
        if (c.form() == CommandForm.TEST) {
            info(testAnswer(c));
        }
        return Result.OK; // the read forms of AT+QSECWRITE, AT+QSECREAD, AT+QSECDEL answer OK (§2.2.2-4)
    }

    /** Bytes as they are: the echo, a body. */
    void write(byte[] b) throws IOException {
        if (b.length > 0) {
            out.write(b);
            out.flush();
            written.accept(b);
        }
    }

    /** A result code's digit under ATV0, from the basic library's table. */
    private String digit(String text) {
        return registry.resultCode(text, false).map(r -> Integer.toString(r.digit())).orElse(null);
    }
}
