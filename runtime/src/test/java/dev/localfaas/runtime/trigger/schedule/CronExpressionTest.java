package dev.localfaas.runtime.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real-world cron expressions and their next firings, checked against a calendar (all UTC, no DST). */
class CronExpressionTest {

    static Stream<Arguments> firings() {
        return Stream.of(
                // EventBridge's documented examples
                row("cron(0 10 * * ? *)", "2027-01-31T12:00:00Z", "2027-02-01T10:00:00Z", "2027-02-02T10:00:00Z"),
                row("cron(15 12 * * ? *)", "2027-01-31T12:14:59.999Z", "2027-01-31T12:15:00Z", "2027-02-01T12:15:00Z"),
                row("cron(0 18 ? * MON-FRI *)", "2027-01-29T18:00:00Z", // a Friday, at the firing: strictly after
                        "2027-02-01T18:00:00Z", "2027-02-02T18:00:00Z"),
                row("cron(0 8 1 * ? *)", "2027-01-15T00:00:00Z", "2027-02-01T08:00:00Z", "2027-03-01T08:00:00Z"),
                row("cron(0/15 * * * ? *)", "2027-01-31T23:50:00Z", "2027-02-01T00:00:00Z", "2027-02-01T00:15:00Z"),
                row("cron(0/10 * ? * MON-FRI *)", "2027-01-29T23:55:00Z", "2027-02-01T00:00:00Z",
                        "2027-02-01T00:10:00Z"),
                row("cron(0/5 8-17 ? * MON-FRI *)", "2027-02-01T17:52:00Z", "2027-02-01T17:55:00Z",
                        "2027-02-02T08:00:00Z"),
                // 20-2 wraps past midnight; the day-of-week is that of each firing's own date
                row("cron(0/30 20-2 ? * MON-FRI *)", "2027-01-29T23:10:00Z", "2027-01-29T23:30:00Z",
                        "2027-02-01T00:00:00Z", "2027-02-01T00:30:00Z", "2027-02-01T01:00:00Z", "2027-02-01T01:30:00Z",
                        "2027-02-01T02:00:00Z", "2027-02-01T02:30:00Z", "2027-02-01T20:00:00Z"),
                row("cron(0 12 * * ? *)", "2027-01-31T12:00:30Z", "2027-02-01T12:00:00Z"),
                row("cron(5,35 14 * * ? *)", "2027-01-31T14:05:00Z", "2027-01-31T14:35:00Z", "2027-02-01T14:05:00Z"),
                row("cron(15 10 ? * 6L 2019-2022)", "2019-01-01T00:00:00Z", "2019-01-25T10:15:00Z",
                        "2019-02-22T10:15:00Z", "2019-03-29T10:15:00Z", "2019-04-26T10:15:00Z", "2019-05-31T10:15:00Z"),
                row("cron(0 9 ? * 2#1 *)", "2027-02-01T09:00:00Z", "2027-03-01T09:00:00Z", "2027-04-05T09:00:00Z"),
                // / starts where it says: 1/10 is 1, 11, 21 ...
                row("cron(1/10 * * * ? *)", "2027-01-31T12:00:00Z", "2027-01-31T12:01:00Z", "2027-01-31T12:11:00Z",
                        "2027-01-31T12:21:00Z"),
                row("cron(50-10/10 * * * ? *)", "2027-01-31T12:45:00Z", "2027-01-31T12:50:00Z",
                        "2027-01-31T13:00:00Z", "2027-01-31T13:10:00Z", "2027-01-31T13:50:00Z"),
                // leap years: 29 February, and 2100 is not a leap year
                row("cron(0 0 29 2 ? *)", "2025-01-01T00:00:00Z", "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"),
                row("cron(0 0 29 FEB ? *)", "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z"),
                // month ends
                row("cron(0 0 L * ? *)", "2028-01-31T00:00:00Z", "2028-02-29T00:00:00Z", "2028-03-31T00:00:00Z",
                        "2028-04-30T00:00:00Z"),
                row("cron(0 0 L 2 ? *)", "2099-03-01T00:00:00Z", "2100-02-28T00:00:00Z"),
                row("cron(0 0 L-1 * ? *)", "2027-02-01T00:00:00Z", "2027-02-27T00:00:00Z", "2027-03-30T00:00:00Z"),
                row("cron(0 0 L-1 2 ? *)", "2027-03-01T00:00:00Z", "2028-02-28T00:00:00Z"),
                row("cron(0 0 LW * ? *)", "2027-01-01T00:00:00Z", "2027-01-29T00:00:00Z", "2027-02-26T00:00:00Z",
                        "2027-03-31T00:00:00Z"),
                row("cron(0 0 LW 7 ? 2027)", "2027-01-01T00:00:00Z", "2027-07-30T00:00:00Z"),
                // W: Saturday moves to Friday, Sunday to Monday, never out of the month
                row("cron(0 0 15W 5 ? 2027)", "2027-01-01T00:00:00Z", "2027-05-14T00:00:00Z"),
                row("cron(0 0 15W 8 ? 2027)", "2027-01-01T00:00:00Z", "2027-08-16T00:00:00Z"),
                row("cron(0 0 15W 2 ? 2027)", "2027-01-01T00:00:00Z", "2027-02-15T00:00:00Z"),
                row("cron(0 0 1W 5 ? 2027)", "2027-01-01T00:00:00Z", "2027-05-03T00:00:00Z"),
                row("cron(0 0 31W * ? 2027)", "2027-01-01T00:00:00Z", "2027-01-29T00:00:00Z", "2027-03-31T00:00:00Z",
                        "2027-05-31T00:00:00Z", "2027-07-30T00:00:00Z", "2027-08-31T00:00:00Z",
                        "2027-10-29T00:00:00Z", "2027-12-31T00:00:00Z"),
                // #5: only months that have a fifth such weekday
                row("cron(0 0 ? * 1#5 2027)", "2027-01-01T00:00:00Z", "2027-01-31T00:00:00Z", "2027-05-30T00:00:00Z",
                        "2027-08-29T00:00:00Z", "2027-10-31T00:00:00Z"),
                row("cron(0 0 ? FEB SUN#5 *)", "2027-01-01T00:00:00Z", "2032-02-29T00:00:00Z", "2060-02-29T00:00:00Z"),
                // L alone in day-of-week is the last day of the week: Saturday
                row("cron(0 0 ? * L *)", "2027-01-31T00:00:00Z", "2027-02-06T00:00:00Z", "2027-02-13T00:00:00Z"),
                row("cron(0 0 ? * FRIL 2019)", "2019-01-01T00:00:00Z", "2019-01-25T00:00:00Z"),
                // names, lists, wrapping ranges, case
                row("cron(0 0 1 NOV-FEB ? 2027-2028)", "2027-01-15T00:00:00Z", "2027-02-01T00:00:00Z",
                        "2027-11-01T00:00:00Z", "2027-12-01T00:00:00Z", "2028-01-01T00:00:00Z", "2028-02-01T00:00:00Z",
                        "2028-11-01T00:00:00Z"),
                row("cron(0 0 ? * FRI-MON *)", "2027-01-28T00:00:00Z", "2027-01-29T00:00:00Z", "2027-01-30T00:00:00Z",
                        "2027-01-31T00:00:00Z", "2027-02-01T00:00:00Z", "2027-02-05T00:00:00Z"),
                row("cron(0 0 ? jan,Mar mon 2027)", "2027-01-20T00:00:00Z", "2027-01-25T00:00:00Z",
                        "2027-03-01T00:00:00Z"),
                row("cron(0 0 ? * 2-6 *)", "2027-01-29T00:00:00Z", "2027-02-01T00:00:00Z"),
                row("cron(0 0 ? * 1,7 *)", "2027-01-29T00:00:00Z", "2027-01-30T00:00:00Z", "2027-01-31T00:00:00Z",
                        "2027-02-06T00:00:00Z"),
                row("cron(30 23 1/10 * ? *)", "2027-02-20T00:00:00Z", "2027-02-21T23:30:00Z", "2027-03-01T23:30:00Z"),
                row("cron(0 0 * */3 ? 2027)", "2027-03-31T00:00:00Z", "2027-04-01T00:00:00Z", "2027-04-02T00:00:00Z"),
                // years: ranges, steps, the 1970-2199 bounds
                row("cron(0 0 1 1 ? 2030-2032)", "2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z",
                        "2031-01-01T00:00:00Z", "2032-01-01T00:00:00Z"),
                row("cron(0 0 1 1 ? 2030/5)", "2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "2035-01-01T00:00:00Z"),
                row("cron(0 0 1 1 ? *)", "1960-06-01T00:00:00Z", "1970-01-01T00:00:00Z", "1971-01-01T00:00:00Z"),
                row("cron(59 23 31 12 ? *)", "2199-01-01T00:00:00Z", "2199-12-31T23:59:00Z"));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("firings")
    void firesAtTheCalendarsMoments(String expression, String from, List<String> expected) {
        ScheduleExpression cron = ScheduleExpression.parse(expression);
        List<Instant> actual = cron.firings(Instant.parse(from), expected.size());
        assertEquals(expected.stream().map(Instant::parse).toList(), actual);
    }

    @Test
    void anExpressionWhoseYearsHavePassedNeverFiresAgain() {
        ScheduleExpression cron = ScheduleExpression.parse("cron(15 10 ? * 6L 2019-2022)");
        assertEquals(Optional.of(Instant.parse("2022-12-30T10:15:00Z")),
                cron.next(Instant.parse("2022-12-01T00:00:00Z")));
        assertEquals(Optional.empty(), cron.next(Instant.parse("2022-12-30T10:15:00Z")));
        assertEquals(Optional.empty(), cron.next(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void nothingFiresAfterTheLastMinuteOf2199() {
        ScheduleExpression everyMinute = ScheduleExpression.parse("cron(* * * * ? *)");
        assertEquals(Optional.empty(), everyMinute.next(Instant.parse("2199-12-31T23:59:00Z")));
        assertEquals(Optional.empty(), everyMinute.next(Instant.parse("3000-01-01T00:00:00Z")));
        assertEquals(List.of(), everyMinute.firings(Instant.MAX, 3));
        assertEquals(Optional.of(Instant.parse("1970-01-01T00:00:00Z")), everyMinute.next(Instant.MIN));
    }

    @Test
    void aDayThatNeverExistsEndsTheSearchQuicklyInsteadOfLooping() {
        for (String never : List.of("cron(0 0 30 2 ? *)", "cron(0 0 31 4 ? *)", "cron(0 0 ? 2 1#5 2027-2031)",
                "cron(0 0 L-30 2 ? *)", "cron(0 0 31W 6 ? *)")) {
            ScheduleExpression cron = ScheduleExpression.parse(never);
            Optional<Instant> next = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> cron.next(Instant.parse("1970-01-01T00:00:00Z")), never);
            assertEquals(Optional.empty(), next, never);
        }
    }

    @Test
    void cronFiresOnWholeMinutesWhateverTheStart() {
        ScheduleExpression cron = ScheduleExpression.parse("cron(* * * * ? *)");
        Instant odd = Instant.parse("2027-01-31T12:00:41.123456789Z");
        assertEquals(Optional.of(Instant.parse("2027-01-31T12:01:00Z")), cron.next(Instant.EPOCH, odd));
        assertTrue(cron.warnings().isEmpty());
        assertInstanceOf(CronExpression.class, cron);
    }

    @Test
    void aCronAfterEveryMinuteForAYearVisitsEachMinuteOnce() {
        ScheduleExpression cron = ScheduleExpression.parse("cron(* * * * ? 2028)");
        List<Instant> all = cron.firings(Instant.parse("2027-12-31T23:59:00Z"), 600_000);
        assertEquals(366 * 24 * 60, all.size());
        assertEquals(Instant.parse("2028-01-01T00:00:00Z"), all.get(0));
        assertEquals(Instant.parse("2028-12-31T23:59:00Z"), all.get(all.size() - 1));
    }

    private static Arguments row(String expression, String from, String... expected) {
        return Arguments.of(expression, from, Arrays.asList(expected));
    }
}
