package dev.localfaas.runtime.trigger.schedule;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Reads the common part of every cron field: values, names, {@code *}, lists ({@code ,}), ranges ({@code -}, which may
 * wrap round: {@code 22-2} hours) and increments ({@code /}). Each mistake is reported against the whole expression.
 */
final class CronValueParser {

    private static final Pattern DAY_WILDCARD = Pattern.compile("L|LW|L-\\d+|\\d+L|\\d+W");
    private static final int MAX_NUMBER_DIGITS = 4;

    private final String text;

    CronValueParser(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    ScheduleExpressionException error(String reason) {
        return new ScheduleExpressionException(text, reason);
    }

    /** The values a field's list selects, as bits indexed by value. */
    BitSet values(CronField field, String list) {
        BitSet bits = new BitSet(field.max() + 1);
        for (String item : list.split(",", -1)) {
            if (item.isEmpty()) {
                throw error(field.label() + " '" + list + "' has an empty entry; remove the extra comma");
            }
            addItem(field, item, bits);
        }
        return bits;
    }

    private void addItem(CronField field, String item, BitSet bits) {
        String range = item;
        int step = 1;
        boolean stepped = false;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            if (item.indexOf('/', slash + 1) >= 0) {
                throw error(field.label() + " '" + item + "' has more than one /; write start/step like 0/15");
            }
            range = item.substring(0, slash);
            step = step(field, item.substring(slash + 1), item);
            stepped = true;
            if (range.isEmpty()) {
                throw error(field.label() + " '" + item + "' needs a start before /; write */" + step + " or "
                        + field.min() + "/" + step);
            }
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = field.min();
            to = field.max();
        } else if (range.indexOf('-') >= 0 && !DAY_WILDCARD.matcher(range).matches()) {
            String[] ends = range.split("-", -1);
            if (ends.length != 2 || ends[0].isEmpty() || ends[1].isEmpty()) {
                throw error(field.label() + " '" + range + "' is not a range; write start-end like "
                        + example(field));
            }
            from = value(field, ends[0]);
            to = value(field, ends[1]);
            if (to < from && !field.wraps()) {
                throw error(field.label() + " range " + range + " runs backwards; write " + ends[1] + "-" + ends[0]);
            }
        } else {
            from = value(field, range);
            to = stepped ? field.max() : from;
        }
        int count = field.wraps() ? Math.floorMod(to - from, field.span()) + 1 : to - from + 1;
        for (int i = 0; i < count; i += step) {
            bits.set(field.min() + (from - field.min() + i) % field.span());
        }
    }

    private int step(CronField field, String token, String item) {
        if (token.isEmpty() || !token.chars().allMatch(Character::isDigit)) {
            throw error(field.label() + " '" + item + "' has a step that is not a number; write start/step like "
                    + field.min() + "/5");
        }
        int step = token.length() > MAX_NUMBER_DIGITS ? Integer.MAX_VALUE : Integer.parseInt(token);
        if (step == 0) {
            throw error(field.label() + " '" + item + "' has step 0, which never advances; use a step of at least 1");
        }
        if (step > field.maxStep()) {
            throw error(field.label() + " '" + item + "' has step " + token + ", which is too large; use 1-"
                    + field.maxStep());
        }
        return step;
    }

    /** One value: a number in the field's range, or one of its names ({@code JAN}, {@code MON}). */
    int value(CronField field, String token) {
        if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
            int v = token.length() > MAX_NUMBER_DIGITS ? Integer.MAX_VALUE : Integer.parseInt(token);
            if (v < field.min() || v > field.max()) {
                String unixHint = field == CronField.DAY_OF_WEEK && v == 0
                        ? " (Unix cron's 0 for Sunday is 1 here)" : "";
                throw error(field.label() + " value " + token + " is out of range; use " + field.allowed() + unixHint);
            }
            return v;
        }
        int named = field.valueOfName(token);
        if (named >= 0) {
            return named;
        }
        char wildcard = token.endsWith("W") ? 'W' : 'L';
        if (DAY_WILDCARD.matcher(token).matches() && !field.accepts(wildcard)) {
            throw wildcardNotAccepted(field, wildcard);
        }
        throw error(field.label() + " value '" + token + "' is not valid; use " + field.allowed());
    }

    /** A wildcard this field does not take, with where it belongs. */
    ScheduleExpressionException wildcardNotAccepted(CronField field, char wildcard) {
        String hint = switch (wildcard) {
            case '?' -> "? (any) belongs only in day-of-month or day-of-week; use * here";
            case '/' -> "list the days instead, like MON,WED,FRI";
            case '#' -> "# (nth weekday, like 3#2) belongs in day-of-week";
            case 'L' -> "L (last) belongs in day-of-month or day-of-week";
            case 'W' -> "W (nearest weekday, like 15W) belongs in day-of-month";
            default -> "use only " + field.wildcards();
        };
        return error(field.label() + " does not accept " + wildcard + " (it accepts " + field.wildcards() + "); "
                + hint);
    }

    private static String example(CronField field) {
        return switch (field) {
            case MONTH -> "JAN-MAR";
            case DAY_OF_WEEK -> "MON-FRI";
            case YEAR -> "2027-2029";
            default -> "1-5";
        };
    }
}
