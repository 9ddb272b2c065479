package dev.localfaas.runtime.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an expression can be wrong, each with the exact one-line message a user reads. */
class ScheduleExpressionErrorsTest {

    static Stream<Arguments> rejections() {
        return Stream.of(
                // the wrapper
                reject("", "\"\": the schedule expression is empty; write rate(5 minutes) or cron(0 12 * * ? *)"),
                reject("every 5 minutes", "every 5 minutes: not a schedule expression; write rate(value unit) such as "
                        + "rate(5 minutes), or cron(minutes hours day-of-month month day-of-week year) such as "
                        + "cron(0 12 * * ? *)"),
                reject("0 12 * * ? *", "0 12 * * ? *: not a schedule expression; write rate(value unit) such as "
                        + "rate(5 minutes), or cron(minutes hours day-of-month month day-of-week year) such as "
                        + "cron(0 12 * * ? *)"),
                reject("rate(5 minutes", "rate(5 minutes: missing the closing parenthesis; write rate(...)"),
                // rate
                reject("rate()", "rate(): a rate needs a value and a unit separated by a space, like rate(5 minutes)"),
                reject("rate(5)", "rate(5): a rate needs a value and a unit separated by a space, like rate(5 minutes)"),
                reject("rate(5 minutes now)", "rate(5 minutes now): a rate needs a value and a unit separated by a "
                        + "space, like rate(5 minutes)"),
                reject("rate(1.5 hours)", "rate(1.5 hours): the value '1.5' is not a positive whole number; write a "
                        + "number of units such as rate(5 minutes)"),
                reject("rate(-5 minutes)", "rate(-5 minutes): the value '-5' is not a positive whole number; write a "
                        + "number of units such as rate(5 minutes)"),
                reject("rate(0 minutes)", "rate(0 minutes): the value must be at least 1, like rate(1 minute)"),
                reject("rate(1000000000 days)", "rate(1000000000 days): the value 1000000000 is too large; use at most "
                        + "999999999 units"),
                reject("rate(2 weeks)", "rate(2 weeks): the unit 'weeks' is not one of minute, minutes, hour, hours, "
                        + "day, days; write rate(2 minutes)"),
                reject("rate(5 Minutes)", "rate(5 Minutes): the unit 'Minutes' is not one of minute, minutes, hour, "
                        + "hours, day, days; write rate(5 minutes)"),
                reject("rate(1 hours)", "rate(1 hours): a value of 1 takes the singular unit; write rate(1 hour)"),
                reject("rate(5 hour)", "rate(5 hour): a value above 1 takes the plural unit; write rate(5 hours)"),
                reject("rate(1 minutes)", "rate(1 minutes): a value of 1 takes the singular unit; write rate(1 minute)"),
                reject("rate(10 second)", "rate(10 second): a value above 1 takes the plural unit; write "
                        + "rate(10 seconds)"),
                // cron: fields
                reject("cron()", "cron(): has 0 fields but needs 6 (minutes hours day-of-month month day-of-week year); "
                        + "for example cron(0 12 * * ? *) runs every day at 12:00 UTC"),
                reject("cron(0 12 * * *)", "cron(0 12 * * *): has 5 fields but needs 6 (minutes hours day-of-month "
                        + "month day-of-week year); add the year field (usually *) and put ? in day-of-month or "
                        + "day-of-week, like cron(0 12 * * ? *)"),
                reject("cron(0 0 12 * * ? *)", "cron(0 0 12 * * ? *): has 7 fields but needs 6 (minutes hours "
                        + "day-of-month month day-of-week year); EventBridge has no seconds field, so drop the first one"),
                // cron: the ? rule
                reject("cron(0 12 * * * *)", "cron(0 12 * * * *): day-of-month and day-of-week cannot both be "
                        + "specified; use ? in one of them"),
                reject("cron(0 12 1 * MON *)", "cron(0 12 1 * MON *): day-of-month and day-of-week cannot both be "
                        + "specified; use ? in one of them"),
                reject("cron(0 12 ? * ? *)", "cron(0 12 ? * ? *): day-of-month and day-of-week cannot both be ?; put a "
                        + "value or * in one of them"),
                reject("cron(0 ? * * ? *)", "cron(0 ? * * ? *): hours does not accept ? (it accepts , - * /); ? (any) "
                        + "belongs only in day-of-month or day-of-week; use * here"),
                reject("cron(0 12 ?,1 * ? *)", "cron(0 12 ?,1 * ? *): day-of-month '?,1' mixes ? with other values; ? "
                        + "must stand alone"),
                // cron: values and ranges
                reject("cron(60 12 * * ? *)", "cron(60 12 * * ? *): minutes value 60 is out of range; use 0-59"),
                reject("cron(0 24 * * ? *)", "cron(0 24 * * ? *): hours value 24 is out of range; use 0-23"),
                reject("cron(0 12 32 * ? *)", "cron(0 12 32 * ? *): day-of-month value 32 is out of range; use 1-31"),
                reject("cron(0 12 0 * ? *)", "cron(0 12 0 * ? *): day-of-month value 0 is out of range; use 1-31"),
                reject("cron(0 12 1 13 ? *)", "cron(0 12 1 13 ? *): month value 13 is out of range; use 1-12 or "
                        + "JAN-DEC"),
                reject("cron(0 12 ? * 0 *)", "cron(0 12 ? * 0 *): day-of-week value 0 is out of range; use 1-7 or "
                        + "SUN-SAT (1 = Sunday) (Unix cron's 0 for Sunday is 1 here)"),
                reject("cron(0 12 ? * 8 *)", "cron(0 12 ? * 8 *): day-of-week value 8 is out of range; use 1-7 or "
                        + "SUN-SAT (1 = Sunday)"),
                reject("cron(0 12 * * ? 1969)", "cron(0 12 * * ? 1969): year value 1969 is out of range; use "
                        + "1970-2199"),
                reject("cron(0 12 * * ? 2200)", "cron(0 12 * * ? 2200): year value 2200 is out of range; use "
                        + "1970-2199"),
                reject("cron(0 12 * * ? 99999)", "cron(0 12 * * ? 99999): year value 99999 is out of range; use "
                        + "1970-2199"),
                reject("cron(0 12 ? * MOM *)", "cron(0 12 ? * MOM *): day-of-week value 'MOM' is not valid; use 1-7 or "
                        + "SUN-SAT (1 = Sunday)"),
                reject("cron(0 12 1 MON ? *)", "cron(0 12 1 MON ? *): month value 'MON' is not valid; use 1-12 or "
                        + "JAN-DEC"),
                reject("cron(x 12 * * ? *)", "cron(x 12 * * ? *): minutes value 'X' is not valid; use 0-59"),
                reject("cron(0 12 * JAN-DEX ? *)", "cron(0 12 * JAN-DEX ? *): month value 'DEX' is not valid; use "
                        + "1-12 or JAN-DEC"),
                reject("cron(0 1,,2 * * ? *)", "cron(0 1,,2 * * ? *): hours '1,,2' has an empty entry; remove the "
                        + "extra comma"),
                reject("cron(0 12 * * ? 2025-2020)", "cron(0 12 * * ? 2025-2020): year range 2025-2020 runs "
                        + "backwards; write 2020-2025"),
                reject("cron(0 1-2-3 * * ? *)", "cron(0 1-2-3 * * ? *): hours '1-2-3' is not a range; write start-end "
                        + "like 1-5"),
                reject("cron(0 -5 * * ? *)", "cron(0 -5 * * ? *): hours '-5' is not a range; write start-end like 1-5"),
                reject("cron(0 12 ? * MON- *)", "cron(0 12 ? * MON- *): day-of-week 'MON-' is not a range; write "
                        + "start-end like MON-FRI"),
                // cron: increments
                reject("cron(0/0 * * * ? *)", "cron(0/0 * * * ? *): minutes '0/0' has step 0, which never advances; "
                        + "use a step of at least 1"),
                reject("cron(0/60 * * * ? *)", "cron(0/60 * * * ? *): minutes '0/60' has step 60, which is too large; "
                        + "use 1-59"),
                reject("cron(0 0/24 * * ? *)", "cron(0 0/24 * * ? *): hours '0/24' has step 24, which is too large; "
                        + "use 1-23"),
                reject("cron(0 0 1/32 * ? *)", "cron(0 0 1/32 * ? *): day-of-month '1/32' has step 32, which is too "
                        + "large; use 1-31"),
                reject("cron(0 0 1 1/13 ? *)", "cron(0 0 1 1/13 ? *): month '1/13' has step 13, which is too large; "
                        + "use 1-12"),
                reject("cron(0/x * * * ? *)", "cron(0/x * * * ? *): minutes '0/X' has a step that is not a number; "
                        + "write start/step like 0/5"),
                reject("cron(0/ * * * ? *)", "cron(0/ * * * ? *): minutes '0/' has a step that is not a number; write "
                        + "start/step like 0/5"),
                reject("cron(/5 * * * ? *)", "cron(/5 * * * ? *): minutes '/5' needs a start before /; write */5 or "
                        + "0/5"),
                reject("cron(0/5/2 * * * ? *)", "cron(0/5/2 * * * ? *): minutes '0/5/2' has more than one /; write "
                        + "start/step like 0/15"),
                reject("cron(0 12 ? * */2 *)", "cron(0 12 ? * */2 *): day-of-week does not accept / (it accepts "
                        + ", - * ? L #); list the days instead, like MON,WED,FRI"),
                // cron: L, W and # in the wrong field
                reject("cron(L 12 * * ? *)", "cron(L 12 * * ? *): minutes does not accept L (it accepts , - * /); L "
                        + "(last) belongs in day-of-month or day-of-week"),
                reject("cron(0 12 * L ? *)", "cron(0 12 * L ? *): month does not accept L (it accepts , - * /); L "
                        + "(last) belongs in day-of-month or day-of-week"),
                reject("cron(0 12 * * ? L)", "cron(0 12 * * ? L): year does not accept L (it accepts , - * /); L (last) "
                        + "belongs in day-of-month or day-of-week"),
                reject("cron(0 12 ? * 2W *)", "cron(0 12 ? * 2W *): day-of-week does not accept W (it accepts "
                        + ", - * ? L #); W (nearest weekday, like 15W) belongs in day-of-month"),
                reject("cron(0 15W * * ? *)", "cron(0 15W * * ? *): hours does not accept W (it accepts , - * /); W "
                        + "(nearest weekday, like 15W) belongs in day-of-month"),
                reject("cron(0 12 3#2 * ? *)", "cron(0 12 3#2 * ? *): day-of-month does not accept # (it accepts "
                        + ", - * ? / L W); # (nth weekday, like 3#2) belongs in day-of-week"),
                // cron: the day forms
                reject("cron(0 12 1,L * ? *)", "cron(0 12 1,L * ? *): day-of-month '1,L': L and W must stand alone in "
                        + "the field; write one of L, L-n, LW or nW, and use another schedule for other days"),
                reject("cron(0 12 1W,15W * ? *)", "cron(0 12 1W,15W * ? *): day-of-month '1W,15W': L and W must stand "
                        + "alone in the field; write one of L, L-n, LW or nW, and use another schedule for other days"),
                reject("cron(0 12 L-31 * ? *)", "cron(0 12 L-31 * ? *): day-of-month 'L-31' counts back 31 days from "
                        + "the last day; use L-0 to L-30"),
                reject("cron(0 12 32W * ? *)", "cron(0 12 32W * ? *): day-of-month '32W' names day 32; nW takes a day "
                        + "1-31, like 15W"),
                reject("cron(0 12 0W * ? *)", "cron(0 12 0W * ? *): day-of-month '0W' names day 0; nW takes a day "
                        + "1-31, like 15W"),
                reject("cron(0 12 W * ? *)", "cron(0 12 W * ? *): day-of-month 'W' is not valid; use 1-31, L (last "
                        + "day), L-n (n days before it), LW (last weekday) or nW (weekday nearest day n)"),
                reject("cron(0 12 1-L * ? *)", "cron(0 12 1-L * ? *): day-of-month '1-L' is not valid; use 1-31, L "
                        + "(last day), L-n (n days before it), LW (last weekday) or nW (weekday nearest day n)"),
                reject("cron(0 12 ? * 3#1,6#3 *)", "cron(0 12 ? * 3#1,6#3 *): day-of-week '3#1,6#3': # must stand alone "
                        + "in the field (EventBridge rejects 3#1,6#3); use one schedule per day"),
                reject("cron(0 12 ? * 2,6L *)", "cron(0 12 ? * 2,6L *): day-of-week '2,6L': L must stand alone in the "
                        + "field; use one schedule per day"),
                reject("cron(0 12 ? * 3#6 *)", "cron(0 12 ? * 3#6 *): day-of-week '3#6' asks for occurrence 6; a month "
                        + "has at most 5 of any weekday, so use #1 to #5"),
                reject("cron(0 12 ? * 3#0 *)", "cron(0 12 ? * 3#0 *): day-of-week '3#0' asks for occurrence 0; a month "
                        + "has at most 5 of any weekday, so use #1 to #5"),
                reject("cron(0 12 ? * 8#1 *)", "cron(0 12 ? * 8#1 *): day-of-week value 8 is out of range; use 1-7 or "
                        + "SUN-SAT (1 = Sunday)"),
                reject("cron(0 12 ? * #2 *)", "cron(0 12 ? * #2 *): day-of-week '#2' is not valid; write day#n, like "
                        + "3#2 (the second Tuesday) or MON#1"),
                reject("cron(0 12 ? * 6L6 *)", "cron(0 12 ? * 6L6 *): day-of-week '6L6' is not valid; write dayL for "
                        + "the last such day of the month, like 6L (the last Friday) or FRIL"),
                reject("cron(0 12 ? * 9L *)", "cron(0 12 ? * 9L *): day-of-week value 9 is out of range; use 1-7 or "
                        + "SUN-SAT (1 = Sunday)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejections")
    void rejectsWithAOneLineMessageNamingTheExpressionTheRuleAndTheFix(String expression, String message) {
        ScheduleExpressionException e = assertThrows(ScheduleExpressionException.class,
                () -> ScheduleExpression.parse(expression));
        assertEquals(message, e.getMessage());
        assertEquals(expression.strip(), e.expression());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(5 hours)", "rate(1 day)",
        "rate(7 days)", "rate(05 minutes)", " rate( 5   minutes ) ", "cron(0 12 * * ? *)", "cron(0 12 ? * * *)",
        "cron(0   12 * * ?   *)", "cron(15 10 ? * 6L 2019-2022)", "cron(0/5 8-17 ? * MON-FRI *)",
        "cron(0 9 ? * 2#1 *)", "cron(0 0 L * ? *)", "cron(0 0 L-3 * ? *)", "cron(0 0 LW * ? *)", "cron(0 0 15W * ? *)",
        "cron(0 0 ? * L *)", "cron(0 0 ? * MON#1 *)", "cron(0,30 * * JAN,jul ? 1970,2199)", "cron(*/5 */2 */3 */4 ? */10)",
        "cron(0 20-2 ? * FRI-MON *)"})
    void acceptsWhatEventBridgeAccepts(String expression) {
        ScheduleExpression parsed = ScheduleExpression.parse(expression);
        assertEquals(expression.strip(), parsed.text());
    }

    private static Arguments reject(String expression, String message) {
        return Arguments.of(expression, message);
    }
}
