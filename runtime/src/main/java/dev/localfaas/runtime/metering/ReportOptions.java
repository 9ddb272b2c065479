package dev.localfaas.runtime.metering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report covers and how it prices it.
 *
 * @param providers       provider ids to show; empty for the price book's defaults, {@code all} for every one
 * @param freeTier        whether to apply the monthly free tiers (the records are taken as one month)
 * @param monthlyRequests project the observed mix to this many requests a month; 0 for no projection
 * @param since           only records that started at or after this instant, or null for all
 * @param function        only this function's records, or null for all
 */
public record ReportOptions(List<String> providers, boolean freeTier, long monthlyRequests, Instant since,
        String function) {

    public ReportOptions {
        providers = List.copyOf(providers);
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthlyRequests " + monthlyRequests + " is negative");
        }
    }

    /** The default providers, free tier applied, no projection, every record. */
    public static ReportOptions defaults() {
        return new ReportOptions(List.of(), true, 0, null, null);
    }

    public ReportOptions withProviders(List<String> ids) {
        return new ReportOptions(ids, freeTier, monthlyRequests, since, function);
    }

    public Optional<Instant> sinceInstant() {
        return Optional.ofNullable(since);
    }

    /** Whether a record is in the report's scope. */
    public boolean accepts(UsageRecord r) {
        return (function == null || function.equals(r.function()))
                && (since == null || !Instant.parse(r.start()).isBefore(since));
    }
}
