package dev.atscope.core.index;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Lets the query parser read times in ranges: {@code time:[2026-11-16 TO 2026-11-23T12:00:00Z]}.
 * Accepts an ISO instant, a local date-time (UTC), a date (midnight UTC) or epoch milliseconds.
 */
final class InstantFormat extends NumberFormat {

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Instant.ofEpochMilli((long) number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Instant.ofEpochMilli(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        String s = source.substring(pos.getIndex()).strip();
        Long millis = millis(s);
        if (millis == null) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
        pos.setIndex(source.length());
        return millis;
    }

    private static Long millis(String s) {
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try a number
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
