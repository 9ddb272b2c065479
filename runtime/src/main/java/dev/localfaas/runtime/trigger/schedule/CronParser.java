package dev.localfaas.runtime.trigger.schedule;

import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code cron(minutes hours day-of-month month day-of-week year)} as EventBridge does: six fields, exactly one
 * of day-of-month and day-of-week {@code ?}, and the day forms {@code L}, {@code L-n}, {@code LW}, {@code nW},
 * {@code nL} and {@code d#n}, each standing alone in its field (EventBridge, like Quartz from which its syntax comes,
 * rejects them in lists: "3#1,6#3 is not valid").
 */
final class CronParser {

    private static final String FIELDS = "minutes hours day-of-month month day-of-week year";
    private static final Pattern LAST_DAY_OFFSET = Pattern.compile("L-(\\d{1,4})");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,4})W");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([0-9A-Z]+)#(\\d{1,4})");
    private static final int MAX_LAST_DAY_OFFSET = 30;
    private static final int MAX_NTH = 5;

    private final CronValueParser values;

    private CronParser(String text) {
        this.values = new CronValueParser(text);
    }

    static CronExpression parse(String text, String body) {
        return new CronParser(text).parse(body.toUpperCase(Locale.ROOT));
    }

    private CronExpression parse(String body) {
        String[] fields = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (fields.length != CronField.values().length) {
            throw values.error(fieldCountProblem(fields.length));
        }
        for (CronField field : CronField.values()) {
            checkWildcards(field, fields[field.ordinal()]);
        }
        BitSet minutes = values.values(CronField.MINUTES, fields[0]);
        BitSet hours = values.values(CronField.HOURS, fields[1]);
        String dayOfMonth = fields[2];
        BitSet months = values.values(CronField.MONTH, fields[3]);
        String dayOfWeek = fields[4];
        BitSet years = values.values(CronField.YEAR, fields[5]);
        boolean anyDayOfMonth = dayOfMonth.equals("?");
        boolean anyDayOfWeek = dayOfWeek.equals("?");
        if (anyDayOfMonth && anyDayOfWeek) {
            throw values.error("day-of-month and day-of-week cannot both be ?; put a value or * in one of them");
        }
        DayRule days = anyDayOfMonth ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth);
        if (!anyDayOfMonth && !anyDayOfWeek) {
            throw values.error("day-of-month and day-of-week cannot both be specified; use ? in one of them");
        }
        return new CronExpression(values.text(), minutes, hours, days, months, years);
    }

    private static String fieldCountProblem(int count) {
        String base = "has " + count + " field" + (count == 1 ? "" : "s") + " but needs 6 (" + FIELDS + ")";
        if (count == 5) {
            return base + "; add the year field (usually *) and put ? in day-of-month or day-of-week, "
                    + "like cron(0 12 * * ? *)";
        }
        if (count == 7) {
            return base + "; EventBridge has no seconds field, so drop the first one";
        }
        return base + "; for example cron(0 12 * * ? *) runs every day at 12:00 UTC";
    }

    private void checkWildcards(CronField field, String text) {
        for (char wildcard : new char[] {'?', '/', '#'}) {
            if (text.indexOf(wildcard) >= 0 && !field.accepts(wildcard)) {
                throw values.wildcardNotAccepted(field, wildcard);
            }
        }
        if (text.indexOf('?') >= 0 && !text.equals("?")) {
            throw values.error(field.label() + " '" + text + "' mixes ? with other values; ? must stand alone");
        }
    }

    private DayRule dayOfMonth(String text) {
        if (text.indexOf('L') < 0 && text.indexOf('W') < 0) {
            return new DayRule.DaysOfMonth(values.values(CronField.DAY_OF_MONTH, text));
        }
        if (text.indexOf(',') >= 0 || text.indexOf('/') >= 0) {
            throw values.error("day-of-month '" + text + "': L and W must stand alone in the field; write one of "
                    + "L, L-n, LW or nW, and use another schedule for other days");
        }
        if (text.equals("L")) {
            return new DayRule.LastDayOfMonth(0);
        }
        if (text.equals("LW")) {
            return new DayRule.LastWeekdayOfMonth();
        }
        Matcher offset = LAST_DAY_OFFSET.matcher(text);
        if (offset.matches()) {
            int n = Integer.parseInt(offset.group(1));
            if (n > MAX_LAST_DAY_OFFSET) {
                throw values.error("day-of-month '" + text + "' counts back " + n + " days from the last day; use L-0 "
                        + "to L-" + MAX_LAST_DAY_OFFSET);
            }
            return new DayRule.LastDayOfMonth(n);
        }
        Matcher nearest = NEAREST_WEEKDAY.matcher(text);
        if (nearest.matches()) {
            int day = Integer.parseInt(nearest.group(1));
            if (day < 1 || day > CronField.DAY_OF_MONTH.max()) {
                throw values.error("day-of-month '" + text + "' names day " + day + "; nW takes a day 1-31, like 15W");
            }
            return new DayRule.NearestWeekday(day);
        }
        throw values.error("day-of-month '" + text + "' is not valid; use 1-31, L (last day), L-n (n days before "
                + "it), LW (last weekday) or nW (weekday nearest day n)");
    }

    private DayRule dayOfWeek(String text) {
        boolean nth = text.indexOf('#') >= 0;
        boolean last = text.indexOf('L') >= 0;
        if (!nth && !last) {
            return new DayRule.DaysOfWeek(values.values(CronField.DAY_OF_WEEK, text));
        }
        if (text.indexOf(',') >= 0 || text.indexOf('-') >= 0) {
            throw values.error("day-of-week '" + text + "': " + (nth ? "# must stand alone in the field "
                    + "(EventBridge rejects 3#1,6#3)" : "L must stand alone in the field") + "; use one schedule per day");
        }
        if (nth) {
            Matcher m = NTH_WEEKDAY.matcher(text);
            if (!m.matches()) {
                throw values.error("day-of-week '" + text + "' is not valid; write day#n, like 3#2 (the second "
                        + "Tuesday) or MON#1");
            }
            int day = values.value(CronField.DAY_OF_WEEK, m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || n > MAX_NTH) {
                throw values.error("day-of-week '" + text + "' asks for occurrence " + n + "; a month has at most 5 of "
                        + "any weekday, so use #1 to #5");
            }
            return new DayRule.NthDayOfWeekInMonth(day, n);
        }
        if (text.equals("L")) {
            BitSet saturday = new BitSet();
            saturday.set(CronField.DAY_OF_WEEK.max());
            return new DayRule.DaysOfWeek(saturday);
        }
        if (!text.endsWith("L") || text.length() == 1) {
            throw values.error("day-of-week '" + text + "' is not valid; write dayL for the last such day of the "
                    + "month, like 6L (the last Friday) or FRIL");
        }
        return new DayRule.LastDayOfWeekInMonth(values.value(CronField.DAY_OF_WEEK,
                text.substring(0, text.length() - 1)));
    }
}
