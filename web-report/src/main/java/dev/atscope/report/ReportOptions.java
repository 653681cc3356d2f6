package dev.atscope.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a report is written.
 *
 * @param redact mask certificate and key upload bodies, PEM blocks and APN passwords
 * @param redactPatterns further patterns whose matches are masked wherever captured bytes are shown
 * @param payloadBytes how many bytes of each data-mode payload the page keeps (lengths and checksums
 *     are always of the whole payload); bounds the file for large traces
 */
public record ReportOptions(boolean redact, List<Pattern> redactPatterns, int payloadBytes) {

    /** Payload bytes kept by default: a URL, a certificate's first lines, the start of a body. */
    public static final int DEFAULT_PAYLOAD_BYTES = 1024;

    /** No redaction, the default payload limit. */
    public static final ReportOptions DEFAULT = new ReportOptions(false, List.of(), DEFAULT_PAYLOAD_BYTES);

    public ReportOptions {
        redactPatterns = List.copyOf(redactPatterns);
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("payload bytes must not be negative: " + payloadBytes);
        }
    }

    /** The same options with redaction switched on or off. */
    public ReportOptions withRedact(boolean on) {
        return new ReportOptions(on, redactPatterns, payloadBytes);
    }

    /** The same options with one more pattern to mask. */
    public ReportOptions withPattern(Pattern p) {
        List<Pattern> all = new java.util.ArrayList<>(redactPatterns);
        all.add(p);
        return new ReportOptions(redact, all, payloadBytes);
    }

    /** The same options with another payload limit. */
    public ReportOptions withPayloadBytes(int n) {
        return new ReportOptions(redact, redactPatterns, n);
    }
}
