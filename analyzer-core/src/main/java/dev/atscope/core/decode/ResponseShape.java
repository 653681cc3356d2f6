package dev.atscope.core.decode;

import java.util.List;
import java.util.Set;

/**
 * What the decoder must know about how the module answers one command.
 *
 * @param extraFinals final result texts of this command besides the standard ones, upper case
 *     ({@code DEACT OK})
 * @param bareLineIsFinal the first response line ends the command, with no {@code OK} after it
 *     ({@code AT+QILOCIP} answers the bare IP address)
 * @param dataMode whether {@code CONNECT} or the {@code >} prompt leads into data mode, and who sends
 * @param lengthParam for an upload, the index of the parameter that gives the byte count
 * @param infoPrefixes the prefixes of its information responses ({@code +QSSLCFG:}), which win over
 *     a URC with the same prefix while the command is pending
 * @param maxResponseMillis the longest the module may take to answer, or 0 when unknown
 * @param dataStart for host data mode, the module's line that starts it when that is not {@code
 *     CONNECT} ({@code DOWNLOAD} of SIMCom's AT+HTTPDATA), upper case; null for {@code CONNECT}
 */
public record ResponseShape(
        Set<String> extraFinals,
        boolean bareLineIsFinal,
        DataMode dataMode,
        int lengthParam,
        List<String> infoPrefixes,
        long maxResponseMillis,
        String dataStart) {

    /**
     * The data mode a command leads into: the host's <em>upload</em> or the module's <em>body</em> (the
     * grammar's {@code "sender": "host"} and {@code "module"}), after {@code CONNECT} or the prompt.
     */
    public enum DataMode {
        /** {@code CONNECT} is a final result here (a dial), or never comes. */
        NONE,
        /** An upload after {@code CONNECT}: the host sends a counted number of bytes, or the {@code +++} escape (files, URLs). */
        UPLOAD,
        /** A body: the module sends bytes of unknown length until its final result (a response body). */
        BODY,
        /**
         * An upload after the module's {@code >} prompt: a counted number of bytes when the
         * command gave the count (AT+QISEND=0,5), else text ended by Ctrl-Z (sent) or ESC (cancelled)
         * (AT+CMGS, 3GPP TS 27.005 3.5.1).
         */
        PROMPT
    }

    /** An ordinary command: standard finals, no data mode. */
    public static final ResponseShape PLAIN = new ResponseShape(Set.of(), false, DataMode.NONE, -1, List.of(), 0, null);

    public ResponseShape {
        extraFinals = Set.copyOf(extraFinals);
        infoPrefixes = List.copyOf(infoPrefixes);
    }

    /** Whether a module line leads into this command's data mode: V.250's {@code CONNECT} (as the model says) or its own start line. */
    public boolean startsData(String line, boolean connect) {
        return dataStart == null ? connect : dataStart.equalsIgnoreCase(line.strip());
    }
}
