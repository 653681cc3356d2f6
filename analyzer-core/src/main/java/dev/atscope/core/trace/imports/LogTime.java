package dev.atscope.core.trace.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time stamps that logs print before (or after) their text, in the common layouts: a date and
 * time ({@code 2026-11-23 10:00:00.123}, {@code 2026/11/23 10:00:00}, ISO with a zone), syslog's
 * {@code Nov 23 10:00:00}, a time of day ({@code 10:00:00.123}), seconds since boot ({@code
 * [123.456]}) and milliseconds since boot ({@code [00030546ms]}), each optionally in brackets.
 */
final class LogTime {

    /** What a stamp counts from. */
    enum Kind {
        /** A full date and time; {@link Stamp#micros()} is microseconds since the epoch (UTC). */
        DATE_TIME,
        /** A time of day with no date; microseconds since midnight. */
        TIME_OF_DAY,
        /** Time since some start (boot); microseconds. */
        RELATIVE
    }

    /**
     * One parsed stamp.
     *
     * @param micros its value in microseconds, counted as {@link #kind} says
     * @param kind what it counts from
     * @param end the index in the text just past the stamp and the blanks after it
     */
    record Stamp(long micros, Kind kind, int end) {

        /** The instant, for a full date and time; else null. */
        Instant instant() {
            return kind == Kind.DATE_TIME ? Instant.EPOCH.plusNanos(micros * 1000) : null;
        }
    }

    private static final String FRACTION = "(?:[.,](\\d{1,9}))?";
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\[?(\\d{4})[-/.](\\d{2})[-/.](\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})" + FRACTION
                    + "\\s?(Z|[+-]\\d{2}:?\\d{2})?\\]?:?\\s*");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})" + FRACTION + "\\s+");
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "^\\[?(\\d{2}):(\\d{2}):(\\d{2})" + FRACTION + "\\]?:?\\s*");
    private static final Pattern SECONDS = Pattern.compile("^\\[\\s*(\\d{1,12})\\.(\\d{1,9})\\]:?\\s*");
    private static final Pattern MILLIS = Pattern.compile("^\\[(\\d{1,12})ms\\]\\s*");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private LogTime() {}

    /** The stamp at the start of {@code text}, or null when it starts with none. */
    static Stamp leading(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char c = text.charAt(0);
        if (c != '[' && !Character.isDigit(c) && !Character.isUpperCase(c)) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(text);
        if (m.lookingAt()) {
            try {
                LocalDateTime t = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6));
                ZoneOffset zone = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(
                        m.group(8).equals("Z") || m.group(8).contains(":") ? m.group(8)
                                : m.group(8).substring(0, 3) + ":" + m.group(8).substring(3));
                return new Stamp(t.toEpochSecond(zone) * 1_000_000 + micros(m.group(7)), Kind.DATE_TIME, m.end());
            } catch (DateTimeException e) {
                return null;
            }
        }
        m = SYSLOG.matcher(text);
        if (m.lookingAt()) {
            // syslog prints no year: the times are kept relative, the date is not known
            int month = 0;
            while (!MONTHS[month].equals(m.group(1))) {
                month++;
            }
            long day = LocalDate.of(2000, month + 1, Math.min(28, num(m, 2))).toEpochDay() + Math.max(0, num(m, 2) - 28);
            long micros = ((day * 24 + num(m, 3)) * 60 + num(m, 4)) * 60 + num(m, 5);
            return new Stamp(micros * 1_000_000 + micros(m.group(6)), Kind.RELATIVE, m.end());
        }
        m = TIME_OF_DAY.matcher(text);
        if (m.lookingAt() && num(m, 1) < 24 && num(m, 2) < 60 && num(m, 3) < 61) {
            long secs = (num(m, 1) * 60L + num(m, 2)) * 60 + num(m, 3);
            return new Stamp(secs * 1_000_000 + micros(m.group(4)), Kind.TIME_OF_DAY, m.end());
        }
        m = SECONDS.matcher(text);
        if (m.lookingAt()) {
            long secs = Long.parseLong(m.group(1));
            long micros = secs * 1_000_000 + micros(m.group(2));
            // a value after 2001 in seconds is a Unix time (ModemManager), else time since boot
            return new Stamp(micros, secs > 1_000_000_000L ? Kind.DATE_TIME : Kind.RELATIVE, m.end());
        }
        m = MILLIS.matcher(text);
        if (m.lookingAt()) {
            return new Stamp(Long.parseLong(m.group(1)) * 1000, Kind.RELATIVE, m.end());
        }
        return null;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** A decimal fraction of a second as microseconds (digits after the sixth are dropped). */
    static long micros(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String f = fraction.length() >= 6 ? fraction.substring(0, 6) : fraction + "000000".substring(fraction.length());
        return Long.parseLong(f);
    }
}
