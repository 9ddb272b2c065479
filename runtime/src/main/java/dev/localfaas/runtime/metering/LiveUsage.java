package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running gateway's own usage, in memory, for {@code GET /_faas/usage} and the summary {@code faas run} prints
 * on exit. It keeps about 24 bytes per invocation (three numbers, for percentiles).
 */
public final class LiveUsage implements InvocationListener {
    private final ReportOptions options;
    private final List<Provider> providers;
    private final UsageAggregator aggregator;
    private final Instant since = Instant.now();

    /**
     * @throws PriceBookException when {@code options} names a provider the book does not have
     */
    public LiveUsage(PriceBook book, ReportOptions options) {
        this.options = options;
        this.providers = book.select(options.providers());
        this.aggregator = new UsageAggregator(providers);
    }

    @Override
    public void onInvocation(InvocationResult result) {
        record(UsageRecord.of(result));
    }

    public void record(UsageRecord r) {
        if (options.accepts(r)) {
            aggregator.add(options.priced(r));
        }
    }

    /** The report of everything recorded so far. */
    public UsageReport report() {
        return ReportBuilder.build(aggregator.snapshot(), providers, options, "live since " + since, new ArrayList<>());
    }

    /**
     * What each provider would bill for everything recorded so far, per function, before the free tier: the
     * dashboard's cost panel, several times a second. Only the bills: the whole {@link #report()} sorts every
     * invocation's figures for its percentiles, which grows with every call since start.
     */
    public Map<String, ProviderBill> bills() {
        UsageAggregator.UsageSnapshot totals = aggregator.totals();
        return new Pricing(providers, totals.functions(), totals.load(), options).bills(BigDecimal.ONE);
    }

    /** The JSON report, as {@code faas report --format json} writes it (docs/metering.md). */
    public String json() {
        return ReportFormat.JSON.render(report());
    }
}
