package dev.localfaas.runtime.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateExpressionTest {

    private static final Instant START = Instant.parse("2027-01-31T12:00:00Z");

    @Test
    void everyUnitMeansItsLength() {
        assertEquals(Duration.ofMinutes(1), rate("rate(1 minute)").period());
        assertEquals(Duration.ofMinutes(5), rate("rate(5 minutes)").period());
        assertEquals(Duration.ofHours(1), rate("rate(1 hour)").period());
        assertEquals(Duration.ofHours(12), rate("rate(12 hours)").period());
        assertEquals(Duration.ofDays(1), rate("rate(1 day)").period());
        assertEquals(Duration.ofDays(7), rate("rate(7 days)").period());
        assertEquals(Duration.ofSeconds(1), rate("rate(1 second)").period());
        assertEquals(Duration.ofSeconds(30), rate("rate(30 seconds)").period());
    }

    @Test
    void theFirstFiringIsOnePeriodAfterTheStart() {
        assertEquals(Optional.of(START.plusSeconds(300)), rate("rate(5 minutes)").next(START));
        assertEquals(List.of(START.plusSeconds(300), START.plusSeconds(600), START.plusSeconds(900)),
                rate("rate(5 minutes)").firings(START, 3));
    }

    @Test
    void firingsStayOnTheStartsGridWhenAskedFromAnyMoment() {
        RateExpression rate = rate("rate(5 minutes)");
        assertEquals(Optional.of(START.plusSeconds(300)), rate.next(START, START.minusSeconds(3600)));
        assertEquals(Optional.of(START.plusSeconds(300)), rate.next(START, START.plusSeconds(299)));
        assertEquals(Optional.of(START.plusSeconds(600)), rate.next(START, START.plusSeconds(300)));
        assertEquals(Optional.of(START.plusSeconds(600)), rate.next(START, START.plusMillis(300_001)));
    }

    @Test
    void aMillionFiringsLandExactlyOnStartPlusKPeriods() {
        RateExpression rate = rate("rate(7 minutes)");
        Instant start = Instant.parse("2027-01-31T12:00:01Z");
        Instant at = start;
        for (long k = 1; k <= 1_000_000; k++) {
            at = rate.next(start, at).orElseThrow();
            if (!at.equals(start.plus(Duration.ofMinutes(7 * k)))) {
                throw new AssertionError("firing " + k + " drifted to " + at);
            }
        }
        assertEquals(Instant.parse("2040-05-23T14:40:01Z"), at);
        assertEquals(0, at.getNano());
    }

    @Test
    void daysAreExactly24HoursInUtcAcrossLeapDaysAndDstDates() {
        RateExpression rate = rate("rate(1 day)");
        Instant start = Instant.parse("2028-02-27T09:30:00Z");
        List<Instant> firings = rate.firings(start, 40);
        assertEquals(Instant.parse("2028-02-28T09:30:00Z"), firings.get(0));
        assertEquals(Instant.parse("2028-02-29T09:30:00Z"), firings.get(1));
        assertEquals(Instant.parse("2028-03-01T09:30:00Z"), firings.get(2));
        assertEquals(Instant.parse("2028-04-07T09:30:00Z"), firings.get(39));
    }

    @Test
    void aRateInSecondsRunsLocallyWithAWarningThatAwsRejectsIt() {
        RateExpression rate = rate("rate(1 second)");
        assertEquals(List.of("rate(1 second): AWS rejects rates in seconds (the shortest is rate(1 minute)); it runs "
                + "here only so that you need not wait, so use minutes before you deploy"), rate.warnings());
        assertTrue(rate("rate(1 minute)").warnings().isEmpty());
    }

    @Test
    void aRateBeyondTheEndOfTimeSaysItNeverFiresAgain() {
        RateExpression rate = rate("rate(999999999 days)");
        assertTrue(rate.next(START).isPresent());
        assertEquals(Optional.empty(), rate.next(START, Instant.MAX));
    }

    private static RateExpression rate(String text) {
        return assertInstanceOf(RateExpression.class, ScheduleExpression.parse(text));
    }
}
