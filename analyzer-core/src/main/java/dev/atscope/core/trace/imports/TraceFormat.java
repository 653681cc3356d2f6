package dev.atscope.core.trace.imports;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The trace formats atscope reads, in the order detection tries them (the most specific first,
 * plain transcripts last), each with the name used by {@code --format} and {@code --to}.
 */
public enum TraceFormat {
    /** atscope's own CSV trace, the lossless native format. */
    NATIVE("native", "atscope CSV trace (time_us,dir,kind,data)", true),
    /** pcapng with exported-PDU records for Wireshark's AT dissector. */
    PCAPNG("pcapng", "pcapng for Wireshark, one record a chunk, with its direction", true),
    /** JSON Lines, one chunk or marker an object. */
    JSONL("jsonl", "JSON Lines: {\"time_us\":0,\"dir\":\"H>M\",\"kind\":\"data\",\"data\":\"AT\\\\r\"}", true),
    /** {@code socat -v} (text) or {@code socat -x} (hex) relay logs. */
    SOCAT("socat", "socat -v / -x: '> 2026/11/23 10:00:00.000123  length=13 from=0 to=12' and the data", true),
    /** interceptty: one byte a line with its direction. */
    INTERCEPTTY("interceptty", "interceptty: '< 0x41 (A)' one byte a line", false),
    /** slsnif: {@code Host   --> } and {@code Device --> } with {@code <CR>} escapes. */
    SLSNIF("slsnif", "slsnif: 'Host   --> AT<CR>' / 'Device --> <CR><LF>OK<CR><LF>'", false),
    /** jpnevulator {@code --read}: hex dumps under a header naming the tty. */
    JPNEVULATOR("jpnevulator", "jpnevulator --read [--timing-print]: '/dev/ttyS0' then '41 54 0D'", false),
    /** umockdev serial scripts: {@code r <ms> data} and {@code w <ms> data}. */
    UMOCKDEV("umockdev", "umockdev script: 'w 0 AT^M' / 'r 12 ^M^JOK^M^J'", true),
    /** ModemManager debug logs. */
    MODEMMANAGER("modemmanager", "ModemManager debug log: \"--> 'AT+CGMI<CR>'\" / \"<-- '<CR><LF>OK<CR><LF>'\"", false),
    /** The Mbed OS cellular AT trace. */
    MBED("mbed", "Mbed OS cellular trace: '[00030546ms][INFO][CELL]: AT TX ( 7): AT+CGMR'", false),
    /** pppd's {@code chat -v} lines in syslog. */
    CHAT("chat", "chat -v in syslog: 'chat[123]: send (AT^M)', 'expect (OK)', '-- got it'", false),
    /** gammu's debug log: SENDING / RECEIVED frames with hex dumps. */
    GAMMU("gammu", "gammu debug log: 'SENDING frametype 0x00/length 0x09/9' then '41A|54T|...' hex dumps", false),
    /** Home-grown logs whose lines carry a marker of their side, the layout learned from the content. */
    PREFIXED("prefixed", "home-grown logs with a marker on each line ('<- AT (15318)', '[SEND][3][AT\\r]', 'TX: AT'),"
            + " the markers' sides learned from the content", false),
    /** Terminal transcripts without directions (minicom, PuTTY, screen, tio, pasted text). */
    TRANSCRIPT("transcript", "terminal transcript without directions (minicom, PuTTY, screen, tio, a ticket)", false);

    private final String id;
    private final String description;
    private final boolean writable;

    TraceFormat(String id, String description, boolean writable) {
        this.id = id;
        this.description = description;
        this.writable = writable;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** One line with an example of the layout. */
    public String description() {
        return description;
    }

    /** Whether the layout is learned from the content (home-grown logs, transcripts) rather than a tool's definition. */
    public boolean learned() {
        return this == PREFIXED || this == TRANSCRIPT;
    }

    /** Whether atscope can write a trace in this format. */
    public boolean writable() {
        return writable;
    }

    /**
     * The format of that name, in any case.
     *
     * @throws IllegalArgumentException naming the known formats
     */
    public static TraceFormat byId(String name) {
        for (TraceFormat f : values()) {
            if (f.id.equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected one of " + ids(values()));
    }

    /** The names of the given formats, comma-separated. */
    static String ids(TraceFormat... formats) {
        return Arrays.stream(formats).map(TraceFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
