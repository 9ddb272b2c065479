package dev.localfaas.runtime.trigger.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;

/**
 * Which days of a month a cron expression fires on. Exactly one of day-of-month and day-of-week is {@code ?}, so the
 * other field alone decides; each of its forms is one rule.
 */
sealed interface DayRule {

    boolean matches(LocalDate date);

    /** Day-of-week as EventBridge numbers it: 1 = Sunday ... 7 = Saturday. */
    static int awsDayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    /** Days of the month from a list, range or step ({@code 1,15}, {@code 1-7}, {@code 1/2}, {@code *}). */
    record DaysOfMonth(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(date.getDayOfMonth());
        }
    }

    /** {@code L} (offset 0) or {@code L-n}: the last day of the month, or n days before it. */
    record LastDayOfMonth(int offset) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth() - offset;
        }
    }

    /** {@code LW}: the last Monday-to-Friday day of the month. */
    record LastWeekdayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
            while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
                last = last.minusDays(1);
            }
            return date.equals(last);
        }
    }

    /**
     * {@code nW}: the weekday nearest day n, never leaving the month: a Saturday moves to Friday unless that is in
     * the previous month (then Monday), a Sunday to Monday unless that is in the next month (then Friday). A day the
     * month does not have ({@code 31W} in April) does not fire, as {@code 31} does not.
     */
    record NearestWeekday(int day) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            if (day > date.lengthOfMonth()) {
                return false;
            }
            LocalDate target = date.withDayOfMonth(day);
            int length = date.lengthOfMonth();
            if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
                target = day == 1 ? target.plusDays(2) : target.minusDays(1);
            } else if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = day == length ? target.minusDays(2) : target.plusDays(1);
            }
            return date.equals(target);
        }
    }

    /** Days of the week from a list or range ({@code MON-FRI}, {@code 1,7}, {@code *}), 1 = Sunday. */
    record DaysOfWeek(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(awsDayOfWeek(date));
        }
    }

    /** {@code nL}: the last such weekday of the month ({@code 6L} = last Friday). */
    record LastDayOfWeekInMonth(int dayOfWeek) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return awsDayOfWeek(date) == dayOfWeek && date.plusDays(7).getMonth() != date.getMonth();
        }
    }

    /** {@code d#n}: the nth such weekday of the month ({@code 3#2} = second Tuesday); months without one skip. */
    record NthDayOfWeekInMonth(int dayOfWeek, int nth) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return awsDayOfWeek(date) == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }
}
