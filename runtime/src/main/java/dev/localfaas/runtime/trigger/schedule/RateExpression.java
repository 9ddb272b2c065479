package dev.localfaas.runtime.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code rate(value unit)}: fires every {@code period} after the schedule starts, at {@code start + k * period}.
 *
 * @param text   the expression as written
 * @param value  how many units, at least 1
 * @param period value times the unit
 */
public record RateExpression(String text, long value, Duration period, List<String> warnings)
        implements ScheduleExpression {

    private static final int MAX_DIGITS = 9;

    public RateExpression {
        warnings = List.copyOf(warnings);
    }

    static RateExpression parse(String text, String body) {
        String[] parts = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (parts.length != 2) {
            throw new ScheduleExpressionException(text, "a rate needs a value and a unit separated by a space, "
                    + "like rate(5 minutes)");
        }
        String number = parts[0];
        String word = parts[1];
        if (!number.chars().allMatch(Character::isDigit)) {
            throw new ScheduleExpressionException(text, "the value '" + number + "' is not a positive whole number; "
                    + "write a number of units such as rate(5 minutes)");
        }
        if (number.length() > MAX_DIGITS) {
            throw new ScheduleExpressionException(text, "the value " + number + " is too large; use at most "
                    + "999999999 units");
        }
        long value = Long.parseLong(number);
        if (value == 0) {
            throw new ScheduleExpressionException(text, "the value must be at least 1, like rate(1 minute)");
        }
        RateUnit unit = RateUnit.bySpelling(word).orElseThrow(() -> new ScheduleExpressionException(text,
                "the unit '" + word + "' is not one of minute, minutes, hour, hours, day, days; write rate("
                        + value + " " + RateUnit.MINUTE.spelling(value) + ")"));
        boolean plural = unit.isPlural(word);
        if (value == 1 && plural) {
            throw new ScheduleExpressionException(text, "a value of 1 takes the singular unit; write rate(1 "
                    + unit.spelling(1) + ")");
        }
        if (value > 1 && !plural) {
            throw new ScheduleExpressionException(text, "a value above 1 takes the plural unit; write rate(" + value
                    + " " + unit.spelling(value) + ")");
        }
        List<String> warnings = unit.acceptedByAws() ? List.of()
                : List.of(text + ": AWS rejects rates in seconds (the shortest is rate(1 minute)); it runs here only "
                        + "so that you need not wait, so use minutes before you deploy");
        return new RateExpression(text, value, unit.length().multipliedBy(value), warnings);
    }

    /** Whole periods from start to after; in long nanoseconds while they fit (292 years), exactly beyond. */
    private long periodsBetween(Instant start, Instant after) {
        Duration elapsed = Duration.between(start, after);
        try {
            return elapsed.toNanos() / period.toNanos();
        } catch (ArithmeticException overflow) {
            return elapsed.dividedBy(period);
        }
    }

    @Override
    public Optional<Instant> next(Instant start, Instant after) {
        try {
            long periods = after.isBefore(start) ? 0 : periodsBetween(start, after);
            return Optional.of(start.plus(period.multipliedBy(periods + 1)));
        } catch (ArithmeticException | DateTimeException beyondTime) {
            return Optional.empty();
        }
    }
}
