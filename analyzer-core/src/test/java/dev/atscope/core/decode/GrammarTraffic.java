package dev.atscope.core.decode;

import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.TraceEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Traffic as a fuzzer writes it through a protocol library's grammar: every input is a session of
 * that library's commands (each form, parameters of each declared type, subcommands), answered as
 * a module answers (final results, information responses of the declared prefixes, {@code +CME
 * ERROR}, no answer), with data mode as the grammar declares it: after {@code CONNECT} or the
 * {@code >} prompt (or the line the grammar names, SIMCom's {@code DOWNLOAD}) the host sends the count its length parameter gave, or text ended by Ctrl-Z;
 * after {@code CONNECT} a module sends a body before its final result. URCs and raw bytes in
 * either direction come between, and every piece is cut into chunks as the input says. Mutations
 * thus go to the commands, values, lengths and chunking rather than to the syntax of AT.
 *
 * <p>The input is read as a string of choices, a byte each (past its end every choice is 0); the
 * first byte says whether the module echoes.
 */
public final class GrammarTraffic {

    /** Longest data-mode body, in bytes. */
    private static final int MAX_BODY = 700;
    private static final String[] URCS = {"RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready",
        "+QIURC: \"pdpdeact\",1", "+QHTTPGET: 0,200,12", "+QIURC: \"recv\",0", "+CREG: 1", "+QSSLURC: \"closed\",1",
        "+QHTTPGET: 702", "POWERED DOWN", "+QIURC: \"closed\",0", "NO CARRIER"};

    /**
     * A session.
     *
     * @param entries the chunks, in time order
     * @param hostBodies where each counted body the host sent in data mode lies, as offsets in the
     *     host's bytes: {@code [from, to)}
     * @param free whether raw bytes were put between the steps (then a body may be read otherwise)
     */
    public record Script(List<TraceEntry> entries, List<long[]> hostBodies, boolean free) {}

    private final byte[] in;
    private final List<Grammar.CommandSpec> commands;
    private final List<TraceEntry> out = new ArrayList<>();
    private final List<long[]> bodies = new ArrayList<>();
    private int i;
    private long time;
    private long hostOffset;
    private boolean free;

    private GrammarTraffic(byte[] in, List<Grammar.CommandSpec> commands) {
        this.in = in;
        this.commands = commands;
    }

    /** The commands of the given libraries' grammars, in their order. */
    public static List<Grammar.CommandSpec> commandsOf(List<ProtocolLibrary> libraries) {
        List<Grammar.CommandSpec> all = new ArrayList<>();
        for (ProtocolLibrary lib : libraries) {
            all.addAll(lib.grammar().commands());
        }
        return List.copyOf(all);
    }

    /**
     * The commands as a registry resolves them, in its libraries' order: where two libraries
     * define a command of the same name differently (AT+QHTTPGET: no data on the M-series, a
     * counted request header on LTE modules), only the definition the registry applies is kept,
     * so the traffic made is the traffic that registry's decoder is asked to read.
     */
    public static List<Grammar.CommandSpec> commandsOf(ProtocolRegistry registry) {
        List<Grammar.CommandSpec> resolved = new ArrayList<>();
        for (Grammar.CommandSpec c : commandsOf(registry.libraries())) {
            if (registry.command(c.name()).orElse(null) == c) {
                resolved.add(c);
            }
        }
        return List.copyOf(resolved);
    }

    /** The session an input stands for; every input stands for one. */
    public static Script decode(byte[] in, List<Grammar.CommandSpec> commands) {
        GrammarTraffic s = new GrammarTraffic(in, commands);
        s.run();
        return new Script(List.copyOf(s.out), List.copyOf(s.bodies), s.free);
    }

    private boolean more() {
        return i < in.length;
    }

    private int next() {
        return i < in.length ? in[i++] & 0xff : 0;
    }

    private void run() {
        boolean echo = (next() & 1) == 1;
        while (more()) {
            int op = next() % 10;
            switch (op) {
                case 0 -> urc();
                case 1 -> raw();
                case 2 -> time += 1_000_000L * (1 + next() % 8);
                default -> command(echo);
            }
        }
    }

    private void urc() {
        int k = next();
        String text = k < URCS.length * 16 ? URCS[k % URCS.length] : "+" + name(pick()) + ": " + next();
        send(Direction.MODULE_TO_HOST, ascii("\r\n" + text + "\r\n"));
    }

    private void raw() {
        free = true;
        Direction d = (next() & 1) == 0 ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST;
        send(d, bytes(next() % 24, false));
    }

    private Grammar.CommandSpec pick() {
        return commands.get(next() % commands.size());
    }

    private static String name(Grammar.CommandSpec c) {
        String n = c.name();
        return n.startsWith("+") || n.startsWith("&") ? n.substring(1) : n;
    }

    private void command(boolean echo) {
        Grammar.CommandSpec c = pick();
        List<String> forms = new ArrayList<>(c.forms().keySet());
        String formName = forms.isEmpty() ? "execute" : forms.get(next() % forms.size());
        Grammar.FormSpec form = c.forms().get(formName);
        StringBuilder line = new StringBuilder("AT").append(c.name());
        long count = -1;
        byte[] counted = null;
        switch (formName) {
            case "test" -> line.append("=?");
            case "read" -> line.append('?');
            case "write" -> {
                List<String> values = new ArrayList<>();
                List<Grammar.ParamSpec> params = new ArrayList<>(form.params());
                if (!form.subcommands().isEmpty() && !params.isEmpty()) {
                    List<Map.Entry<String, Grammar.SubcommandSpec>> subs = new ArrayList<>(form.subcommands().entrySet());
                    Map.Entry<String, Grammar.SubcommandSpec> sub = subs.get(next() % subs.size());
                    values.add("\"" + sub.getKey() + "\"");
                    params = new ArrayList<>(sub.getValue().params());
                }
                String lengthParam = form.dataMode() == null ? null : form.dataMode().lengthParam();
                int n = params.isEmpty() ? 0 : (next() & 0x80) != 0 ? params.size() : next() % (params.size() + 1);
                for (int p = 0; p < n; p++) {
                    Grammar.ParamSpec spec = params.get(p);
                    if (spec.name() != null && spec.name().equals(lengthParam)) {
                        // a URL upload is a URL, most of the time: the body is made first, then counted
                        counted = spec.name().toLowerCase(Locale.ROOT).contains("url") && (next() & 7) != 0 ? url()
                                : bytes((next() << 8 | next()) % MAX_BODY, true);
                        count = counted.length + ((next() & 15) == 0 ? 1 : 0);
                        values.add(Long.toString(count));
                    } else {
                        values.add(value(spec));
                    }
                }
                line.append('=').append(String.join(",", values));
            }
            default -> {
                // execute: nothing after the name
            }
        }
        byte[] cmd = ascii(line + "\r");
        send(Direction.HOST_TO_MODULE, cmd);
        if (echo) {
            send(Direction.MODULE_TO_HOST, cmd);
        }
        Grammar.DataModeSpec data = form == null ? null : form.dataMode();
        if (data != null && (!"write".equals(formName) || data.lengthParam() == null || count >= 0)) {
            dataMode(c, data, count, counted);
        } else {
            answer(c, form);
        }
    }

    private void dataMode(Grammar.CommandSpec c, Grammar.DataModeSpec data, long count, byte[] counted) {
        // the line the grammar says starts data mode: CONNECT, or a library's own (SIMCom's DOWNLOAD)
        String start = "\r\n" + (data.startLine() != null ? data.startLine() : "CONNECT") + "\r\n";
        if ("module".equals(data.sender())) {
            send(Direction.MODULE_TO_HOST, ascii(start));
            // a body the module sends has no count: it ends where its final result is
            byte[] body = bytes(next() << 2 | next() % 4, false);
            send(Direction.MODULE_TO_HOST, join(body, ascii("\r\nOK\r\n")));
            return;
        }
        send(Direction.MODULE_TO_HOST, ascii(data.prompt() ? "\r\n> " : start));
        if (count >= 0) {
            // at times one byte short of the count: the module waits for it, and the host's next line is data
            byte[] body = counted != null ? counted : bytes((int) count, true);
            if (body.length < count) {
                free = true;
            }
            long from = hostOffset;
            send(Direction.HOST_TO_MODULE, body);
            bodies.add(new long[] {from, hostOffset});
        } else {
            // text ended by Ctrl-Z (sent) or ESC (cancelled), 3GPP TS 27.005 3.5.1
            byte[] text = bytes(next() % 80, false);
            for (int k = 0; k < text.length; k++) {
                if (text[k] == 0x1a || text[k] == 0x1b) {
                    text[k] = 'z';
                }
            }
            send(Direction.HOST_TO_MODULE, join(text, new byte[] {(byte) ((next() & 7) == 0 ? 0x1b : 0x1a)}));
        }
        send(Direction.MODULE_TO_HOST, ascii((next() & 3) == 0 ? "\r\nERROR\r\n"
                : "\r\n+" + name(c) + ": " + Math.max(0, count) + "\r\n\r\nOK\r\n"));
    }

    private void answer(Grammar.CommandSpec c, Grammar.FormSpec form) {
        int k = next() % 8;
        StringBuilder a = new StringBuilder();
        if (k < 3 && form != null && !form.responses().isEmpty()) {
            Grammar.ResponseSpec r = form.responses().get(next() % form.responses().size());
            List<String> values = new ArrayList<>();
            for (Grammar.ParamSpec p : r.params()) {
                values.add(value(p));
            }
            a.append("\r\n").append(r.prefix() == null ? "" : r.prefix() + " ").append(String.join(",", values))
                    .append("\r\n");
        }
        switch (k) {
            case 3 -> a.append("\r\nERROR\r\n");
            case 4 -> a.append("\r\n+CME ERROR: ").append(next() << 1 | next() & 1).append("\r\n");
            case 5 -> {
                // no answer
            }
            default -> a.append(form != null && form.bareResponse() && a.length() > 0 ? "" : "\r\nOK\r\n");
        }
        if (a.length() > 0) {
            send(Direction.MODULE_TO_HOST, ascii(a.toString()));
        }
    }

    /** A value of a parameter's declared type (an enum's values, a number in range, a quoted string), or off it. */
    private String value(Grammar.ParamSpec p) {
        int k = next();
        if (k >= 240) {
            // off the grammar: what a host gets wrong
            return new String(bytes(k % 6, false), StandardCharsets.ISO_8859_1).replace("\r", "").replace(",", "");
        }
        String type = p.type() == null ? "string" : p.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "enum" -> {
                if (p.values() != null && !p.values().isEmpty()) {
                    List<String> v = new ArrayList<>(p.values().keySet());
                    return v.get(k % v.size());
                }
                return Integer.toString(k % 8);
            }
            case "integer" -> {
                long min = p.min() == null ? 0 : p.min();
                long max = p.max() == null ? min + 1000 : p.max();
                long span = Math.max(1, max - min + 1);
                return Long.toString(min + (long) (k << 8 | next()) % span);
            }
            default -> {
                byte[] b = bytes(k % 24, false);
                StringBuilder s = new StringBuilder("\"");
                for (byte x : b) {
                    char ch = (char) (x & 0x7f);
                    s.append(ch < 0x20 || ch == '"' || ch == 0x7f ? (char) ('a' + (x & 15)) : ch);
                }
                return s.append('"').toString();
            }
        }
    }

    private static final String[] HOSTS = {"example.com", "220.180.239.201", "API.Example.org", "localhost",
        "[::1]", "xn--bcher-kva.example", ""};

    /** A URL as a host sets it with AT+QHTTPURL: http or https, a host, a port at times, a path. */
    private byte[] url() {
        int k = next();
        StringBuilder u = new StringBuilder((k & 1) == 0 ? "https://" : "http://");
        u.append(HOSTS[(k >> 1) % HOSTS.length]);
        if ((k & 0x40) != 0) {
            u.append(':').append(next() << 8 | next());
        }
        u.append('/');
        for (byte b : bytes(next() % 24, false)) {
            char ch = (char) (b & 0x7f);
            u.append(ch <= ' ' || ch == 0x7f ? '_' : ch);
        }
        return ascii(u.toString());
    }

    /** {@code n} bytes of the input (fewer past its end); a counted body never holds the {@code +++} escape. */
    private byte[] bytes(int n, boolean counted) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) next();
            if (counted && b[k] == '+' && k >= 2 && b[k - 1] == '+' && b[k - 2] == '+') {
                b[k] = '-';
            }
        }
        return b;
    }

    /** Hands out a piece of traffic in chunks: whole, or cut every 1 to 32 bytes, as the input says. */
    private void send(Direction d, byte[] piece) {
        if (piece.length == 0) {
            return;
        }
        int cut = next();
        int step = cut < 128 ? piece.length : 1 + cut % 32;
        for (int from = 0; from < piece.length; from += step) {
            time += 1 + next() % 4 * 500;
            int to = Math.min(piece.length, from + step);
            out.add(new Chunk(time, d, java.util.Arrays.copyOfRange(piece, from, to)));
        }
        if (d == Direction.HOST_TO_MODULE) {
            hostOffset += piece.length;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] join(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + b.length);
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }
}
