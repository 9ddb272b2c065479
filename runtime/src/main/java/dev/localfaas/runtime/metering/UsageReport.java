package dev.localfaas.runtime.metering;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bill: per function and in total, what ran, how long, and what it would cost on each provider, with the
 * arithmetic. Renderers ({@link ReportFormat}) turn it into text.
 *
 * @param source     what was read: the ledger's path, or "live" for a running gateway's own records
 * @param records    how many records were read (in scope)
 * @param firstStart start of the earliest record, or null when there are none
 * @param providers  the providers priced, in order
 * @param bills      per provider id, the charges and their arithmetic
 * @param warnings   one line per record skipped
 * @param load       concurrency over time and what an always-on container would have carried
 * @param breakEven  FaaS against the container over monthly volume, when both are priced and something ran
 */
public record UsageReport(String source, Instant generatedAt, long records, Instant firstStart, Instant lastStart,
        ReportOptions options, List<Provider> providers, List<FunctionReport> functions, FunctionReport total,
        Map<String, ProviderBill> bills, Optional<Projection> projection, List<String> warnings, ContainerLoad load,
        Optional<BreakEven> breakEven) {

    public UsageReport {
        providers = List.copyOf(providers);
        functions = List.copyOf(functions);
        bills = Collections.unmodifiableMap(new LinkedHashMap<>(bills));
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads a usage ledger and prices it.
     *
     * @throws PriceBookException       when {@code options} names a provider the book does not have
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static UsageReport fromFile(Path ledger, PriceBook book, ReportOptions options) {
        return fromFile(ledger, book, options, false);
    }

    /** Like {@link #fromFile(Path, PriceBook, ReportOptions)}, with a line per version ({@code fn:3}) when asked. */
    public static UsageReport fromFile(Path ledger, PriceBook book, ReportOptions options, boolean byVersion) {
        List<Provider> providers = book.select(options.providers());
        UsageAggregator aggregator = new UsageAggregator(providers);
        UsageReader.Result read = UsageReader.read(ledger, r -> {
            if (options.accepts(r)) {
                UsageRecord priced = options.priced(r);
                aggregator.add(byVersion ? priced.byVersion() : priced);
            }
        });
        return ReportBuilder.build(aggregator.snapshot(), providers, options, ledger.toString(),
                new ArrayList<>(read.warnings()));
    }

    public boolean isEmpty() {
        return records == 0;
    }
}
