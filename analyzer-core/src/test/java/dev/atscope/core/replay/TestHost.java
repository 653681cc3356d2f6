package dev.atscope.core.replay;

import dev.atscope.core.link.Link;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A host firmware in a few lines: sends a command, reads answer lines up to a final result. */
final class TestHost {

    private static final Set<String> FINALS = Set.of("OK", "ERROR", "DEACT OK", "CONNECT");

    private final Link link;
    private final InputStream in;

    TestHost(Link link) {
        this.link = link;
        this.in = link.input();
    }

    /** Sends a command line and returns the lines up to and with its final result (or CONNECT); echo included. */
    List<String> send(String command) throws IOException {
        write(command + "\r");
        return readAnswer();
    }

    /** Sends raw bytes (an upload after CONNECT) and returns the lines up to the final result. */
    List<String> upload(byte[] data) throws IOException {
        link.output().write(data);
        link.output().flush();
        return readAnswer();
    }

    /** Reads lines up to a final result; a bare answer such as an IP address counts as one. */
    List<String> readAnswer() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = readLine();
            if (l == null) {
                lines.add("<closed>");
                return lines;
            }
            if (l.isEmpty()) {
                continue;
            }
            lines.add(l);
            if (FINALS.contains(l) || l.startsWith("+CME ERROR:") || l.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                return lines;
            }
        }
    }

    /** Reads the next {@code n} non-empty lines. */
    List<String> readLines(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        while (lines.size() < n) {
            String l = readLine();
            if (l == null) {
                lines.add("<closed>");
                return lines;
            }
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Reads until the body's final OK: the lines of AT+QHTTPREAD's body. */
    String readBodyUntilOk() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            String l = readLine();
            if (l == null || l.equals("OK")) {
                return sb.toString();
            }
            sb.append(l).append('\n');
        }
    }

    private void write(String s) throws IOException {
        link.output().write(s.getBytes(StandardCharsets.ISO_8859_1));
        link.output().flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
    }
}
