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
 * {@code Nov 23 10:00:00} (after a priority such as {@code <6>}), a time of day ({@code 10:00:00.123}, Zephyr's {@code [00:00:12.531,188]}),
 * seconds since boot ({@code [123.456]}) and milliseconds since boot ({@code [00030546ms]}, ESP-IDF's
 * {@code D (2936) }), each
 * optionally in brackets; at the end of a line a count in parentheses or brackets ({@code (15318)},
 * {@code [805 ms]}, {@code (0.080)}, {@code @ 12.345}). Every pattern is anchored and bounded, so a
 * line costs time in proportion to its length whatever it holds.
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

    /**
     * A stamp at the end of a line.
     *
     * @param stamp the time
     * @param start where the stamp starts in the text (the text before it is the line's own)
     * @param bare true when it is a count without a unit, whose unit the layout decides
     * @param form how it is written, for a person ({@code (15318)}, {@code [805 ms]})
     */
    record Trailing(Stamp stamp, int start, boolean bare, String form) {}

    /** A stamp whose fields name a date or time that does not exist ({@code Nov  0}, month 13). */
    static final class NoSuchTime extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoSuchTime(String message) {
            super(message);
        }
    }

    private static final String FRACTION = "(?:[.,](\\d{1,9}))?";
    /** After a date, milliseconds may follow a colon too ({@code [2024-01-22_11:53:06:302]}). */
    private static final String DATE_FRACTION = "(?:[.,:](\\d{1,9}))?";
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\[?(\\d{4})[-/.](\\d{2})[-/.](\\d{2})[T _](\\d{2}):(\\d{2}):(\\d{2})" + DATE_FRACTION
                    + "\\s?(Z|[+-]\\d{2}:?\\d{2})?\\]?:?\\s{0,16}+");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(?:<\\d{1,3}>)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})" + FRACTION
                    + "\\s{1,16}+");
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "^\\[?(\\d{2}):(\\d{2}):(\\d{2})" + FRACTION + "(?:,(\\d{3}))?\\]?:?\\s{0,16}+");
    /** A terminal program's US date and time, often as the first field of a CSV row: {@code "5/9/2023 1:38:59 PM",}. */
    private static final Pattern US_DATE_TIME = Pattern.compile(
            "^\"?(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})" + FRACTION + " ?([AP]M)\"?,?\\s{0,16}+");
    /** ESP-IDF's log prefix: the level letter and milliseconds since boot, {@code D (2936) }. */
    private static final Pattern ESP_IDF = Pattern.compile("^[EWIDV] \\((\\d{1,10})\\) ");
    private static final Pattern SECONDS = Pattern.compile("^\\[ {0,12}+(\\d{1,12})\\.(\\d{1,9})\\]:?\\s{0,16}+");
    private static final Pattern MILLIS = Pattern.compile("^\\[(\\d{1,12})ms\\]\\s{0,16}+");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private LogTime() {}

    /**
     * The stamp at the start of {@code text}, or null when it starts with none.
     *
     * @throws NoSuchTime when the text starts with a stamp of a date or time that does not exist
     */
    static Stamp leading(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char c = text.charAt(0);
        if (c != '[' && c != '<' && c != '"' && !Character.isDigit(c) && !Character.isUpperCase(c)) {
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
                throw new NoSuchTime("'" + text.substring(0, m.end()).strip() + "' is no date and time: "
                        + e.getMessage());
            }
        }
        m = US_DATE_TIME.matcher(text);
        if (m.lookingAt()) {
            int hour = num(m, 4);
            if (hour < 1 || hour > 12) {
                throw new NoSuchTime("'" + text.substring(0, m.end()).strip() + "' is no time: expected an hour of 1 to 12");
            }
            hour = hour % 12 + (m.group(8).equals("PM") ? 12 : 0);
            try {
                LocalDateTime t = LocalDateTime.of(num(m, 3), num(m, 1), num(m, 2), hour, num(m, 5), num(m, 6));
                return new Stamp(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + micros(m.group(7)), Kind.DATE_TIME, m.end());
            } catch (DateTimeException e) {
                throw new NoSuchTime("'" + text.substring(0, m.end()).strip() + "' is no date and time: " + e.getMessage());
            }
        }
        m = SYSLOG.matcher(text);
        if (m.lookingAt()) {
            // syslog prints no year: the times are kept relative, the date is not known
            int month = 0;
            while (!MONTHS[month].equals(m.group(1))) {
                month++;
            }
            int day = num(m, 2);
            if (day < 1 || day > DAYS[month] || num(m, 3) > 23 || num(m, 4) > 59 || num(m, 5) > 60) {
                throw new NoSuchTime("'" + text.substring(0, m.end()).strip() + "' is no syslog time; expected a day"
                        + " of 1 to " + DAYS[month] + " and a time of 00:00:00 to 23:59:60");
            }
            long epochDay = LocalDate.of(2000, month + 1, day).toEpochDay();
            long seconds = ((epochDay * 24 + num(m, 3)) * 60 + num(m, 4)) * 60 + num(m, 5);
            return new Stamp(seconds * 1_000_000 + micros(m.group(6)), Kind.RELATIVE, m.end());
        }
        m = TIME_OF_DAY.matcher(text);
        if (m.lookingAt() && num(m, 1) < 24 && num(m, 2) < 60 && num(m, 3) < 61) {
            long secs = (num(m, 1) * 60L + num(m, 2)) * 60 + num(m, 3);
            long micros = micros(m.group(4));
            if (m.group(5) != null && m.group(4) != null && m.group(4).length() == 3) {
                micros += Integer.parseInt(m.group(5)); // Zephyr: milliseconds, then microseconds
            }
            return new Stamp(secs * 1_000_000 + micros, Kind.TIME_OF_DAY, m.end());
        }
        m = ESP_IDF.matcher(text);
        if (m.lookingAt()) {
            return new Stamp(Long.parseLong(m.group(1)) * 1000, Kind.RELATIVE, m.end());
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

    /**
     * A stamp that starts within the first {@code maxStart} characters of {@code text}, after a
     * blank or a bracket ({@code [I] May 22 15:57:36 ndm: ...}); its {@link Stamp#end()} counts from
     * the start of the text. Null when there is none, or only one that names no real time.
     */
    static Stamp within(String text, int maxStart) {
        int n = Math.min(text.length(), maxStart);
        for (int i = 1; i < n; i++) {
            char before = text.charAt(i - 1);
            if (before != ' ' && before != ']' && before != '>' && before != ',') {
                continue;
            }
            try {
                Stamp s = leading(text.substring(i, Math.min(text.length(), i + 48)));
                if (s != null) {
                    return new Stamp(s.micros(), s.kind(), i + s.end());
                }
            } catch (NoSuchTime e) {
                // not a stamp after all
            }
        }
        return null;
    }

    /**
     * The stamp at the end of {@code text} after a blank: {@code (15318)}, {@code [805 ms]},
     * {@code (0.080)}, {@code [10:00:00.123]}, {@code @ 12.345}; null when there is none.
     *
     * @param bareMicros what one unit of a count without a unit is worth, in microseconds
     */
    static Trailing trailing(String text, long bareMicros) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end < 3) {
            return null;
        }
        char close = text.charAt(end - 1);
        if (close == ')' || close == ']') {
            char open = close == ')' ? '(' : '[';
            int from = Math.max(0, end - 32);
            int start = text.lastIndexOf(open, end - 2);
            if (start < from || start == 0 || text.charAt(start - 1) != ' ') {
                return null;
            }
            String inner = text.substring(start + 1, end - 1).strip();
            Stamp s = count(inner, bareMicros);
            boolean bare = s != null && inner.chars().allMatch(Character::isDigit);
            if (s == null && inner.indexOf(':') > 0) {
                Stamp t = leading(inner);
                s = t != null && t.end() == inner.length() ? t : null;
            }
            if (s == null) {
                return null;
            }
            int before = start;
            while (before > 0 && text.charAt(before - 1) == ' ') {
                before--;
            }
            return new Trailing(new Stamp(s.micros(), s.kind(), end), before, bare,
                    open + shape(inner) + close);
        }
        int at = text.lastIndexOf('@', end - 1);
        if (at > 0 && at >= end - 24 && text.charAt(at - 1) == ' ') {
            Stamp s = count(text.substring(at + 1, end).strip(), bareMicros);
            if (s != null) {
                int before = at;
                while (before > 0 && text.charAt(before - 1) == ' ') {
                    before--;
                }
                return new Trailing(new Stamp(s.micros(), s.kind(), end), before, false, "@ n.n");
            }
        }
        return null;
    }

    /**
     * A line that is only a time after a short label, as some scripts print before what they
     * received ({@code 接收:35:06.111961}: minutes, seconds and a fraction; or hours, minutes and
     * seconds): the time since some start, or null when the text is anything else.
     */
    static Stamp labelled(String text) {
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon < 0 || colon > 24) {
            return null;
        }
        String clock = s.substring(colon + 1).strip();
        if (clock.isEmpty() || !Character.isDigit(clock.charAt(0)) || s.substring(0, colon).chars().anyMatch(Character::isDigit)) {
            return null;
        }
        long[] parts = new long[3];
        int count = 0;
        int i = 0;
        while (count < 3) {
            int from = i;
            while (i < clock.length() && i - from < 3 && Character.isDigit(clock.charAt(i))) {
                i++;
            }
            if (i == from) {
                return null;
            }
            parts[count++] = Long.parseLong(clock.substring(from, i));
            if (i < clock.length() && clock.charAt(i) == ':') {
                i++;
            } else {
                break;
            }
        }
        String fraction = null;
        if (i < clock.length() && clock.charAt(i) == '.') {
            int from = ++i;
            while (i < clock.length() && i - from < 9 && Character.isDigit(clock.charAt(i))) {
                i++;
            }
            fraction = clock.substring(from, i);
        }
        if (i != clock.length() || count < 2) {
            return null;
        }
        long seconds = count == 3 ? (parts[0] * 60 + parts[1]) * 60 + parts[2] : parts[0] * 60 + parts[1];
        return new Stamp(seconds * 1_000_000 + micros(fraction), Kind.RELATIVE, text.length());
    }

    /** {@code 15318}, {@code 805 ms}, {@code 805ms}, {@code 0.080}, {@code 1.5 s}: a count of time since some start. */
    private static Stamp count(String s, long bareMicros) {
        int i = 0;
        int n = s.length();
        while (i < n && i < 13 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 12) {
            return null;
        }
        long whole = Long.parseLong(s.substring(0, i));
        String fraction = null;
        if (i < n && s.charAt(i) == '.') {
            int f = i + 1;
            while (f < n && f - i <= 9 && Character.isDigit(s.charAt(f))) {
                f++;
            }
            if (f == i + 1) {
                return null;
            }
            fraction = s.substring(i + 1, f);
            i = f;
        }
        String unit = s.substring(i).strip();
        long micros;
        switch (unit) {
            case "" -> micros = fraction != null ? whole * 1_000_000 + micros(fraction) : whole * bareMicros;
            case "s" -> micros = whole * 1_000_000 + micros(fraction);
            case "ms" -> micros = whole * 1000 + (fraction == null ? 0 : micros(fraction) / 1000);
            case "us", "µs" -> micros = whole;
            default -> {
                return null;
            }
        }
        return new Stamp(micros, Kind.RELATIVE, n);
    }

    /** The text with each run of digits shown as {@code n}: {@code 805 ms} is {@code n ms}. */
    static String shape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isDigit(c)) {
                sb.append(c);
            } else if (i == 0 || !Character.isDigit(text.charAt(i - 1))) {
                sb.append('n');
            }
        }
        return sb.toString();
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
