package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.DoubleStream;

/** Turns a snapshot of usage into a {@link UsageReport}: statistics per function, then each provider's bill. */
final class ReportBuilder {
    static final String TOTAL = "total";
    private static final BigDecimal MS_TIMES_MB_PER_GB_S = BigDecimal.valueOf(1_024_000);

    private ReportBuilder() {
    }

    static UsageReport build(UsageAggregator.UsageSnapshot snapshot, List<Provider> providers, ReportOptions options,
            String source, List<String> warnings) {
        List<FunctionUsage> usage = snapshot.functions();
        Pricing pricing = new Pricing(providers, usage, snapshot.load(), options);
        Map<String, ProviderBill> bills = pricing.bills(BigDecimal.ONE);
        List<FunctionReport> rows = usage.stream().map(u -> row(u, bills)).toList();
        FunctionReport total = total(usage, bills);
        Optional<Projection> projection = Optional.empty();
        if (options.projects()) {
            if (total.invocations() == 0) {
                warnings.add("no invocations ran, so there is nothing to project");
            } else {
                projection = Optional.of(project(usage, pricing, options, total.invocations()));
            }
        }
        Optional<BreakEven> breakEven = BreakEven.find(pricing, total.invocations());
        return new UsageReport(source, Instant.now(), snapshot.records(), snapshot.first(), snapshot.last(), options,
                providers, rows, total, bills, projection, warnings, snapshot.load(), breakEven);
    }

    private static FunctionReport row(FunctionUsage u, Map<String, ProviderBill> bills) {
        Map<String, Cost> before = new LinkedHashMap<>();
        Map<String, Cost> after = new LinkedHashMap<>();
        bills.forEach((id, bill) -> {
            before.put(id, bill.before().get(u.name()));
            after.put(id, bill.after().get(u.name()));
        });
        return stats(u.name(), List.of(u), before, after, u.memoryMb());
    }

    private static FunctionReport total(List<FunctionUsage> usage, Map<String, ProviderBill> bills) {
        Map<String, Cost> before = new LinkedHashMap<>();
        Map<String, Cost> after = new LinkedHashMap<>();
        bills.forEach((id, bill) -> {
            before.put(id, bill.totalBefore());
            after.put(id, bill.totalAfter());
        });
        List<OptionalInt> sizes = usage.stream().map(FunctionUsage::memoryMb).distinct().toList();
        return stats(TOTAL, usage, before, after, sizes.size() == 1 ? sizes.get(0) : OptionalInt.empty());
    }

    private static FunctionReport stats(String name, List<FunctionUsage> parts, Map<String, Cost> before,
            Map<String, Cost> after, OptionalInt memoryMb) {
        double[] durations = concat(parts, FunctionUsage::durationsMs);
        double[] inits = concat(parts, FunctionUsage::initsMs);
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> coldInit = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            if (inits[i] > 0) {
                cold.add(durations[i] + inits[i]);
                coldInit.add(inits[i]);
            } else {
                warm.add(durations[i]);
            }
        }
        long msMb = parts.stream().mapToLong(FunctionUsage::billedMsTimesMb).sum();
        return new FunctionReport(name, sum(parts, FunctionUsage::invocations), sum(parts, FunctionUsage::errors),
                sum(parts, FunctionUsage::timeouts), sum(parts, FunctionUsage::throttles),
                sum(parts, FunctionUsage::coldStarts), Percentiles.of(durations), Percentiles.of(unbox(coldInit)),
                Percentiles.of(unbox(warm)), Percentiles.of(unbox(cold)), sum(parts, FunctionUsage::billedMs),
                BigDecimal.valueOf(msMb).divide(MS_TIMES_MB_PER_GB_S), memoryMb,
                Percentiles.of(concat(parts, FunctionUsage::allocatedBytes)), DurationHistogram.of(durations), before,
                after);
    }

    private static Projection project(List<FunctionUsage> usage, Pricing pricing, ReportOptions options, long ran) {
        BigDecimal factor = options.scale() != null ? options.scale()
                : exactOr20(BigDecimal.valueOf(options.monthlyRequests()), BigDecimal.valueOf(ran));
        long monthly = options.scale() != null
                ? options.scale().multiply(BigDecimal.valueOf(ran)).setScale(0, RoundingMode.HALF_UP).longValueExact()
                : options.monthlyRequests();
        Map<String, ProviderBill> bills = pricing.bills(factor);
        List<Projection.Row> rows = new ArrayList<>();
        for (FunctionUsage u : usage) {
            Map<String, Cost> before = new LinkedHashMap<>();
            Map<String, Cost> after = new LinkedHashMap<>();
            bills.forEach((id, bill) -> {
                before.put(id, bill.before().get(u.name()));
                after.put(id, bill.after().get(u.name()));
            });
            rows.add(new Projection.Row(u.name(), BigDecimal.valueOf(u.invocations()).multiply(factor),
                    gbSeconds(u.billedMsTimesMb(), factor), before, after));
        }
        Map<String, Cost> before = new LinkedHashMap<>();
        Map<String, Cost> after = new LinkedHashMap<>();
        bills.forEach((id, bill) -> {
            before.put(id, bill.totalBefore());
            after.put(id, bill.totalAfter());
        });
        long msMb = usage.stream().mapToLong(FunctionUsage::billedMsTimesMb).sum();
        Projection.Row total = new Projection.Row(TOTAL, BigDecimal.valueOf(ran).multiply(factor),
                gbSeconds(msMb, factor), before, after);
        return new Projection(monthly, factor, rows, total, bills);
    }

    private static BigDecimal gbSeconds(long msMb, BigDecimal factor) {
        return BigDecimal.valueOf(msMb).multiply(factor).divide(MS_TIMES_MB_PER_GB_S);
    }

    private static BigDecimal exactOr20(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, 20, RoundingMode.HALF_EVEN);
        }
    }

    private static long sum(List<FunctionUsage> parts, ToLongFunction<FunctionUsage> f) {
        return parts.stream().mapToLong(f).sum();
    }

    private static double[] concat(List<FunctionUsage> parts, Function<FunctionUsage, double[]> f) {
        return parts.stream().flatMapToDouble(u -> DoubleStream.of(f.apply(u))).toArray();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
