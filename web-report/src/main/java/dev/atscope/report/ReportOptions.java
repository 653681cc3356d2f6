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
 * @param payloadBudget how many payload bytes the page keeps in all at {@code payloadBytes} a payload;
 *     past it each payload keeps its first {@link #CUT_PAYLOAD_BYTES} (with its length and CRC-32),
 *     so a million transactions stay a file a browser opens in seconds
 */
public record ReportOptions(boolean redact, List<Pattern> redactPatterns, int payloadBytes, long payloadBudget) {

    /** Payload bytes kept by default: a URL, a certificate's first lines, the start of a body. */
    public static final int DEFAULT_PAYLOAD_BYTES = 1024;
    /** Payload bytes kept in all, by default, before payloads are cut short: 4 MiB. */
    public static final long DEFAULT_PAYLOAD_BUDGET = 4L << 20;
    /** Bytes a payload keeps once the budget is spent: a URL, a certificate's first line, a status line. */
    public static final int CUT_PAYLOAD_BYTES = 64;

    /** No redaction, the default payload limit. */
    public static final ReportOptions DEFAULT = new ReportOptions(false, List.of(), DEFAULT_PAYLOAD_BYTES,
            DEFAULT_PAYLOAD_BUDGET);

    public ReportOptions {
        redactPatterns = List.copyOf(redactPatterns);
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("payload bytes must not be negative: " + payloadBytes);
        }
        if (payloadBudget < 0) {
            throw new IllegalArgumentException("payload budget must not be negative: " + payloadBudget);
        }
    }

    /** The same options with redaction switched on or off. */
    public ReportOptions withRedact(boolean on) {
        return new ReportOptions(on, redactPatterns, payloadBytes, payloadBudget);
    }

    /** The same options with one more pattern to mask. */
    public ReportOptions withPattern(Pattern p) {
        List<Pattern> all = new java.util.ArrayList<>(redactPatterns);
        all.add(p);
        return new ReportOptions(redact, all, payloadBytes, payloadBudget);
    }

    /** The same options with another payload limit. */
    public ReportOptions withPayloadBytes(int n) {
        return new ReportOptions(redact, redactPatterns, n, payloadBudget);
    }

    /** The same options with another payload budget. */
    public ReportOptions withPayloadBudget(long bytes) {
        return new ReportOptions(redact, redactPatterns, payloadBytes, bytes);
    }
}
