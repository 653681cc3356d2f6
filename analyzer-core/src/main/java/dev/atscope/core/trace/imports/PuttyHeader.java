package dev.atscope.core.trace.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The first line PuTTY writes to a session log ({@code =~=~= PuTTY log 2024.01.05 10:11:12 =~=~=}). */
final class PuttyHeader {

    private static final String PUTTY = "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log ";
    private static final DateTimeFormatter PUTTY_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");

    private PuttyHeader() {}

    /** Whether the line is PuTTY's header. */
    static boolean is(String line) {
        return line.startsWith(PUTTY);
    }

    /** The date as the header writes it (empty when the header has none). */
    static String date(String header) {
        int end = header.indexOf(" =~=", PUTTY.length());
        return end < 0 ? "" : header.substring(PUTTY.length(), end);
    }

    /** When the log began, or null when the header's date does not exist. */
    static Instant start(String header) {
        try {
            return LocalDateTime.parse(date(header), PUTTY_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
