package dev.localfaas.runtime.gateway.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * An API Gateway usage plan: a throttle per key (a token bucket of {@code burst} refilled at {@code rate} per
 * second) and a quota per key ({@code quota} requests per DAY, WEEK or MONTH, UTC), over the APIs it names.
 *
 * @param rate   requests per second per key; 0 when the plan does not throttle
 * @param burst  the bucket's size; at least 1 when the plan throttles
 * @param quota  requests per period per key; 0 when the plan has no quota
 * @param period DAY, WEEK or MONTH
 * @param apis   the APIs (logical ids) it applies to; empty for every API
 */
public record UsagePlan(String name, double rate, int burst, long quota, String period, List<String> apis) {

    public UsagePlan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a usage plan needs a name");
        }
        period = period == null ? "DAY" : period.toUpperCase(Locale.ROOT);
        if (!List.of("DAY", "WEEK", "MONTH").contains(period)) {
            throw new IllegalArgumentException("usage plan " + name + ": quota period " + period
                    + " is not DAY, WEEK or MONTH");
        }
        if (rate < 0 || quota < 0) {
            throw new IllegalArgumentException("usage plan " + name + ": rate and quota must not be negative");
        }
        if (rate > 0 && burst < 1) {
            burst = (int) Math.max(1, Math.ceil(rate));
        }
        apis = List.copyOf(apis);
    }

    public boolean throttles() {
        return rate > 0;
    }

    public boolean limited() {
        return quota > 0;
    }

    public boolean covers(String api) {
        return apis.isEmpty() || apis.contains(api);
    }

    /** The first day of the quota period holding {@code day} (weeks start on Monday, all in UTC). */
    public LocalDate periodStart(LocalDate day) {
        return switch (period) {
            case "WEEK" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    public LocalDate nextPeriod(LocalDate start) {
        return switch (period) {
            case "WEEK" -> start.plusWeeks(1);
            case "MONTH" -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public String describe() {
        return "plan " + name + (throttles() ? " rate " + rate + "/s burst " + burst : "")
                + (limited() ? " quota " + quota + "/" + period : "");
    }
}
