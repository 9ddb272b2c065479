package dev.localfaas.runtime.trigger.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)}, in UTC: fires at second 0 of every matching
 * minute. Parse one with {@link ScheduleExpression#parse(String)}.
 */
public final class CronExpression implements ScheduleExpression {

    private static final LocalDateTime EPOCH = LocalDateTime.of(CronField.YEAR.min(), 1, 1, 0, 0);
    private static final Instant END = LocalDateTime.of(CronField.YEAR.max() + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final DayRule days;
    private final BitSet months;
    private final BitSet years;

    CronExpression(String text, BitSet minutes, BitSet hours, DayRule days, BitSet months, BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    /**
     * Walks forward from the minute after {@code after}, jumping whole years, months, days and hours that cannot
     * match, so that even an expression that never fires again (its years are past, or it names 30 February) ends
     * after at most a few thousand steps: the year field stops at 2199.
     */
    @Override
    public Optional<Instant> next(Instant start, Instant after) {
        if (!after.isBefore(END)) {
            return Optional.empty();
        }
        LocalDateTime t = after.isBefore(EPOCH.toInstant(ZoneOffset.UTC)) ? EPOCH
                : LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (true) {
            int year = years.nextSetBit(t.getYear());
            if (year < 0) {
                return Optional.empty();
            }
            if (year != t.getYear()) {
                t = LocalDateTime.of(year, 1, 1, 0, 0);
            }
            int month = months.nextSetBit(t.getMonthValue());
            if (month < 0) {
                t = LocalDateTime.of(year + 1, 1, 1, 0, 0);
                continue;
            }
            if (month != t.getMonthValue()) {
                t = LocalDateTime.of(year, month, 1, 0, 0);
            }
            if (!days.matches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            int hour = hours.nextSetBit(t.getHour());
            if (hour < 0) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if (hour != t.getHour()) {
                t = t.withHour(hour).withMinute(0);
            }
            int minute = minutes.nextSetBit(t.getMinute());
            if (minute < 0) {
                t = t.withMinute(0).plusHours(1);
                continue;
            }
            return Optional.of(t.withMinute(minute).toInstant(ZoneOffset.UTC));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
