package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed usage priced on every selected provider at any multiple of itself: the report's own month (factor
 * 1), a projection, and each point of the break-even curves.
 */
final class Pricing {
    private final List<Provider> providers;
    private final List<FunctionUsage> usage;
    private final ContainerLoad load;
    private final ReportOptions options;
    private final Map<String, MeteredUsage> merged = new LinkedHashMap<>();

    Pricing(List<Provider> providers, List<FunctionUsage> usage, ContainerLoad load, ReportOptions options) {
        this.providers = List.copyOf(providers);
        this.usage = List.copyOf(usage);
        this.load = load;
        this.options = options;
        for (Provider p : providers) {
            merged.put(p.id(), MeteredUsage.merge(usage.stream()
                    .map(u -> u.metered().getOrDefault(p.id(), MeteredUsage.NONE)).toList()));
        }
    }

    ReportOptions options() {
        return options;
    }

    List<Provider> providers() {
        return providers;
    }

    ContainerLoad load() {
        return load;
    }

    /** Every provider's bill for {@code factor} times the observed invocations. */
    Map<String, ProviderBill> bills(BigDecimal factor) {
        Map<String, ProviderBill> bills = new LinkedHashMap<>();
        for (Provider p : providers) {
            bills.put(p.id(), bill(p, factor));
        }
        return bills;
    }

    ProviderBill bill(Provider p, BigDecimal factor) {
        Map<String, MeteredUsage> byFunction = new LinkedHashMap<>();
        usage.forEach(u -> byFunction.put(u.name(), u.metered().getOrDefault(p.id(), MeteredUsage.NONE).scaled(factor)));
        return p.isContainer() ? ContainerCalculator.bill(p, byFunction, load, factor, options.containerSize())
                : CostCalculator.bill(p, byFunction, options.freeTier());
    }

    /** What the month costs on {@code p} (after the free tier when it applies) at {@code factor} times the usage. */
    BigDecimal monthly(Provider p, BigDecimal factor) {
        return p.isContainer() ? ContainerCalculator.monthly(p, load, factor, options.containerSize())
                : CostCalculator.monthly(p, merged.get(p.id()).scaled(factor), options.freeTier());
    }
}
