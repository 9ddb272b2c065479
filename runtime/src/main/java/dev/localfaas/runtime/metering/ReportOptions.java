package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report covers and how it prices it.
 *
 * @param providers       provider ids or groups to show; empty (or {@code all}) for every provider in the book
 * @param freeTier        whether to apply the monthly free tiers (the records are taken as one month)
 * @param monthlyRequests project the observed mix to this many requests a month; 0 for no projection
 * @param since           only records that started at or after this instant, or null for all
 * @param function        only this function's records, or null for all
 * @param scale           project the observed mix to this many times the invocations ({@code --scale 100x}), or
 *                        null; instead of {@code monthlyRequests}
 * @param whatIfMemoryMb  re-price every invocation at this memory size, durations kept as measured; 0 for none
 * @param containerSize   the always-on container's size, or null to size it from the observed peak
 */
public record ReportOptions(List<String> providers, boolean freeTier, long monthlyRequests, Instant since,
        String function, BigDecimal scale, int whatIfMemoryMb, ContainerSize containerSize) {

    public ReportOptions {
        providers = List.copyOf(providers);
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthlyRequests " + monthlyRequests + " is negative");
        }
        if (scale != null && scale.signum() <= 0) {
            throw new IllegalArgumentException("scale " + scale + " is not more than 0");
        }
    }

    public ReportOptions(List<String> providers, boolean freeTier, long monthlyRequests, Instant since,
            String function) {
        this(providers, freeTier, monthlyRequests, since, function, null, 0, null);
    }

    /** Every provider, free tier applied, no projection, every record. */
    public static ReportOptions defaults() {
        return new ReportOptions(List.of(), true, 0, null, null);
    }

    public ReportOptions withProviders(List<String> ids) {
        return new ReportOptions(ids, freeTier, monthlyRequests, since, function, scale, whatIfMemoryMb,
                containerSize);
    }

    public Optional<Instant> sinceInstant() {
        return Optional.ofNullable(since);
    }

    /** Whether a projection was asked for, by volume or by factor. */
    public boolean projects() {
        return monthlyRequests > 0 || scale != null;
    }

    /** Whether a record is in the report's scope. */
    public boolean accepts(UsageRecord r) {
        return (function == null || function.equals(r.function()))
                && (since == null || !Instant.parse(r.start()).isBefore(since));
    }

    /** The record as this report prices it: at the what-if memory size when there is one. */
    public UsageRecord priced(UsageRecord r) {
        return whatIfMemoryMb > 0 ? r.withMemoryMb(whatIfMemoryMb) : r;
    }
}
