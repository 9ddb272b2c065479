package dev.localfaas.runtime.metering;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} and {@link Instant#parse} for the one shape usage records hold
 * ({@code 2026-11-30T21:55:01.123456789Z}), without a {@code DateTimeFormatter}: the reporter thread formats each
 * invocation's start for every listener and parses it back for the live report, and the formatter's general
 * machinery was a sixth of that thread's CPU under load. The text is exactly what {@code Instant} writes; any other
 * shape goes to {@code Instant.parse}.
 */
final class UtcInstants {

    private static final long SECONDS_PER_DAY = 86_400;

    private UtcInstants() {
    }

    /** The same text as {@link Instant#toString()} (years 0 to 9999; others are left to it). */
    static String format(Instant t) {
        Second second = Second.of(t.getEpochSecond());
        if (second == null) {
            return t.toString();
        }
        StringBuilder s = new StringBuilder(30).append(second.text);
        int nano = t.getNano();
        if (nano != 0) {
            s.append('.');
            if (nano % 1_000_000 == 0) {
                pad(s, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                pad(s, nano / 1000, 6);
            } else {
                pad(s, nano, 9);
            }
        }
        return s.append('Z').toString();
    }

    /**
     * The text of one whole second ({@code 2026-11-30T21:55:01}), kept for the next instant in the same second: the
     * invocations of a busy gateway share their seconds, and the calendar arithmetic was most of this class's cost.
     */
    private record Second(long epochSecond, String text) {

        private static volatile Second last = new Second(Long.MIN_VALUE, "");

        /** The second's text, or null outside years 0 to 9999. */
        static Second of(long epochSecond) {
            Second s = last;
            if (s.epochSecond == epochSecond) {
                return s;
            }
            long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
            int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                return null;
            }
            StringBuilder b = new StringBuilder(19);
            pad(b, date.getYear(), 4).append('-');
            pad(b, date.getMonthValue(), 2).append('-');
            pad(b, date.getDayOfMonth(), 2).append('T');
            pad(b, secondOfDay / 3600, 2).append(':');
            pad(b, secondOfDay / 60 % 60, 2).append(':');
            pad(b, secondOfDay % 60, 2);
            s = new Second(epochSecond, b.toString());
            last = s;
            return s;
        }
    }

    /** {@link Instant#parse} of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; other text goes to it as is. */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || n > 20 && (text.charAt(19) != '.' || n == 21)) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return Instant.parse(text); // not ours after all: let it say why
        }
        for (int i = n - 1; i < 29; i++) {
            fraction *= 10; // ".5" is 500,000,000 ns
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, fraction);
    }

    /** The decimal number in {@code [from, to)}, or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        for (int limit = 10, w = 1; w < width; w++, limit *= 10) {
            if (value < limit) {
                s.append('0');
            }
        }
        return s.append(value);
    }
}
